/**
 * The gate's evidence read per acceptance criterion: for each criterion of the spec, the scenarios that
 * cover it and how they fared. A criterion whose scenarios all passed is shown; one with a failure points
 * at the behaviour the spec asked for that the build does not have; one with no scenario is untested.
 */
import type { Scenario, SuiteCriterion } from "../contracts/scenario.js";
import type { ScenarioOutcome } from "./scenario-outcomes.js";

export interface CriterionEvidence {
  id: string;
  text: string;
  scenarios: number;
  passed: number;
  failed: number;
  /** Covering scenarios with no trial result (a deadline stopped the run). */
  notRun: number;
  /** The first few failed scenarios, for the report. */
  failedScenarios: string[];
}

const shownFailures = 3;

export function criteriaEvidence(
  criteria: readonly SuiteCriterion[],
  scenarios: readonly Pick<Scenario, "id" | "covers">[],
  outcomes: readonly ScenarioOutcome[],
): CriterionEvidence[] {
  const outcomeOf = new Map(outcomes.map((outcome) => [outcome.scenario, outcome]));
  return criteria.map((criterion) => {
    const covering = scenarios.filter((scenario) => scenario.covers?.includes(criterion.id));
    const evidence: CriterionEvidence = {
      id: criterion.id,
      text: criterion.text,
      scenarios: covering.length,
      passed: 0,
      failed: 0,
      notRun: 0,
      failedScenarios: [],
    };
    for (const scenario of covering) {
      const outcome = outcomeOf.get(scenario.id);
      if (outcome === undefined) evidence.notRun += 1;
      else if (outcome.pass) evidence.passed += 1;
      else {
        evidence.failed += 1;
        if (evidence.failedScenarios.length < shownFailures)
          evidence.failedScenarios.push(scenario.id);
      }
    }
    return evidence;
  });
}
