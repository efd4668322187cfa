/**
 * The answer of GET /builds/{build}/latency: how long a build's stored trials took, as a histogram with
 * 1-2-5 log-spaced buckets in milliseconds (latency-histogram.ts says why), overall and per scenario
 * category, each with its summary (count, min, mean, p50, p95, p99, max, as the gate reports them).
 */
import { z } from "@hono/zod-openapi";
import { LatencySummary } from "../../../contracts/gate-verdict.js";

export const LatencyBucket = z
  .strictObject({
    /** Inclusive. */
    lowerMs: z.number().nonnegative(),
    /** Exclusive. */
    upperMs: z.number().positive(),
    count: z.int().nonnegative(),
  })
  .openapi("LatencyBucket");
export type LatencyBucket = z.infer<typeof LatencyBucket>;

export const LatencyDistribution = z
  .strictObject({
    summary: LatencySummary,
    /** Trials that did not pass (their durations are counted too). */
    failedTrials: z.int().nonnegative(),
    /** The same buckets for the whole build and each category, so they can be drawn side by side. */
    buckets: z.array(LatencyBucket),
  })
  .openapi("LatencyDistribution");
export type LatencyDistribution = z.infer<typeof LatencyDistribution>;

export const LatencyHistogram = z
  .strictObject({
    build: z.string(),
    overall: LatencyDistribution,
    categories: z.strictObject({
      normal: LatencyDistribution,
      edge: LatencyDistribution,
      malicious: LatencyDistribution,
    }),
  })
  .openapi("LatencyHistogram");
export type LatencyHistogram = z.infer<typeof LatencyHistogram>;
