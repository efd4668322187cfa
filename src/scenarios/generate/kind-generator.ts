/**
 * The shape every offline generator has, whatever the spec's kind: from the spec and its model, candidate
 * scenarios per category, most valuable first (the spec's own examples, then every boundary once, then
 * seeded variations). `generateSuite` takes the first distinct ones up to the requested counts.
 */
import type { Scenario } from "../../contracts/scenario.js";
import type { ScenarioCounts, Spec } from "../../contracts/spec.js";

export interface KindGeneratorRequest<Model> {
  spec: Spec;
  model: Model;
  /** How many of each category are wanted; a generator may offer more (they are cut) or fewer. */
  counts: ScenarioCounts;
  seed: number;
}

export interface CandidateScenarios {
  /** Tagged (`entity:todo`, `operation:create`, `field:title`, `aspect:validation`…) for coverage. */
  scenarios: Scenario[];
  /** Things the user should know: a constraint that could not be tested, a value that could not be made. */
  notes: string[];
}
