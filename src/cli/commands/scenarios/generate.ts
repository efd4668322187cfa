/**
 * `shopfloor scenarios generate SPEC`: the holdout suite of a spec, made by the offline generators (and a
 * language model when one is configured), stored under the factory home as a new version.
 */
import { Command } from "commander";
import { modelFor } from "../../../contracts/config.js";
import { defaultScenarioCounts, type ScenarioCounts, type Spec } from "../../../contracts/spec.js";
import { loadSpec } from "../../../requirements/load-spec.js";
import { emptySuite, generateSuite } from "../../../scenarios/generate/generate-suite.js";
import { type CommandContext, printJson } from "../../command-context.js";
import { loadConfig } from "../../load-config.js";
import { parseCount } from "../../option-parsers.js";
import {
  categoryFigures,
  type GenerateReport,
  type ModelFigures,
  nextCommand,
  renderGenerateReport,
} from "./generate-report.js";
import { addModelScenarios, defaultModelScenarios } from "./model-scenarios.js";
import { parseCounts } from "./parse-counts.js";
import {
  homeArgument,
  openStore,
  referenceOf,
  type StoreOptions,
  withStoreOptions,
} from "./store-options.js";

interface GenerateOptions extends StoreOptions {
  seed: number;
  counts?: ScenarioCounts;
  config?: string;
  llm: boolean;
  llmScenarios?: number;
}

export function generateCommand(context: CommandContext): Command {
  return withStoreOptions(
    new Command("generate")
      .description("generate the holdout suite of a spec and store it as a new version")
      .argument("<spec>", "the spec, a Markdown file")
      .option(
        "--seed <n>",
        "seed of the generators: the same seed gives the same suite",
        parseCount,
        1,
      )
      .option(
        "--counts <normal,edge,malicious>",
        "scenarios per category (default: the spec's front matter, else 100,50,30)",
        parseCounts,
      )
      .option("--config <path>", "config file, for the scenarios model")
      .option("--no-llm", "do not ask a language model for scenarios, even when one is configured")
      .option(
        "--llm-scenarios <n>",
        `scenarios to ask the model for (default ${defaultModelScenarios})`,
        parseCount,
      ),
  ).action((specPath: string, options: GenerateOptions) => generate(context, specPath, options));
}

async function generate(
  context: CommandContext,
  specPath: string,
  options: GenerateOptions,
): Promise<void> {
  const spec = await loadSpec(specPath, { workingDirectory: context.io.workingDirectory });
  const counts = countsFor(spec, options.counts);
  let llm: ModelFigures | undefined;
  const modelReference = options.llm
    ? modelFor(await loadConfig(context.io, options.config), "scenarios")
    : undefined;
  // Without a structured model there is nothing to generate offline: the language model writes it all.
  const modelOnly = spec.model === undefined && modelReference !== undefined;
  let suite = modelOnly
    ? emptySuite(spec, { seed: options.seed, counts })
    : generateSuite(spec, { seed: options.seed, counts });
  const total =
    options.llmScenarios ??
    (modelOnly ? counts.normal + counts.edge + counts.malicious : defaultModelScenarios);
  if (modelReference !== undefined && total > 0) {
    ({ suite, figures: llm } = await addModelScenarios(context, {
      spec,
      suite,
      reference: modelReference,
      counts,
      total,
    }));
  }
  const stored = await openStore(context, options).save({
    header: suite.header,
    scenarios: suite.scenarios,
  });
  const storedAs = referenceOf(stored);
  const report: GenerateReport = {
    reference: storedAs,
    created: stored.created,
    file: stored.file,
    spec: { name: spec.frontMatter.name, source: spec.source, hash: spec.hash },
    seed: options.seed,
    categories: categoryFigures(counts, suite.scenarios),
    coverage: suite.coverage,
    uncovered: suite.coverage.filter((row) => row.scenarios.length === 0).map((row) => row.id),
    ...(llm ? { llm } : {}),
    notes: suite.notes,
    next: nextCommand(storedAs, suite.header.target, homeArgument(options)),
  };
  if (options.json) printJson(context, report);
  else context.io.stdout(renderGenerateReport(report));
}

/** The counts asked for: the option, else the spec's front matter, else 100/50/30. */
export function countsFor(spec: Spec, explicit: ScenarioCounts | undefined): ScenarioCounts {
  return explicit ?? { ...defaultScenarioCounts, ...spec.frontMatter.scenarios };
}
