/**
 * From trials to scenarios. The scenario is the unit of evidence: repeats of a scenario measure its
 * flakiness and are not independent evidence. A scenario passes only if every one of its trials passed,
 * because a user meets a flaky behaviour as a failure sooner or later.
 */
import { InvalidInputError, type ScenarioCategory, type TrialResult } from "../contracts/index.js";

export interface ScenarioOutcome {
  scenario: string;
  category: ScenarioCategory;
  trials: number;
  passedTrials: number;
  pass: boolean;
  /** Mixed outcomes over repeats. */
  flaky: boolean;
}

export function scenarioOutcomes(
  results: readonly TrialResult[],
  source = "trial results",
): ScenarioOutcome[] {
  const outcomes = new Map<string, ScenarioOutcome>();
  for (const result of results) {
    const outcome = outcomes.get(result.scenario);
    if (!outcome) {
      outcomes.set(result.scenario, {
        scenario: result.scenario,
        category: result.category,
        trials: 1,
        passedTrials: result.pass ? 1 : 0,
        pass: result.pass,
        flaky: false,
      });
      continue;
    }
    if (outcome.category !== result.category) {
      throw new InvalidInputError(source, [
        {
          field: "category",
          message: `scenario "${result.scenario}" appears as both "${outcome.category}" and "${result.category}"; a scenario belongs to one category`,
        },
      ]);
    }
    outcome.trials += 1;
    if (result.pass) outcome.passedTrials += 1;
    outcome.pass = outcome.pass && result.pass;
    outcome.flaky = outcome.passedTrials > 0 && outcome.passedTrials < outcome.trials;
  }
  return [...outcomes.values()];
}
