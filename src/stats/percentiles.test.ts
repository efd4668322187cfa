import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/support/expect-close.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import { latencySummary, percentile } from "./percentiles.js";

describe("percentile", () => {
  it("interpolates between closest ranks like numpy's default", () => {
    // numpy.percentile([1, 2, 3, 4], [25, 50, 90]) == [1.75, 2.5, 3.7]
    expectClose(percentile([4, 1, 3, 2], 0.25), 1.75, 1e-12);
    expectClose(percentile([4, 1, 3, 2], 0.5), 2.5, 1e-12);
    expectClose(percentile([4, 1, 3, 2], 0.9), 3.7, 1e-12);
    // numpy.percentile([15, 20, 35, 40, 50], 95) == 48.0
    expectClose(percentile([15, 20, 35, 40, 50], 0.95), 48, 1e-12);
  });

  it("gives the minimum and maximum at 0 and 1, and the value itself for one value", () => {
    expect(percentile([3, 9, 1], 0)).toBe(1);
    expect(percentile([3, 9, 1], 1)).toBe(9);
    expect(percentile([42], 0.99)).toBe(42);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it("rejects an empty list, a quantile outside [0, 1] and non-finite values", () => {
    expect(() => percentile([], 0.5)).toThrow("values must contain at least one number");
    expect(() => percentile([1], 95)).toThrow("quantile must be between 0 and 1 inclusive, got 95");
    expect(() => percentile([1, Number.NaN], 0.5)).toThrow(
      "values[1] must be a finite number, got NaN",
    );
    expect(() => percentile([1, Number.NaN], 0.5)).toThrow(InvalidArgumentError);
  });
});

describe("latencySummary", () => {
  it("summarises durations with the same percentile definition", () => {
    const durations = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(latencySummary(durations.reverse())).toEqual({
      count: 100,
      min: 1,
      mean: 50.5,
      p50: 50.5,
      p95: 95.05,
      p99: 99.01,
      max: 100,
    });
  });

  it("reports a category without trials as count 0 and nulls, so the gate can still print it", () => {
    expect(latencySummary([])).toEqual({
      count: 0,
      min: null,
      mean: null,
      p50: null,
      p95: null,
      p99: null,
      max: null,
    });
  });

  it("makes every figure the value itself for a single trial", () => {
    expect(latencySummary([12])).toEqual({
      count: 1,
      min: 12,
      mean: 12,
      p50: 12,
      p95: 12,
      p99: 12,
      max: 12,
    });
  });
});
