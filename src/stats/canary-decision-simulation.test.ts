/**
 * The canary rule's error rates by simulation (seeded): rounds of 10 probes against each release, up to
 * 20 rounds (the CanaryConfig defaults), decided after every round. ADR 0008 records the figures; the
 * checks hold the measured shares to the bounds it derives (Ville's inequality), with 99% bounds of the
 * measured share where the brief's simpler rule (at most alpha, at least 1 − beta) is checked.
 */
import { describe, expect, it } from "vitest";
import {
  adminLikePlan,
  measuredShare,
  measuredShareOfRuns,
  type SimulatedRelease,
  simulateProbe,
} from "../../test/support/stats/slo-simulation.js";
import { type CanaryVerdict, canaryDecision, compareWithStable } from "./canary-decision.js";
import { type RandomSource, seededRandom } from "./random.js";

const probesPerRound = 10;
const maxRounds = 20;
const runs = 10_000;

function simulateCanary(
  canary: SimulatedRelease,
  stable: SimulatedRelease,
  random: RandomSource,
): CanaryVerdict {
  const evidence = {
    canary: { probes: 0, failures: 0, slow: 0 },
    stable: { probes: 0, failures: 0, slow: 0 },
  };
  for (let round = 1; round <= maxRounds; round += 1) {
    for (let index = 0; index < probesPerRound; index += 1) {
      simulateProbe(evidence.canary, canary, random);
      simulateProbe(evidence.stable, stable, random);
    }
    const { decision } = canaryDecision(adminLikePlan, evidence, round, maxRounds);
    if (decision !== "continue") return decision;
  }
  throw new Error("the last round always decides");
}

function shareDeciding(
  canary: SimulatedRelease,
  stable: SimulatedRelease,
  verdict: CanaryVerdict,
  seed: number,
) {
  return measuredShareOfRuns(
    runs,
    seed,
    (random) => simulateCanary(canary, stable, random) === verdict,
  );
}

/**
 * The comparison alone, run until it decides: each round draws a failure probability per scenario
 * (`scenarioFailureRate`) and probes both releases with the same scenarios, as the canary does.
 */
function comparisonRejects(
  canaryFactor: number,
  scenarioFailureRate: (random: RandomSource) => number,
  seed: number,
) {
  const random = seededRandom(seed);
  let rejected = 0;
  let accepted = 0;
  for (let run = 0; run < runs; run += 1) {
    const canary = { probes: 0, failures: 0, slow: 0 };
    const stable = { probes: 0, failures: 0, slow: 0 };
    for (let round = 1; round <= 10_000; round += 1) {
      for (let index = 0; index < probesPerRound; index += 1) {
        const failureRate = scenarioFailureRate(random);
        simulateProbe(
          canary,
          { failureRate: Math.min(1, failureRate * canaryFactor), slowShare: 0 },
          random,
        );
        simulateProbe(stable, { failureRate, slowShare: 0 }, random);
      }
      const { decision } = compareWithStable(adminLikePlan, { canary, stable }).errors;
      if (decision === "reject") rejected += 1;
      if (decision === "accept") accepted += 1;
      if (decision !== "continue") break;
    }
  }
  return { rejected: measuredShare(rejected, runs), accepted: measuredShare(accepted, runs) };
}

const falseRevertBound = adminLikePlan.alpha / 2 / (1 - adminLikePlan.beta);
const missedBound = adminLikePlan.beta / (1 - adminLikePlan.alpha / 2);

describe("a canary as good as the stable release", () => {
  it("is reverted in at most alpha of canaries when both sit at the SLO's limits", () => {
    const atLimits = { failureRate: 0.05, slowShare: 0.05 };
    const { upper } = shareDeciding(atLimits, atLimits, "revert", 1);
    expect(upper).toBeLessThan(adminLikePlan.alpha);
  });

  it("is promoted every time when both keep the SLO with room to spare", () => {
    const good = { failureRate: 0.01, slowShare: 0.01 };
    const { share } = shareDeciding(good, good, "promote", 2);
    expect(share).toBeGreaterThan(0.999);
  });
});

describe("a canary at breachFactor times the SLO", () => {
  it("is promoted in at most beta of canaries when it fails five times as often", () => {
    const { share, lower } = shareDeciding(
      { failureRate: 0.25, slowShare: 0 },
      { failureRate: 0.01, slowShare: 0 },
      "promote",
      3,
    );
    expect(lower).toBeLessThan(adminLikePlan.beta);
    expect(share).toBeLessThan(missedBound);
  });

  it("is promoted in at most beta of canaries when a quarter of its probes are slow", () => {
    const { share, lower } = shareDeciding(
      { failureRate: 0, slowShare: 0.25 },
      { failureRate: 0, slowShare: 0.01 },
      "promote",
      4,
    );
    expect(lower).toBeLessThan(adminLikePlan.beta);
    expect(share).toBeLessThan(missedBound);
  });
});

describe("the comparison with the stable release", () => {
  it("calls a canary worse in at most (α/2)/(1 − β) of runs when both fail alike", () => {
    const { rejected } = comparisonRejects(1, () => 0.05, 5);
    expect(rejected.share).toBeLessThan(falseRevertBound);
    expect(rejected.upper).toBeLessThan(adminLikePlan.alpha);
  });

  it("holds when the scenarios differ in difficulty and both releases get the same ones", () => {
    // One scenario in five fails half the time, the others 2%: failures cluster by scenario.
    const mixed = (random: RandomSource) => (random() < 0.2 ? 0.5 : 0.02);
    const { rejected } = comparisonRejects(1, mixed, 6);
    expect(rejected.share).toBeLessThan(falseRevertBound);
  });

  it("catches a canary failing breachFactor times as often in at least 1 − beta of runs", () => {
    const { accepted } = comparisonRejects(5, () => 0.02, 7);
    expect(accepted.lower).toBeLessThan(adminLikePlan.beta);
    expect(accepted.share).toBeLessThan(missedBound);
  });
});
