/**
 * The scenarios a language model adds to an offline suite: asked for in proportion to the requested
 * counts, validated by the LLM generator, merged as `llm:<provider>/<model>`, and the figures of what it
 * proposed and what became of it written into the suite's provenance.
 */
import type { ModelReference } from "../../../contracts/config.js";
import type { ScenarioCounts, Spec } from "../../../contracts/spec.js";
import { createLanguageModel, modelLabel } from "../../../models/create-language-model.js";
import { type GeneratedSuite, mergeScenarios } from "../../../scenarios/generate/generate-suite.js";
import { generateScenariosWithModel } from "../../../scenarios/llm/generate-with-model.js";
import { splitCount } from "../../../scenarios/split-count.js";
import type { CommandContext } from "../../command-context.js";
import type { ModelFigures } from "./generate-report.js";

export const defaultModelScenarios = 20;

export async function addModelScenarios(
  context: CommandContext,
  request: {
    spec: Spec;
    suite: GeneratedSuite;
    reference: ModelReference;
    counts: ScenarioCounts;
    total: number;
  },
): Promise<{ suite: GeneratedSuite; figures: ModelFigures }> {
  const { spec, suite, reference } = request;
  const label = modelLabel(reference);
  context.io.stderr(`asking ${label} for ${request.total} more scenarios…\n`);
  const result = await generateScenariosWithModel({
    spec,
    header: suite.header,
    model: createLanguageModel(reference, context.io.environment),
    wanted: splitCount(request.total, request.counts),
    existing: suite.scenarios,
    focusCriteria: spec.criteria,
  });
  const merged = mergeScenarios(suite, result.scenarios, `llm:${label}`);
  const llm = {
    proposed: result.proposed,
    accepted: result.accepted,
    repaired: result.repaired,
    dropped: result.dropped,
  };
  const generated = merged.header.generated;
  return {
    suite: {
      ...merged,
      header: { ...merged.header, ...(generated ? { generated: { ...generated, llm } } : {}) },
    },
    figures: {
      model: label,
      ...llm,
      droppedReasons: result.droppedReasons,
      usage: result.usage,
    },
  };
}
