/**
 * The sample-size planner: how many trials a suite needs before the gate can approve a pass rate, and what
 * a suite of a given size can ever show. It answers the question before any money is spent: 180 scenarios
 * can never demonstrate 99% at 95% confidence, and 99.9% needs at least 2,995 flawless trials.
 *
 * "Demonstrate" means the one-sided Clopper–Pearson lower bound reaches the pass rate, the same bound
 * binomialInterval({ side: "lower" }) gives the gate, so the planner and the gate can never disagree.
 */

import { InvalidArgumentError } from "../contracts/errors.js";
import { requireInteger, requireOpenUnitInterval } from "./arguments.js";
import { clopperPearsonLower } from "./clopper-pearson.js";

export interface DemonstrationTarget {
  passRate: number;
  confidence: number;
  /** Failures the run may contain and still demonstrate the rate; defaults to 0. */
  failuresAllowed?: number;
}

/** Beyond this a plan is not a plan: the target is too close to 100% to demonstrate by testing. */
export const maximumPlannedTrials = 1_000_000_000;

/** The fewest trials that, with exactly `failuresAllowed` failures, demonstrate `passRate`. */
export function trialsToDemonstrate(target: DemonstrationTarget): number {
  const { passRate, confidence } = target;
  const failuresAllowed = target.failuresAllowed ?? 0;
  requireOpenUnitInterval(passRate, "passRate");
  requireOpenUnitInterval(confidence, "confidence");
  requireInteger(failuresAllowed, "failuresAllowed", 0, maximumPlannedTrials - 1);

  const flawless = flawlessTrialsNeeded(passRate, confidence);
  if (failuresAllowed === 0) return flawless;

  const demonstrates = (trials: number) =>
    lowerBoundWithFailures(trials, failuresAllowed, confidence) >= passRate;
  // Allowing failures never lowers the count, so fewer trials than a flawless run needs cannot suffice.
  let failing = Math.max(flawless - 1, failuresAllowed);
  let step = Math.max(failing, 1);
  let passing = Math.min(failing + step, maximumPlannedTrials);
  while (!demonstrates(passing)) {
    if (passing >= maximumPlannedTrials) throw tooManyTrials(target);
    failing = passing;
    step *= 2;
    passing = Math.min(failing + step, maximumPlannedTrials);
  }
  while (passing - failing > 1) {
    const middle = Math.floor((failing + passing) / 2);
    if (demonstrates(middle)) passing = middle;
    else failing = middle;
  }
  return passing;
}

/** The best one-sided lower bound `trials` can ever give: all pass, (1 - confidence)^(1/trials). */
export function bestLowerBound(trials: number, confidence: number): number {
  requireInteger(trials, "trials", 1);
  requireOpenUnitInterval(confidence, "confidence");
  return clopperPearsonLower(trials, trials, 1 - confidence);
}

/** The most failures with which `trials` still demonstrates `passRate`; -1 if a flawless run cannot. */
export function failuresTolerated(trials: number, passRate: number, confidence: number): number {
  requireInteger(trials, "trials", 1);
  requireOpenUnitInterval(passRate, "passRate");
  requireOpenUnitInterval(confidence, "confidence");
  if (bestLowerBound(trials, confidence) < passRate) return -1;

  // The bound falls as failures grow, and with every trial failed it is 0, below any pass rate.
  let tolerated = 0;
  let notTolerated = trials;
  while (notTolerated - tolerated > 1) {
    const middle = Math.floor((tolerated + notTolerated) / 2);
    if (lowerBoundWithFailures(trials, middle, confidence) >= passRate) tolerated = middle;
    else notTolerated = middle;
  }
  return tolerated;
}

function lowerBoundWithFailures(trials: number, failures: number, confidence: number): number {
  if (failures >= trials) return 0;
  return clopperPearsonLower(trials - failures, trials, 1 - confidence);
}

/**
 * Closed form n = ln(1 - c) / ln(p), then checked against the bound itself: the division can land a hair
 * on the wrong side of an integer, and the gate will judge the run with the bound, not with this formula.
 */
function flawlessTrialsNeeded(passRate: number, confidence: number): number {
  const estimate = Math.ceil(Math.log(1 - confidence) / Math.log(passRate));
  if (!(estimate <= maximumPlannedTrials)) throw tooManyTrials({ passRate, confidence });
  let trials = Math.max(estimate, 1);
  while (lowerBoundWithFailures(trials, 0, confidence) < passRate) trials++;
  while (trials > 1 && lowerBoundWithFailures(trials - 1, 0, confidence) >= passRate) trials--;
  return trials;
}

function tooManyTrials(target: DemonstrationTarget): InvalidArgumentError {
  const failures = target.failuresAllowed ?? 0;
  return new InvalidArgumentError(
    `passRate ${target.passRate} at confidence ${target.confidence} with ${failures} failures allowed ` +
      `needs more than ${maximumPlannedTrials.toLocaleString("en-US")} trials; lower the pass rate or the confidence`,
    "passRate",
  );
}
