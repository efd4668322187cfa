/**
 * Wald's sequential probability ratio test (Wald 1945) for the gate's "more trials" decision: after each
 * batch of trials the test says accept, reject or continue, and it stops as soon as the evidence decides.
 * Unlike recomputing a fixed-n confidence interval after every batch, looking after every trial is part of
 * its design, so its error rates hold however often the gate looks. Good builds typically need far fewer
 * trials than the equivalent fixed single-sampling plan (fixedSamplePlan), which the benchmark shows.
 */

import { requireClosedUnitInterval, requireInteger } from "./arguments.js";
import type { RandomSource } from "./random.js";
import {
  type LikelihoodSteps,
  likelihoodSteps,
  logLikelihoodRatio,
  type SprtPlan,
  validateSprtPlan,
} from "./sprt-plan.js";

export { type AcceptancePlan, fixedSamplePlan } from "./fixed-sample-plan.js";
export {
  sprtAverageSampleNumber,
  sprtOperatingCharacteristic,
} from "./sprt-operating-characteristic.js";
export { type SprtBoundaries, type SprtPlan, sprtBoundaries } from "./sprt-plan.js";

/** "accept" accepts H0 (the build fails at the acceptable rate); "reject" accepts H1. */
export type SprtDecision = "accept" | "reject" | "continue";

export interface SprtEvidence {
  trials: number;
  failures: number;
}

export interface SprtOutcome {
  decision: SprtDecision;
  logLikelihoodRatio: number;
}

export interface SimulatedSprtRun {
  decision: SprtDecision;
  trials: number;
}

/** A run that reaches this many trials without a decision is reported as "continue". */
export const defaultSimulationTrialLimit = 100_000;

export function sprtDecide(plan: SprtPlan, evidence: SprtEvidence): SprtOutcome {
  validateSprtPlan(plan);
  requireInteger(evidence.trials, "trials", 0);
  requireInteger(evidence.failures, "failures", 0, evidence.trials);
  const steps = likelihoodSteps(plan);
  const ratio = logLikelihoodRatio(steps, evidence.trials, evidence.failures);
  return { decision: decisionFor(steps, ratio), logLikelihoodRatio: ratio };
}

/** One SPRT run on a simulated stream where each trial fails with probability `failureRate`. */
export function simulateSprt(
  plan: SprtPlan,
  failureRate: number,
  random: RandomSource,
  maxTrials = defaultSimulationTrialLimit,
): SimulatedSprtRun {
  validateSprtPlan(plan);
  requireClosedUnitInterval(failureRate, "failureRate");
  requireInteger(maxTrials, "maxTrials", 1);
  const steps = likelihoodSteps(plan);
  let failures = 0;
  for (let trials = 1; trials <= maxTrials; trials++) {
    if (random() < failureRate) failures++;
    const decision = decisionFor(steps, logLikelihoodRatio(steps, trials, failures));
    if (decision !== "continue") return { decision, trials };
  }
  return { decision: "continue", trials: maxTrials };
}

/** Reaching a boundary exactly decides, as in Wald's definition (continue only strictly between). */
function decisionFor(steps: LikelihoodSteps, ratio: number): SprtDecision {
  if (ratio >= steps.logUpper) return "reject";
  if (ratio <= steps.logLower) return "accept";
  return "continue";
}
