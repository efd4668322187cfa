/**
 * Test support for the simulations of the monitor's SLO test and the canary rule: the admin-like plan
 * both are measured with (ADR 0008), a simulated release's probes, and a measured share with its 99%
 * Clopper–Pearson bounds.
 */
import { binomialInterval } from "../../../src/stats/binomial-interval.js";
import { type RandomSource, seededRandom } from "../../../src/stats/random.js";
import type { SloEvidence, SloTestPlan } from "../../../src/stats/slo-test.js";

export const adminLikePlan: SloTestPlan = {
  errorRate: 0.05,
  p95LatencyMs: 800,
  breachFactor: 5,
  alpha: 0.01,
  beta: 0.05,
};

/** Each probe fails with `failureRate` and is slow with `slowShare`, independently. */
export interface SimulatedRelease {
  failureRate: number;
  slowShare: number;
}

/** One probe of the release, added to the evidence. */
export function simulateProbe(
  evidence: SloEvidence,
  release: SimulatedRelease,
  random: RandomSource,
): void {
  evidence.probes += 1;
  if (random() < release.failureRate) evidence.failures += 1;
  if (random() < release.slowShare) evidence.slow += 1;
}

/** The share of `runs` seeded runs for which `holds` is true, with its two-sided 99% bounds. */
export function measuredShareOfRuns(
  runs: number,
  seed: number,
  holds: (random: RandomSource) => boolean,
) {
  const random = seededRandom(seed);
  let count = 0;
  for (let run = 0; run < runs; run += 1) {
    if (holds(random)) count += 1;
  }
  return measuredShare(count, runs);
}

/** `count` of `trials` as a share, with its two-sided 99% bounds. */
export function measuredShare(count: number, trials: number) {
  const { lower, upper } = binomialInterval({
    successes: count,
    trials,
    confidence: 0.99,
    method: "clopper-pearson",
  });
  return { share: count / trials, lower, upper };
}
