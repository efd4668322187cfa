/**
 * Confidence intervals for a pass rate measured as `successes` out of `trials`. The gate approves on the
 * one-sided lower bound, never on the raw rate: 19 passes out of 20 is a 95% rate but only shows, at 95%
 * confidence, that the true rate is above 78%. Clopper–Pearson is the default because its coverage is never
 * below the nominal level; Wilson and Jeffreys are shorter on average but may undercover at some rates.
 */

import { requireInteger, requireOneOf, requireOpenUnitInterval } from "./arguments.js";
import { clopperPearsonBounds } from "./clopper-pearson.js";
import { type IntervalBounds, type IntervalSide, intervalSides } from "./interval-side.js";
import { jeffreysBounds } from "./jeffreys.js";
import { wilsonBounds } from "./wilson.js";

export { type IntervalSide, intervalSides } from "./interval-side.js";

export type IntervalMethod = "clopper-pearson" | "wilson" | "jeffreys";

export interface IntervalRequest {
  successes: number;
  trials: number;
  confidence: number;
  /** Defaults to "clopper-pearson". */
  method?: IntervalMethod;
  /** Defaults to "two-sided". */
  side?: IntervalSide;
}

export interface ProportionInterval {
  lower: number;
  upper: number;
  method: IntervalMethod;
  side: IntervalSide;
  confidence: number;
  successes: number;
  trials: number;
}

/** The method files share this signature so the dispatch below stays a table. */
type IntervalCalculator = (
  successes: number,
  trials: number,
  confidence: number,
  side: IntervalSide,
) => IntervalBounds;

export const intervalMethods: readonly IntervalMethod[] = Object.freeze([
  "clopper-pearson",
  "wilson",
  "jeffreys",
]);

const calculators: Record<IntervalMethod, IntervalCalculator> = {
  "clopper-pearson": clopperPearsonBounds,
  wilson: wilsonBounds,
  jeffreys: jeffreysBounds,
};

export function binomialInterval(request: IntervalRequest): ProportionInterval {
  const { successes, trials, confidence } = request;
  const method = request.method ?? "clopper-pearson";
  const side = request.side ?? "two-sided";
  requireInteger(trials, "trials", 1);
  requireInteger(successes, "successes", 0, trials);
  requireOpenUnitInterval(confidence, "confidence");
  requireOneOf(method, intervalMethods, "method");
  requireOneOf(side, intervalSides, "side");

  const bounds = calculators[method](successes, trials, confidence, side);
  return { ...bounds, method, side, confidence, successes, trials };
}
