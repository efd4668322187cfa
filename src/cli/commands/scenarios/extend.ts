/**
 * `shopfloor scenarios extend REFERENCE`: a new version of a stored suite holding all its scenarios and
 * the distinct new ones, generated from the spec with another seed or read from a suite file of the same
 * target kind. The old version is its parent; it stays in the store unchanged.
 */
import { basename, resolve } from "node:path";
import { Command } from "commander";
import { ShopfloorError } from "../../../contracts/errors.js";
import type { Scenario, Suite, SuiteHeader } from "../../../contracts/scenario.js";
import type { ScenarioCounts } from "../../../contracts/spec.js";
import { loadSpec } from "../../../requirements/load-spec.js";
import { criteriaCoverage } from "../../../scenarios/criteria-coverage.js";
import { distinctNewScenarios, mergeCriteria } from "../../../scenarios/distinct-scenarios.js";
import { generateSuite } from "../../../scenarios/generate/generate-suite.js";
import { loadSuite } from "../../../scenarios/load-suite.js";
import { type CommandContext, printJson } from "../../command-context.js";
import { parseCount } from "../../option-parsers.js";
import { categoryGrowth, type ExtendReport, renderExtendReport } from "./extend-report.js";
import { countsFor } from "./generate.js";
import { nextCommand } from "./generate-report.js";
import { parseCounts } from "./parse-counts.js";
import {
  homeArgument,
  openStore,
  referenceOf,
  type StoreOptions,
  withStoreOptions,
} from "./store-options.js";

interface ExtendOptions extends StoreOptions {
  spec?: string;
  seed: number;
  counts?: ScenarioCounts;
  file?: string;
}

interface Addition {
  header: SuiteHeader;
  candidates: Scenario[];
  notes: string[];
  /** Recorded in the provenance: `offline:seed=2`, `file:extra.yaml`. */
  generator: string;
}

export function extendCommand(context: CommandContext): Command {
  return withStoreOptions(
    new Command("extend")
      .description("store a new version with the distinct new scenarios of a spec or a suite file")
      .argument("<reference>", "NAME (its current version) or NAME@VERSION")
      .option("--spec <spec>", "generate new scenarios from this spec")
      .option("--seed <n>", "seed for --spec; another seed gives other scenarios", parseCount, 2)
      .option("--counts <normal,edge,malicious>", "scenarios per category for --spec", parseCounts)
      .option("--file <suite>", "add the scenarios of this suite file or folder"),
  ).action((reference: string, options: ExtendOptions) => extend(context, reference, options));
}

async function extend(context: CommandContext, reference: string, options: ExtendOptions) {
  if ((options.spec === undefined) === (options.file === undefined)) {
    throw new ShopfloorError("invalid-argument", "give either --spec SPEC or --file SUITE", {
      field: "spec",
    });
  }
  const store = openStore(context, options);
  const old = await store.resolve(reference);
  const oldSuite = await store.load(referenceOf(old));
  const addition = options.spec
    ? await fromSpec(context, options.spec, options)
    : await fromFile(context, options.file ?? "");
  if (addition.header.target !== oldSuite.header.target) {
    throw new ShopfloorError(
      "invalid-input",
      `${referenceOf(old)} is a ${oldSuite.header.target} suite; the new scenarios are for ${addition.header.target}`,
    );
  }
  const added = distinctNewScenarios(oldSuite.scenarios, addition.candidates);
  const header = extendedHeader(oldSuite, addition);
  const scenarios = [...oldSuite.scenarios, ...added];
  const stored =
    added.length === 0
      ? { ...old, created: false }
      : await store.save({ header, scenarios }, { parent: old.version });
  const coverage = criteriaCoverage(header.criteria ?? [], scenarios);
  const report: ExtendReport = {
    reference: referenceOf(stored),
    created: stored.created,
    file: stored.file,
    parent: referenceOf(old),
    added: added.map((scenario) => scenario.id),
    categories: categoryGrowth(oldSuite.scenarios, added),
    coverage,
    uncovered: coverage.filter((row) => row.scenarios.length === 0).map((row) => row.id),
    notes: [
      `${added.length} of ${addition.candidates.length} new scenarios were distinct from the ${oldSuite.scenarios.length} of ${referenceOf(old)}`,
      ...addition.notes,
    ],
    next: nextCommand(referenceOf(stored), header.target, homeArgument(options)),
  };
  if (options.json) printJson(context, report);
  else context.io.stdout(renderExtendReport(report));
}

async function fromSpec(
  context: CommandContext,
  specPath: string,
  options: ExtendOptions,
): Promise<Addition> {
  const spec = await loadSpec(specPath, { workingDirectory: context.io.workingDirectory });
  const generated = generateSuite(spec, {
    seed: options.seed,
    counts: countsFor(spec, options.counts),
  });
  return {
    header: generated.header,
    candidates: generated.scenarios,
    notes: generated.notes,
    generator: `offline:seed=${options.seed}`,
  };
}

async function fromFile(context: CommandContext, file: string): Promise<Addition> {
  const suite = await loadSuite(resolve(context.io.workingDirectory, file), {
    workingDirectory: context.io.workingDirectory,
  });
  return {
    header: suite.header,
    candidates: suite.scenarios,
    notes: [],
    generator: `file:${basename(file)}`,
  };
}

/** The old header, with the criteria the new scenarios cover and where they came from. */
function extendedHeader(old: Suite, addition: Addition): SuiteHeader {
  const criteria = mergeCriteria(old.header.criteria, addition.header.criteria);
  const generated = old.header.generated;
  const generators = [...(generated?.generators ?? [])];
  if (!generators.includes(addition.generator)) generators.push(addition.generator);
  return {
    ...old.header,
    ...(criteria ? { criteria } : {}),
    ...(generated ? { generated: { ...generated, generators } } : {}),
  };
}
