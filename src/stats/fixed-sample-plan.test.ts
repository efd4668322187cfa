import { describe, expect, it } from "vitest";
import { binomialCumulative } from "./binomial-distribution.js";
import { fixedSamplePlan } from "./fixed-sample-plan.js";
import type { SprtPlan } from "./sprt-plan.js";

const headline: SprtPlan = {
  acceptableFailureRate: 0.01,
  rejectableFailureRate: 0.05,
  alpha: 0.05,
  beta: 0.1,
};

function meetsBothRisks(plan: SprtPlan, trials: number, acceptanceNumber: number): boolean {
  const acceptGood = binomialCumulative(acceptanceNumber, trials, plan.acceptableFailureRate);
  const acceptBad = binomialCumulative(acceptanceNumber, trials, plan.rejectableFailureRate);
  return acceptGood >= 1 - plan.alpha && acceptBad <= plan.beta;
}

describe("fixedSamplePlan", () => {
  it("needs 132 trials with at most 3 failures for p0 = 1%, p1 = 5%, α = 5%, β = 10%", () => {
    expect(fixedSamplePlan(headline)).toEqual({ trials: 132, acceptanceNumber: 3 });
  });

  it("meets both risks, and no smaller suite can with any acceptance number", () => {
    const plans: SprtPlan[] = [
      headline,
      { acceptableFailureRate: 0.05, rejectableFailureRate: 0.15, alpha: 0.05, beta: 0.1 },
      { acceptableFailureRate: 0.02, rejectableFailureRate: 0.1, alpha: 0.01, beta: 0.05 },
    ];
    for (const plan of plans) {
      const { trials, acceptanceNumber } = fixedSamplePlan(plan);
      expect(meetsBothRisks(plan, trials, acceptanceNumber)).toBe(true);
      for (let smaller = 1; smaller < trials; smaller++) {
        for (let anyNumber = 0; anyNumber <= smaller; anyNumber++) {
          expect(meetsBothRisks(plan, smaller, anyNumber)).toBe(false);
        }
      }
    }
  });

  it("matches scipy for two more plans (77 with c = 7; 116 with c = 6)", () => {
    expect(
      fixedSamplePlan({
        acceptableFailureRate: 0.05,
        rejectableFailureRate: 0.15,
        alpha: 0.05,
        beta: 0.1,
      }),
    ).toEqual({ trials: 77, acceptanceNumber: 7 });
    expect(
      fixedSamplePlan({
        acceptableFailureRate: 0.02,
        rejectableFailureRate: 0.1,
        alpha: 0.01,
        beta: 0.05,
      }),
    ).toEqual({ trials: 116, acceptanceNumber: 6 });
  });

  it("refuses rates too close to separate with a realistic suite", () => {
    expect(() =>
      fixedSamplePlan({ ...headline, acceptableFailureRate: 0.01, rejectableFailureRate: 0.0101 }),
    ).toThrow(/are too close/);
  });
});
