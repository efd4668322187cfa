/**
 * The Jeffreys interval: equal-tailed quantiles of the Beta(x + 1/2, n - x + 1/2) posterior under the
 * Jeffreys prior. Brown, Cai and DasGupta (2001) recommend it for its coverage close to nominal on average.
 * As in their paper and in statsmodels, the bound at a boundary outcome is pinned (lower 0 at x = 0, upper 1
 * at x = n) while the other bound keeps its usual tail, which is what the reference values expect.
 */

import betaincinv from "@stdlib/math-base-special-betaincinv";
import { type IntervalBounds, type IntervalSide, tailProbability } from "./interval-side.js";

export function jeffreysBounds(
  successes: number,
  trials: number,
  confidence: number,
  side: IntervalSide,
): IntervalBounds {
  const tail = tailProbability(confidence, side);
  const alpha = successes + 0.5;
  const beta = trials - successes + 0.5;
  const lower = side === "upper" || successes === 0 ? 0 : betaincinv(tail, alpha, beta);
  const upper = side === "lower" || successes === trials ? 1 : betaincinv(tail, alpha, beta, true);
  return { lower, upper };
}
