/**
 * What an SPRT plan does at any true failure rate, by Wald's approximations (Wald 1947, ch. 3): the
 * operating characteristic (the chance of accepting the build) and the average sample number. Both ignore
 * the overshoot of the last step past a boundary, so real runs accept a little more surely and take a few
 * trials more than these figures; the simulation tests measure by how much.
 */

import { requireClosedUnitInterval } from "./arguments.js";
import {
  type LikelihoodSteps,
  likelihoodSteps,
  type SprtPlan,
  validateSprtPlan,
} from "./sprt-plan.js";

/** Below this |h| the closed forms cancel catastrophically and the h = 0 limits are more accurate. */
const nearZeroExponent = 1e-8;

/** P(accept | failureRate), from the parametric form L = (A^h - 1) / (A^h - B^h). */
export function sprtOperatingCharacteristic(plan: SprtPlan, failureRate: number): number {
  validateSprtPlan(plan);
  requireClosedUnitInterval(failureRate, "failureRate");
  return waldSolution(plan, likelihoodSteps(plan), failureRate).accept;
}

/**
 * E[trials] = (L ln B + (1 - L) ln A) / E[z], with z the log-likelihood step of one trial; where E[z] = 0
 * (the failure rate equals the slope) the limit is -ln A ln B / E[z²].
 */
export function sprtAverageSampleNumber(plan: SprtPlan, failureRate: number): number {
  validateSprtPlan(plan);
  requireClosedUnitInterval(failureRate, "failureRate");
  const steps = likelihoodSteps(plan);
  const { failureStep, passStep, logUpper, logLower } = steps;
  const { exponent, accept } = waldSolution(plan, steps, failureRate);
  if (Math.abs(exponent) < nearZeroExponent) {
    const secondMoment = failureRate * failureStep ** 2 + (1 - failureRate) * passStep ** 2;
    return (-logUpper * logLower) / secondMoment;
  }
  const drift = failureRate * failureStep - (1 - failureRate) * passStep;
  return (accept * logLower + (1 - accept) * logUpper) / drift;
}

interface WaldSolution {
  /** h in the parametric form; ±Infinity at failure rates 0 and 1. */
  exponent: number;
  /** The operating characteristic L(h). */
  accept: number;
}

function waldSolution(plan: SprtPlan, steps: LikelihoodSteps, failureRate: number): WaldSolution {
  // The exact values at p0 and p1 (h = 1 and h = -1); the general formula reaches them only to rounding.
  if (failureRate === plan.acceptableFailureRate) return { exponent: 1, accept: 1 - plan.alpha };
  if (failureRate === plan.rejectableFailureRate) return { exponent: -1, accept: plan.beta };
  if (failureRate === 0) return { exponent: Number.POSITIVE_INFINITY, accept: 1 };
  if (failureRate === 1) return { exponent: Number.NEGATIVE_INFINITY, accept: 0 };
  const exponent = waldExponent(steps, failureRate);
  return { exponent, accept: acceptanceAt(exponent, steps) };
}

function acceptanceAt(exponent: number, steps: LikelihoodSteps): number {
  const { logUpper, logLower } = steps;
  if (exponent === 0) return logUpper / (logUpper - logLower);
  // Rewritten so that neither A^h nor B^h is formed: they overflow for rates far from p0 and p1.
  if (exponent > 0) {
    return Math.expm1(-exponent * logUpper) / Math.expm1(exponent * (logLower - logUpper));
  }
  const spread = Math.expm1(exponent * (logUpper - logLower));
  return (spread - Math.expm1(-exponent * logLower)) / spread;
}

/**
 * The non-zero h with E[exp(h z)] = 1 at this failure rate: h = 1 at p0, -1 at p1, 0 at the slope. It is
 * the root of (E[exp(h z)] - 1) / h, which is increasing in h (a secant slope of a convex function), so a
 * bracket and bisection find it without any starting guess.
 */
function waldExponent(steps: LikelihoodSteps, failureRate: number): number {
  const { failureStep, passStep } = steps;
  const secantSlope = (exponent: number) =>
    exponent === 0
      ? failureRate * failureStep - (1 - failureRate) * passStep
      : (failureRate * Math.expm1(exponent * failureStep) +
          (1 - failureRate) * Math.expm1(-exponent * passStep)) /
        exponent;
  const drift = secantSlope(0);
  if (drift === 0) return 0;
  const direction = drift < 0 ? 1 : -1;
  let near = 0;
  let far = direction;
  // Doubling ends: at the extremes the exponentials overflow to ±Infinity, which still has the right sign.
  while (direction * secantSlope(far) <= 0 && Math.abs(far) < 1e300) {
    near = far;
    far *= 2;
  }
  for (let iteration = 0; iteration < 200; iteration++) {
    const middle = (near + far) / 2;
    if (middle === near || middle === far) break;
    if (direction * secantSlope(middle) <= 0) near = middle;
    else far = middle;
  }
  return (near + far) / 2;
}
