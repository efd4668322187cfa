/**
 * The single-sampling plan an SPRT is measured against: run exactly n trials and accept the build iff at
 * most c of them fail, with the same risks (P(accept | p0) >= 1 - alpha, P(accept | p1) <= beta). Exact
 * binomial probabilities, no normal approximation, so the plan it returns meets both risks for certain.
 */

import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { InvalidArgumentError } from "../contracts/errors.js";
import { binomialCumulative } from "./binomial-distribution.js";
import { type SprtPlan, validateSprtPlan } from "./sprt-plan.js";

export interface AcceptancePlan {
  trials: number;
  /** Accept iff failures <= acceptanceNumber. */
  acceptanceNumber: number;
}

/** Beyond this the scan would take seconds and the plan would be useless anyway. */
export const maximumFixedPlanTrials = 1_000_000;

/**
 * The smallest n for which some c meets both risks, with the smallest such c. n is found by a scan from 1,
 * not a bisection: whether a valid c exists is not monotone in n (the binomial's discreteness makes it
 * saw-toothed), so the first n that works is the only honest "smallest".
 */
export function fixedSamplePlan(plan: SprtPlan): AcceptancePlan {
  validateSprtPlan(plan);
  const { acceptableFailureRate, rejectableFailureRate, alpha, beta } = plan;
  if (normalApproximateTrials(plan) > maximumFixedPlanTrials) {
    throw new InvalidArgumentError(
      `acceptableFailureRate ${acceptableFailureRate} and rejectableFailureRate ${rejectableFailureRate} ` +
        `are too close: a fixed plan would need more than ${maximumFixedPlanTrials.toLocaleString("en-US")} trials`,
      "rejectableFailureRate",
    );
  }
  // The smallest c that protects good builds never decreases as n grows, so it is carried along.
  let acceptanceNumber = 0;
  for (let trials = 1; trials <= maximumFixedPlanTrials; trials++) {
    while (binomialCumulative(acceptanceNumber, trials, acceptableFailureRate) < 1 - alpha) {
      acceptanceNumber++;
    }
    if (binomialCumulative(acceptanceNumber, trials, rejectableFailureRate) <= beta) {
      return { trials, acceptanceNumber };
    }
  }
  throw new InvalidArgumentError(
    `no fixed plan with at most ${maximumFixedPlanTrials} trials meets alpha ${alpha} and beta ${beta}`,
    "rejectableFailureRate",
  );
}

/** The textbook normal approximation, used only to refuse hopeless requests before scanning. */
function normalApproximateTrials(plan: SprtPlan): number {
  const { acceptableFailureRate: p0, rejectableFailureRate: p1, alpha, beta } = plan;
  const spread =
    -normalQuantile(alpha, 0, 1) * Math.sqrt(p0 * (1 - p0)) -
    normalQuantile(beta, 0, 1) * Math.sqrt(p1 * (1 - p1));
  return (spread / (p1 - p0)) ** 2;
}
