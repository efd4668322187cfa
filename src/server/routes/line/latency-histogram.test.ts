import { describe, expect, it } from "vitest";
import type { TrialResult } from "../../../contracts/trial-result.js";
import { bucketEdges, latencyHistogram } from "./latency-histogram.js";
import { LatencyHistogram } from "./latency-histogram-schema.js";

function trial(category: TrialResult["category"], durationMs: number, pass = true): TrialResult {
  return { scenario: `${category}-${durationMs}`, category, pass, durationMs, attempt: 1 };
}

describe("latency buckets", () => {
  it("are 1-2-5 edges from the bucket of the fastest trial to the bucket of the slowest", () => {
    expect(bucketEdges(3, 180)).toEqual([2, 5, 10, 20, 50, 100, 200]);
    expect(bucketEdges(0.4, 0.9)).toEqual([0, 1]);
    expect(bucketEdges(0, 1)).toEqual([0, 1, 2]);
    expect(bucketEdges(1_000, 1_000)).toEqual([1_000, 2_000]);
    expect(bucketEdges(7, 12_345)).toEqual([
      5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000,
    ]);
  });
});

describe("a build's latency histogram", () => {
  const trials = [
    trial("normal", 3),
    trial("normal", 4),
    trial("normal", 12),
    trial("edge", 40, false),
    trial("malicious", 150),
  ];

  it("counts every trial once, overall and in its category, on shared buckets", () => {
    const histogram = LatencyHistogram.parse(latencyHistogram("todo-api-3f9c2a.1.1", trials));
    const counts = (buckets: { count: number }[]) => buckets.map((bucket) => bucket.count);
    expect(histogram.overall.buckets.map((bucket) => [bucket.lowerMs, bucket.upperMs])).toEqual([
      [2, 5],
      [5, 10],
      [10, 20],
      [20, 50],
      [50, 100],
      [100, 200],
    ]);
    expect(counts(histogram.overall.buckets)).toEqual([2, 0, 1, 1, 0, 1]);
    expect(counts(histogram.categories.normal.buckets)).toEqual([2, 0, 1, 0, 0, 0]);
    expect(counts(histogram.categories.edge.buckets)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(counts(histogram.categories.malicious.buckets)).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it("summarises the durations and counts the failed trials", () => {
    const histogram = latencyHistogram("b.1.1", trials);
    expect(histogram.overall.summary).toMatchObject({ count: 5, min: 3, max: 150, p50: 12 });
    expect(histogram.overall.failedTrials).toBe(1);
    expect(histogram.categories.edge).toMatchObject({
      failedTrials: 1,
      summary: { count: 1, p50: 40 },
    });
  });

  it("puts a trial on an edge in the bucket that starts there", () => {
    const histogram = latencyHistogram("b.1.1", [trial("normal", 5), trial("normal", 10)]);
    expect(histogram.overall.buckets).toEqual([
      { lowerMs: 5, upperMs: 10, count: 1 },
      { lowerMs: 10, upperMs: 20, count: 1 },
    ]);
  });

  it("has no buckets and empty summaries before any trial ran", () => {
    const histogram = latencyHistogram("b.1.1", []);
    expect(histogram.overall).toEqual({
      summary: { count: 0, min: null, mean: null, p50: null, p95: null, p99: null, max: null },
      failedTrials: 0,
      buckets: [],
    });
    expect(histogram.categories.normal.buckets).toEqual([]);
  });
});
