/**
 * The Wilson score interval (Wilson 1927): the rates p for which the observed rate lies within z standard
 * errors of p, i.e. the roots of a quadratic in p. Short and well-centred, but its coverage dips below
 * nominal at some rates, which is why it is not the gate's default.
 */

import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { type IntervalBounds, type IntervalSide, tailProbability } from "./interval-side.js";

export function wilsonBounds(
  successes: number,
  trials: number,
  confidence: number,
  side: IntervalSide,
): IntervalBounds {
  // -quantile(tail) instead of quantile(1 - tail): the subtraction would lose digits for tiny tails.
  const z = -normalQuantile(tailProbability(confidence, side), 0, 1);
  const roots = wilsonRoots(successes, trials, z);
  return {
    lower: side === "upper" ? 0 : clampToUnit(roots.lower),
    upper: side === "lower" ? 1 : clampToUnit(roots.upper),
  };
}

/**
 * Both roots of (n + z²)p² - (2x + z²)p + x²/n = 0. The textbook form centre ± half-width cancels badly
 * for the root near 0, so the small root comes from the product of the roots (x² / (n(n + z²))) and the
 * outcome is mirrored when x is above n/2; this also makes the bounds at x = 0 and x = n exactly 0 and 1.
 */
function wilsonRoots(successes: number, trials: number, z: number): IntervalBounds {
  if (2 * successes > trials) {
    const mirrored = wilsonRoots(trials - successes, trials, z);
    return { lower: 1 - mirrored.upper, upper: 1 - mirrored.lower };
  }
  const zSquared = z * z;
  const denominator = trials + zSquared;
  const halfWidth = z * Math.sqrt((successes * (trials - successes)) / trials + zSquared / 4);
  const upper = (successes + zSquared / 2 + halfWidth) / denominator;
  const lower = successes === 0 ? 0 : (successes * successes) / (trials * denominator * upper);
  return { lower, upper };
}

function clampToUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}
