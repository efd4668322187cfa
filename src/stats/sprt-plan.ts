/**
 * The plan and boundaries of Wald's sequential probability ratio test on a stream of pass/fail trials,
 * framed on the failure rate: H0 "the failure rate is the acceptable p0" (accept the build) against H1 "it
 * is the rejectable p1" (reject it). alpha is the chance of rejecting a build that fails at p0, beta the
 * chance of accepting one that fails at p1. Between p0 and p1 lies an indifference zone where either
 * decision is acceptable; that zone is what lets the test stop early.
 */

import { InvalidArgumentError } from "../contracts/errors.js";
import { requireOpenUnitInterval } from "./arguments.js";

export interface SprtPlan {
  /** p0: a build failing this often should be accepted. */
  acceptableFailureRate: number;
  /** p1: a build failing this often should be rejected; greater than p0. */
  rejectableFailureRate: number;
  /** P(reject | p0). */
  alpha: number;
  /** P(accept | p1). */
  beta: number;
}

/**
 * The test in two equivalent forms: on the log-likelihood ratio (reject at logUpper, accept at logLower),
 * and as two parallel lines in the (trials, failures) plane: reject once failures >= rejectIntercept +
 * slope·trials, accept once failures <= slope·trials - acceptIntercept.
 */
export interface SprtBoundaries {
  /** ln A = ln((1 - beta) / alpha). */
  logUpper: number;
  /** ln B = ln(beta / (1 - alpha)). */
  logLower: number;
  /** h0 = -ln B / (g1 + g2). */
  acceptIntercept: number;
  /** h1 = ln A / (g1 + g2). */
  rejectIntercept: number;
  /** s = g2 / (g1 + g2), the failure rate at which the test drifts toward neither side. */
  slope: number;
  /** ceil(h0 / s): the fewest trials that accept a build with no failure at all. */
  acceptWithZeroFailuresAt: number;
}

/** The per-trial steps of the log-likelihood ratio: +failureStep on a failure, -passStep on a pass. */
export interface LikelihoodSteps {
  /** g1 = ln(p1 / p0). */
  failureStep: number;
  /** g2 = ln((1 - p0) / (1 - p1)). */
  passStep: number;
  logUpper: number;
  logLower: number;
}

export function validateSprtPlan(plan: SprtPlan): void {
  const { acceptableFailureRate, rejectableFailureRate, alpha, beta } = plan;
  requireOpenUnitInterval(acceptableFailureRate, "acceptableFailureRate");
  requireOpenUnitInterval(rejectableFailureRate, "rejectableFailureRate");
  requireOpenUnitInterval(alpha, "alpha");
  requireOpenUnitInterval(beta, "beta");
  if (!(rejectableFailureRate > acceptableFailureRate)) {
    throw new InvalidArgumentError(
      `rejectableFailureRate must be greater than acceptableFailureRate (${acceptableFailureRate}), got ${rejectableFailureRate}`,
      "rejectableFailureRate",
    );
  }
  if (!(alpha + beta < 1)) {
    // With alpha + beta >= 1 the accept boundary is not below the reject boundary: no test is needed.
    throw new InvalidArgumentError(
      `alpha + beta must be below 1, got ${alpha} + ${beta}; flipping a coin already meets these risks`,
      "beta",
    );
  }
}

/** The steps without validation, for loops that validated the plan once. */
export function likelihoodSteps(plan: SprtPlan): LikelihoodSteps {
  const { acceptableFailureRate, rejectableFailureRate, alpha, beta } = plan;
  return {
    failureStep: Math.log(rejectableFailureRate / acceptableFailureRate),
    passStep: Math.log1p(-acceptableFailureRate) - Math.log1p(-rejectableFailureRate),
    logUpper: Math.log1p(-beta) - Math.log(alpha),
    logLower: Math.log(beta) - Math.log1p(-alpha),
  };
}

export function logLikelihoodRatio(
  steps: LikelihoodSteps,
  trials: number,
  failures: number,
): number {
  return failures * steps.failureStep - (trials - failures) * steps.passStep;
}

export function sprtBoundaries(plan: SprtPlan): SprtBoundaries {
  validateSprtPlan(plan);
  const steps = likelihoodSteps(plan);
  const { failureStep, passStep, logUpper, logLower } = steps;
  const stepSum = failureStep + passStep;
  const acceptIntercept = -logLower / stepSum;
  const slope = passStep / stepSum;
  // The ratio can round across an integer; settle it with the same comparison sprtDecide makes.
  let acceptWithZeroFailuresAt = Math.max(1, Math.ceil(acceptIntercept / slope));
  while (logLikelihoodRatio(steps, acceptWithZeroFailuresAt, 0) > logLower)
    acceptWithZeroFailuresAt++;
  while (
    acceptWithZeroFailuresAt > 1 &&
    logLikelihoodRatio(steps, acceptWithZeroFailuresAt - 1, 0) <= logLower
  ) {
    acceptWithZeroFailuresAt--;
  }
  return {
    logUpper,
    logLower,
    acceptIntercept,
    rejectIntercept: logUpper / stepSum,
    slope,
    acceptWithZeroFailuresAt,
  };
}
