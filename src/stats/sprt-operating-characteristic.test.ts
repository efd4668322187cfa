import { describe, expect, it } from "vitest";
import oracle from "../../test/fixtures/binomial-oracle.json" with { type: "json" };
import { expectClose } from "../../test/support/expect-close.js";
import {
  sprtAverageSampleNumber,
  sprtOperatingCharacteristic,
} from "./sprt-operating-characteristic.js";
import { type SprtPlan, sprtBoundaries } from "./sprt-plan.js";

const plans: SprtPlan[] = oracle.sprt.map((entry) => ({
  acceptableFailureRate: entry.failure_p0,
  rejectableFailureRate: entry.failure_p1,
  alpha: entry.alpha,
  beta: entry.beta,
}));

describe("sprtOperatingCharacteristic and sprtAverageSampleNumber", () => {
  for (const [index, entry] of oracle.sprt.entries()) {
    const plan = plans[index] as SprtPlan;
    it(`match scipy at p0 and p1 for plan ${index + 1}`, () => {
      expectClose(sprtOperatingCharacteristic(plan, entry.failure_p0), entry.oc_at_p0, 1e-6);
      expectClose(sprtOperatingCharacteristic(plan, entry.failure_p1), entry.oc_at_p1, 1e-6);
      expectClose(sprtAverageSampleNumber(plan, entry.failure_p0), entry.asn_at_p0, 1e-6);
      expectClose(sprtAverageSampleNumber(plan, entry.failure_p1), entry.asn_at_p1, 1e-6);
    });
  }

  it("reaches 1 - α and β from the general solution too, not only from the special cases", () => {
    for (const plan of plans) {
      const nearP0 = plan.acceptableFailureRate * (1 + 1e-12);
      const nearP1 = plan.rejectableFailureRate * (1 - 1e-12);
      expectClose(sprtOperatingCharacteristic(plan, nearP0), 1 - plan.alpha, 1e-9);
      expectClose(sprtOperatingCharacteristic(plan, nearP1), plan.beta, 1e-9);
    }
  });

  it("handles the h = 0 case at the slope continuously", () => {
    for (const plan of plans) {
      const { slope, logUpper, logLower } = sprtBoundaries(plan);
      expectClose(sprtOperatingCharacteristic(plan, slope), logUpper / (logUpper - logLower), 1e-9);
      const atSlope = sprtAverageSampleNumber(plan, slope);
      expectClose(atSlope, (-logUpper * logLower) / secondMoment(plan, slope), 1e-9);
      for (const offset of [1e-12, 1e-9, 1e-6]) {
        expectClose(sprtAverageSampleNumber(plan, slope + offset), atSlope, 1e-4);
        expectClose(sprtAverageSampleNumber(plan, slope - offset), atSlope, 1e-4);
        expectClose(
          sprtOperatingCharacteristic(plan, slope + offset),
          logUpper / (logUpper - logLower),
          1e-4,
        );
      }
    }
  });

  it("accepts less often as the failure rate grows, from certainty at 0 to never at 1", () => {
    const plan = plans[4] as SprtPlan;
    expect(sprtOperatingCharacteristic(plan, 0)).toBe(1);
    expect(sprtOperatingCharacteristic(plan, 1)).toBe(0);
    let previous = 1;
    for (let rate = 0.001; rate < 1; rate += 0.001) {
      const accept = sprtOperatingCharacteristic(plan, rate);
      expect(Number.isFinite(accept)).toBe(true);
      expect(accept).toBeLessThanOrEqual(previous + 1e-12);
      previous = accept;
    }
  });

  it("peaks near the slope and falls toward the certain rates", () => {
    const plan = plans[4] as SprtPlan;
    const { slope, logLower, logUpper } = sprtBoundaries(plan);
    const atSlope = sprtAverageSampleNumber(plan, slope);
    expect(sprtAverageSampleNumber(plan, plan.acceptableFailureRate)).toBeLessThan(atSlope);
    expect(sprtAverageSampleNumber(plan, plan.rejectableFailureRate)).toBeLessThan(atSlope);
    // With no failures at all the walk goes straight down at one pass-step per trial.
    expectClose(sprtAverageSampleNumber(plan, 0), logLower / -passStep(plan), 1e-12);
    expectClose(sprtAverageSampleNumber(plan, 1), logUpper / failureStep(plan), 1e-12);
  });

  it("rejects a failure rate outside [0, 1]", () => {
    expect(() => sprtOperatingCharacteristic(plans[0] as SprtPlan, 1.5)).toThrow(
      "failureRate must be between 0 and 1 inclusive, got 1.5",
    );
  });
});

function failureStep(plan: SprtPlan): number {
  return Math.log(plan.rejectableFailureRate / plan.acceptableFailureRate);
}

function passStep(plan: SprtPlan): number {
  return Math.log((1 - plan.acceptableFailureRate) / (1 - plan.rejectableFailureRate));
}

function secondMoment(plan: SprtPlan, rate: number): number {
  return rate * failureStep(plan) ** 2 + (1 - rate) * passStep(plan) ** 2;
}
