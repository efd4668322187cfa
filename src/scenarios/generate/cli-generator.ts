/**
 * The offline generator of a cli spec's holdout suite (docs/spec-conventions.md#cli): per category,
 * most valuable first — the model's own examples and the criteria's inline examples, then `--help`, the
 * bad command lines and every boundary, then seeded valid lines and hostile words. Deterministic for a
 * seed. The suite's `defaults.command` is the model's command; steps carry only the arguments.
 */
import { CliStep, type Scenario } from "../../contracts/scenario.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import type { CliModel } from "../../contracts/spec.js";
import { cliCriterionExampleScenarios } from "./cli-criterion-examples.js";
import { edgeCliScenarios } from "./cli-edge.js";
import { cliGenerationContext } from "./cli-generation-context.js";
import { distinctScenarios, modelExampleScenarios } from "./cli-library-shared.js";
import { maliciousCliScenarios } from "./cli-malicious.js";
import { normalCliScenarios } from "./cli-normal.js";
import type { CandidateScenarios, KindGeneratorRequest } from "./kind-generator.js";

export function generateCliScenarios(request: KindGeneratorRequest<CliModel>): CandidateScenarios {
  const generation = cliGenerationContext(request);
  const { notes } = generation;
  const examples = modelExampleScenarios(request.model.examples, CliStep, notes);
  const examplesOf = (category: ScenarioCategory) =>
    examples.filter((scenario) => scenario.category === category);
  const normal: Scenario[] = [
    ...examplesOf("normal"),
    ...cliCriterionExampleScenarios(request.spec.criteria, notes),
    ...normalCliScenarios(generation),
  ];
  const edge = [...examplesOf("edge"), ...edgeCliScenarios(generation)];
  const malicious = [...examplesOf("malicious"), ...maliciousCliScenarios(generation)];
  return {
    scenarios: [normal, edge, malicious].flatMap((list) => distinctScenarios(list)),
    notes,
  };
}
