/**
 * `shopfloor scenarios show REFERENCE`: a stored suite version summed up (header, counts, provenance,
 * criteria coverage), or its whole YAML, or one of its scenarios as YAML.
 */
import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { criteriaCoverage } from "../../../scenarios/criteria-coverage.js";
import { findScenario } from "../../../scenarios/store/suite-lookup.js";
import { yamlText } from "../../../scenarios/store/suite-yaml.js";
import { type CommandContext, printJson } from "../../command-context.js";
import { renderCoverage } from "./criteria-coverage.js";
import { openStore, type StoreOptions, withStoreOptions } from "./store-options.js";
import { renderSuiteSummary } from "./suite-summary.js";

interface ShowOptions extends StoreOptions {
  yaml?: boolean;
  scenario?: string;
}

export function showCommand(context: CommandContext): Command {
  return withStoreOptions(
    new Command("show")
      .description("show a stored suite: a summary, its whole YAML, or one scenario")
      .argument("<reference>", "NAME (its current version) or NAME@VERSION")
      .option("--yaml", "print the whole stored YAML file")
      .option("--scenario <id>", "print one scenario"),
  ).action((reference: string, options: ShowOptions) => show(context, reference, options));
}

async function show(context: CommandContext, reference: string, options: ShowOptions) {
  const store = openStore(context, options);
  const stored = await store.resolve(reference);
  if (options.yaml) {
    const text = await readFile(stored.file, "utf8");
    if (options.json) printJson(context, { ...stored, yaml: text });
    else context.io.stdout(text);
    return;
  }
  const suite = await store.load(`${stored.name}@${stored.version}`);
  if (options.scenario !== undefined) {
    const scenario = findScenario(suite.scenarios, options.scenario, stored);
    if (options.json) printJson(context, scenario);
    else context.io.stdout(yamlText(scenario));
    return;
  }
  const coverage = criteriaCoverage(suite.header.criteria ?? [], suite.scenarios);
  if (options.json) {
    const { folder: _, ...content } = suite;
    printJson(context, { stored, header: content.header, coverage });
    return;
  }
  context.io.stdout(`${renderSuiteSummary(stored, suite)}\n${renderCoverage(coverage)}`);
}
