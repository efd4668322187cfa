/**
 * A build's trial durations as a histogram a person can read. Buckets are log-spaced on the 1-2-5 series
 * of milliseconds (under 1, 1–2, 2–5, 5–10, 10–20, 20–50, 50–100, …): trial latencies span several
 * orders of magnitude (a refused request in a millisecond, a slow query in seconds), so fixed-width
 * buckets would crowd everything into one or two bars, while 1-2-5 edges stay round numbers. The range
 * runs from the bucket holding the fastest trial to the one holding the slowest; the whole build and
 * each category share the same buckets.
 */
import { type ScenarioCategory, scenarioCategories } from "../../../contracts/scenario-category.js";
import type { TrialResult } from "../../../contracts/trial-result.js";
import { latencySummary } from "../../../stats/percentiles.js";
import type {
  LatencyBucket,
  LatencyDistribution,
  LatencyHistogram,
} from "./latency-histogram-schema.js";

const mantissas = [1, 2, 5] as const;

export function latencyHistogram(build: string, trials: readonly TrialResult[]): LatencyHistogram {
  const edges = trials.length === 0 ? [] : edgesFor(trials);
  const categories = Object.fromEntries(
    scenarioCategories.map((category) => [
      category,
      distribution(
        trials.filter((trial) => trial.category === category),
        edges,
      ),
    ]),
  ) as Record<ScenarioCategory, LatencyDistribution>;
  return { build, overall: distribution(trials, edges), categories };
}

/**
 * The edges of the 1-2-5 buckets from the one holding `minimumMs` to the one holding `maximumMs`: each
 * bucket is [edge, next edge). The first edge of the series is 0, so sub-millisecond trials have a bucket.
 */
export function bucketEdges(minimumMs: number, maximumMs: number): number[] {
  const series = [0];
  for (let decade = 1; (series.at(-1) ?? 0) <= maximumMs; decade *= 10) {
    for (const mantissa of mantissas) series.push(mantissa * decade);
  }
  // Only edges up to the first one above the slowest trial, from the last one at or below the fastest.
  const end = series.findIndex((edge) => edge > maximumMs);
  const start = series.findLastIndex((edge) => edge <= minimumMs);
  return series.slice(start, end + 1);
}

function edgesFor(trials: readonly TrialResult[]): number[] {
  // A loop, not Math.min(...durations): a build may have more trials than a call has room for arguments.
  let fastest = Number.POSITIVE_INFINITY;
  let slowest = 0;
  for (const trial of trials) {
    fastest = Math.min(fastest, trial.durationMs);
    slowest = Math.max(slowest, trial.durationMs);
  }
  return bucketEdges(fastest, slowest);
}

function distribution(
  trials: readonly TrialResult[],
  edges: readonly number[],
): LatencyDistribution {
  const buckets: LatencyBucket[] = edges.slice(0, -1).map((lowerMs, index) => ({
    lowerMs,
    upperMs: edges[index + 1] ?? lowerMs,
    count: 0,
  }));
  for (const trial of trials) {
    const bucket = buckets.find(
      (candidate) => trial.durationMs >= candidate.lowerMs && trial.durationMs < candidate.upperMs,
    );
    if (bucket !== undefined) bucket.count += 1;
  }
  return {
    summary: latencySummary(trials.map((trial) => trial.durationMs)),
    failedTrials: trials.filter((trial) => !trial.pass).length,
    buckets,
  };
}
