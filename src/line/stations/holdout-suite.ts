/**
 * Making a work item's holdout suite: the offline generators (seeded by config.line.seed, counts from
 * the spec's front matter, else 100/50/30), and a language model's scenarios on top when one is
 * configured for `scenarios` (all of them when the spec has no structured model). The model's tokens
 * are charged to testing.
 */
import { type Config, type ModelReference, modelFor } from "../../contracts/config.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import { defaultScenarioCounts, type ScenarioCounts, type Spec } from "../../contracts/spec.js";
import type { Ledger } from "../../ledger/ledger.js";
import {
  emptySuite,
  type GeneratedSuite,
  generateSuite,
  mergeScenarios,
} from "../../scenarios/generate/generate-suite.js";
import { splitCount } from "../../scenarios/split-count.js";

/** Scenarios asked of a model on top of the offline ones, as `shopfloor scenarios generate` does. */
const modelScenariosOnTop = 20;

export interface HoldoutSuiteRequest {
  spec: Spec;
  config: Config;
  environment: Readonly<Record<string, string | undefined>>;
  ledger: Ledger;
  workItem: string;
  signal: AbortSignal;
}

export async function generateHoldoutSuite(request: HoldoutSuiteRequest): Promise<GeneratedSuite> {
  const { spec, config } = request;
  const counts: ScenarioCounts = { ...defaultScenarioCounts, ...spec.frontMatter.scenarios };
  const options = { seed: config.line.seed, counts };
  const reference = modelFor(config, "scenarios");
  if (reference === undefined) return generateSuite(spec, options);
  const modelOnly = spec.model === undefined;
  const suite = modelOnly ? emptySuite(spec, options) : generateSuite(spec, options);
  const total = modelOnly ? counts.normal + counts.edge + counts.malicious : modelScenariosOnTop;
  return addModelScenarios(request, suite, reference, splitCount(total, counts));
}

async function addModelScenarios(
  request: HoldoutSuiteRequest,
  suite: GeneratedSuite,
  reference: ModelReference,
  wanted: Record<ScenarioCategory, number>,
): Promise<GeneratedSuite> {
  const [{ createLanguageModel, modelLabel }, { generateScenariosWithModel }] = await Promise.all([
    import("../../models/create-language-model.js"),
    import("../../scenarios/llm/generate-with-model.js"),
  ]);
  const result = await generateScenariosWithModel({
    spec: request.spec,
    header: suite.header,
    model: createLanguageModel(reference, request.environment),
    wanted,
    existing: suite.scenarios,
    focusCriteria: request.spec.criteria,
    signal: request.signal,
  });
  await request.ledger.record([
    {
      kind: "model",
      model: reference.model,
      provider: reference.provider,
      category: "testing",
      tokens: result.usage,
      workItem: request.workItem,
      station: "scenarios",
    },
  ]);
  const merged = mergeScenarios(suite, result.scenarios, `llm:${modelLabel(reference)}`);
  const generated = merged.header.generated;
  const llm = {
    proposed: result.proposed,
    accepted: result.accepted,
    repaired: result.repaired,
    dropped: result.dropped,
  };
  return {
    ...merged,
    header: { ...merged.header, ...(generated ? { generated: { ...generated, llm } } : {}) },
  };
}
