/**
 * What the interval methods share: which side of an interval is wanted, how much probability each tail
 * gets, and the shape of the bounds. Kept apart from binomial-interval.ts so that the method files do not
 * import the module that dispatches to them.
 */

/**
 * "lower" is the bound the gate uses: [L, 1] with all of (1 - confidence) in the lower tail. "upper" is
 * [0, U], the bound that shows a build is bad enough to regenerate.
 */
export type IntervalSide = "two-sided" | "lower" | "upper";

export const intervalSides: readonly IntervalSide[] = Object.freeze([
  "two-sided",
  "lower",
  "upper",
]);

export interface IntervalBounds {
  lower: number;
  upper: number;
}

/** The probability left outside the interval in each tail that has a bound. */
export function tailProbability(confidence: number, side: IntervalSide): number {
  const outside = 1 - confidence;
  return side === "two-sided" ? outside / 2 : outside;
}
