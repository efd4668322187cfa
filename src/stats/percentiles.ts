/**
 * Percentiles and the latency summary the gate reports per category. The definition is linear
 * interpolation between closest ranks (Hyndman & Fan type 7, the default of numpy, R and Excel's
 * PERCENTILE.INC): for sorted values x[0..N-1] the q-quantile is x[h] interpolated at h = (N - 1) q. It
 * always lies between two observed values, and p0 and p100 are the minimum and the maximum.
 */

import { InvalidArgumentError } from "../contracts/errors.js";
import { requireClosedUnitInterval } from "./arguments.js";

/** Counts are numbers; the rest is null when there is nothing to summarise (a category with no trials). */
export interface LatencySummary {
  count: number;
  min: number | null;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** The `quantile` (0 to 1, so 0.95 for p95) of the values, which need not be sorted and are not changed. */
export function percentile(values: readonly number[], quantile: number): number {
  requireClosedUnitInterval(quantile, "quantile");
  if (values.length === 0) {
    throw new InvalidArgumentError("values must contain at least one number", "values");
  }
  return percentileOfSorted(sortedFiniteCopy(values), quantile);
}

export function latencySummary(values: readonly number[]): LatencySummary {
  if (values.length === 0) {
    return { count: 0, min: null, mean: null, p50: null, p95: null, p99: null, max: null };
  }
  const sorted = sortedFiniteCopy(values);
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    min: sorted[0] ?? null,
    mean: total / sorted.length,
    p50: percentileOfSorted(sorted, 0.5),
    p95: percentileOfSorted(sorted, 0.95),
    p99: percentileOfSorted(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? null,
  };
}

function percentileOfSorted(sorted: readonly number[], quantile: number): number {
  const rank = (sorted.length - 1) * quantile;
  const below = Math.floor(rank);
  const lowerValue = sorted[below];
  const upperValue = sorted[Math.min(below + 1, sorted.length - 1)];
  if (lowerValue === undefined || upperValue === undefined) {
    throw new InvalidArgumentError("values must contain at least one number", "values");
  }
  return lowerValue + (rank - below) * (upperValue - lowerValue);
}

/** A NaN would sort anywhere and poison every percentile, so it is refused rather than reported. */
function sortedFiniteCopy(values: readonly number[]): number[] {
  for (const [index, value] of values.entries()) {
    if (!Number.isFinite(value)) {
      throw new InvalidArgumentError(
        `values[${index}] must be a finite number, got ${value}`,
        "values",
      );
    }
  }
  return [...values].sort((left, right) => left - right);
}
