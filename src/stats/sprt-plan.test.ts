import { describe, expect, it } from "vitest";
import oracle from "../../test/fixtures/binomial-oracle.json" with { type: "json" };
import { expectClose } from "../../test/support/expect-close.js";
import { thrown } from "../../test/support/thrown.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import { type SprtPlan, sprtBoundaries } from "./sprt-plan.js";

const headline: SprtPlan = {
  acceptableFailureRate: 0.01,
  rejectableFailureRate: 0.05,
  alpha: 0.05,
  beta: 0.1,
};

describe("sprtBoundaries", () => {
  for (const entry of oracle.sprt) {
    const plan: SprtPlan = {
      acceptableFailureRate: entry.failure_p0,
      rejectableFailureRate: entry.failure_p1,
      alpha: entry.alpha,
      beta: entry.beta,
    };
    it(`match scipy for p0=${plan.acceptableFailureRate} p1=${plan.rejectableFailureRate} α=${plan.alpha} β=${plan.beta}`, () => {
      const boundaries = sprtBoundaries(plan);
      expectClose(boundaries.logUpper, entry.lnA, 1e-6, "lnA");
      expectClose(boundaries.logLower, entry.lnB, 1e-6, "lnB");
      expectClose(boundaries.acceptIntercept, entry.h0, 1e-6, "h0");
      expectClose(boundaries.rejectIntercept, entry.h1, 1e-6, "h1");
      expectClose(boundaries.slope, entry.slope, 1e-6, "slope");
      expect(boundaries.acceptWithZeroFailuresAt).toBe(entry.accept_zero_failures_at_n);
    });
  }

  it("puts the slope between p0 and p1, where the test drifts toward neither side", () => {
    const { slope } = sprtBoundaries(headline);
    expect(slope).toBeGreaterThan(headline.acceptableFailureRate);
    expect(slope).toBeLessThan(headline.rejectableFailureRate);
  });

  it("rejects plans that make no sense, naming the field", () => {
    const cases: [Partial<SprtPlan>, string, string][] = [
      [
        { rejectableFailureRate: 0.01 },
        "rejectableFailureRate",
        "must be greater than acceptableFailureRate",
      ],
      [{ acceptableFailureRate: 0 }, "acceptableFailureRate", "strictly between 0 and 1, got 0"],
      [{ alpha: 1.5 }, "alpha", "alpha must be strictly between 0 and 1, got 1.5"],
      [{ alpha: 0.5, beta: 0.5 }, "beta", "alpha + beta must be below 1"],
    ];
    for (const [change, field, message] of cases) {
      const error = thrown(() => sprtBoundaries({ ...headline, ...change }), InvalidArgumentError);
      expect(error.message).toContain(message);
      expect(error.field).toBe(field);
    }
  });
});
