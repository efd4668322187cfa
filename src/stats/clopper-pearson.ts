/**
 * The Clopper–Pearson ("exact") interval: the set of rates not rejected by a one-tailed binomial test in
 * either direction. Its bounds are quantiles of beta distributions, computed with the inverse regularised
 * incomplete beta function (the same Boost algorithm scipy uses).
 */

import betaincinv from "@stdlib/math-base-special-betaincinv";
import { type IntervalBounds, type IntervalSide, tailProbability } from "./interval-side.js";

export function clopperPearsonBounds(
  successes: number,
  trials: number,
  confidence: number,
  side: IntervalSide,
): IntervalBounds {
  const tail = tailProbability(confidence, side);
  return {
    lower: side === "upper" ? 0 : clopperPearsonLower(successes, trials, tail),
    upper: side === "lower" ? 1 : clopperPearsonUpper(successes, trials, tail),
  };
}

/**
 * The rate L with P(X >= successes | L) = tail. At a flawless run this is tail^(1/trials); the closed form
 * is used there because it is the number users check by hand (and the planner's bestLowerBound).
 */
export function clopperPearsonLower(successes: number, trials: number, tail: number): number {
  if (successes === 0) return 0;
  if (successes === trials) return Math.exp(Math.log(tail) / trials);
  return betaincinv(tail, successes, trials - successes + 1);
}

/** The mirror image of the lower bound; the upper-tail inverse avoids computing 1 - tail. */
export function clopperPearsonUpper(successes: number, trials: number, tail: number): number {
  if (successes === trials) return 1;
  if (successes === 0) return -Math.expm1(Math.log(tail) / trials);
  return betaincinv(tail, successes + 1, trials - successes, true);
}
