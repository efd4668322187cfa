import { describe, expect, it } from "vitest";
import oracle from "../../test/fixtures/binomial-oracle.json" with { type: "json" };
import { InvalidArgumentError } from "../contracts/errors.js";
import { type RandomSource, seededRandom } from "./random.js";
import {
  type SprtDecision,
  type SprtPlan,
  simulateSprt,
  sprtAverageSampleNumber,
  sprtBoundaries,
  sprtDecide,
} from "./sprt.js";

const plans: SprtPlan[] = oracle.sprt.map((entry) => ({
  acceptableFailureRate: entry.failure_p0,
  rejectableFailureRate: entry.failure_p1,
  alpha: entry.alpha,
  beta: entry.beta,
}));
const headline = plans[4] as SprtPlan;

interface Simulation {
  fraction: Record<SprtDecision, number>;
  meanTrials: number;
}

function simulate(
  plan: SprtPlan,
  failureRate: number,
  runs: number,
  random: RandomSource,
): Simulation {
  const counts: Record<SprtDecision, number> = { accept: 0, reject: 0, continue: 0 };
  let totalTrials = 0;
  for (let run = 0; run < runs; run++) {
    const { decision, trials } = simulateSprt(plan, failureRate, random);
    counts[decision]++;
    totalTrials += trials;
  }
  return {
    fraction: {
      accept: counts.accept / runs,
      reject: counts.reject / runs,
      continue: counts.continue / runs,
    },
    meanTrials: totalTrials / runs,
  };
}

describe("sprtDecide", () => {
  it("accepts a flawless build exactly at the announced number of trials", () => {
    const { acceptWithZeroFailuresAt } = sprtBoundaries(headline);
    expect(acceptWithZeroFailuresAt).toBe(55);
    expect(sprtDecide(headline, { trials: 55, failures: 0 }).decision).toBe("accept");
    expect(sprtDecide(headline, { trials: 54, failures: 0 }).decision).toBe("continue");
  });

  it("rejects on the line failures >= h1 + s·n and not one failure earlier", () => {
    const { rejectIntercept, slope } = sprtBoundaries(headline);
    for (const trials of [2, 10, 40, 100]) {
      const failuresToReject = Math.ceil(rejectIntercept + slope * trials);
      expect(sprtDecide(headline, { trials, failures: failuresToReject }).decision).toBe("reject");
      expect(sprtDecide(headline, { trials, failures: failuresToReject - 1 }).decision).not.toBe(
        "reject",
      );
    }
  });

  it("continues with no evidence and reports the log-likelihood ratio", () => {
    expect(sprtDecide(headline, { trials: 0, failures: 0 })).toEqual({
      decision: "continue",
      logLikelihoodRatio: 0,
    });
    const { logLikelihoodRatio } = sprtDecide(headline, { trials: 10, failures: 1 });
    expect(logLikelihoodRatio).toBeCloseTo(Math.log(5) + 9 * Math.log(0.95 / 0.99), 12);
  });

  it("rejects impossible evidence naming the field", () => {
    expect(() => sprtDecide(headline, { trials: 3, failures: 4 })).toThrow(InvalidArgumentError);
    expect(() => sprtDecide(headline, { trials: 3, failures: 4 })).toThrow(
      "failures must be at most 3, got 4",
    );
    expect(() => sprtDecide(headline, { trials: -1, failures: 0 })).toThrow(
      "trials must be at least 0",
    );
  });
});

describe("simulateSprt over 20,000 seeded runs per plan and rate", () => {
  const runs = 20_000;
  for (const [index, plan] of plans.entries()) {
    it(`keeps the error rates within Wald's bounds for plan ${index + 1}`, () => {
      const { alpha, beta } = plan;
      const atAcceptable = simulate(
        plan,
        plan.acceptableFailureRate,
        runs,
        seededRandom(1000 + index),
      );
      const atRejectable = simulate(
        plan,
        plan.rejectableFailureRate,
        runs,
        seededRandom(2000 + index),
      );
      const empiricalAlpha = atAcceptable.fraction.reject;
      const empiricalBeta = atRejectable.fraction.accept;
      expect(empiricalAlpha).toBeLessThanOrEqual(alpha / (1 - beta));
      expect(empiricalBeta).toBeLessThanOrEqual(beta / (1 - alpha));
      expect(empiricalAlpha + empiricalBeta).toBeLessThanOrEqual(alpha + beta);
      expect(atAcceptable.fraction.continue + atRejectable.fraction.continue).toBe(0);
    });
  }

  for (const index of [0, 4, 5]) {
    const plan = plans[index] as SprtPlan;
    it(`needs on average a little more than Wald's ASN at p0 (overshoot), within 15%, for plan ${index + 1}`, () => {
      const waldEstimate = sprtAverageSampleNumber(plan, plan.acceptableFailureRate);
      const { meanTrials } = simulate(
        plan,
        plan.acceptableFailureRate,
        runs,
        seededRandom(3000 + index),
      );
      expect(meanTrials).toBeGreaterThanOrEqual(waldEstimate);
      expect(meanTrials).toBeLessThanOrEqual(1.15 * waldEstimate);
    });
  }

  it("replays exactly from the seed", () => {
    const first = simulate(headline, 0.03, 200, seededRandom(5));
    const second = simulate(headline, 0.03, 200, seededRandom(5));
    expect(first).toEqual(second);
  });

  it("stops at maxTrials with 'continue' when the evidence has not decided", () => {
    expect(simulateSprt(headline, 0.02, seededRandom(1), 3)).toEqual({
      decision: "continue",
      trials: 3,
    });
    expect(simulateSprt(headline, 0, seededRandom(1))).toEqual({ decision: "accept", trials: 55 });
  });
});
