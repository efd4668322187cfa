/**
 * Which scenarios a trials job still has to run: those with no trial recorded for the build. The line
 * stores each trial once under (build, scenario, attempt), so a job resumed after a crash runs only what
 * is missing and never counts a trial twice.
 */
import type { Scenario } from "../../contracts/scenario.js";
import type { TrialResult } from "../../contracts/trial-result.js";

/** The scenarios, in order, without a recorded first trial (a result without an attempt is the first). */
export function trialsToRun(
  scenarios: readonly Scenario[],
  recorded: readonly TrialResult[],
): Scenario[] {
  const done = new Set(
    recorded.filter((result) => (result.attempt ?? 1) === 1).map((result) => result.scenario),
  );
  return scenarios.filter((scenario) => !done.has(scenario.id));
}
