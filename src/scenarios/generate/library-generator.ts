/**
 * The offline generator of a library spec's holdout suite (docs/spec-conventions.md#library): per
 * category, most valuable first — the model's own examples and the criteria's inline examples, then
 * seeded valid calls; every boundary of every parameter; hostile values. Deterministic for a seed. The
 * suite's `defaults.module` is the model's module; steps name only the export.
 */
import { FunctionStep, type Scenario } from "../../contracts/scenario.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import type { LibraryModel } from "../../contracts/spec.js";
import { distinctScenarios, modelExampleScenarios } from "./cli-library-shared.js";
import type { CandidateScenarios, KindGeneratorRequest } from "./kind-generator.js";
import { libraryCriterionExampleScenarios } from "./library-criterion-examples.js";
import { edgeLibraryScenarios } from "./library-edge.js";
import { libraryGenerationContext } from "./library-generation-context.js";
import { maliciousLibraryScenarios } from "./library-malicious.js";
import { normalLibraryScenarios } from "./library-normal.js";

export function generateLibraryScenarios(
  request: KindGeneratorRequest<LibraryModel>,
): CandidateScenarios {
  const generation = libraryGenerationContext(request);
  const { notes, functions } = generation;
  const examples = modelExampleScenarios(request.model.examples, FunctionStep, notes);
  const examplesOf = (category: ScenarioCategory) =>
    examples.filter((scenario) => scenario.category === category);
  const normal: Scenario[] = [
    ...examplesOf("normal"),
    ...libraryCriterionExampleScenarios(request.spec.criteria, functions, notes),
    ...normalLibraryScenarios(generation),
  ];
  const edge = [...examplesOf("edge"), ...edgeLibraryScenarios(generation)];
  const malicious = [...examplesOf("malicious"), ...maliciousLibraryScenarios(generation)];
  return {
    scenarios: [normal, edge, malicious].flatMap((list) => distinctScenarios(list)),
    notes,
  };
}
