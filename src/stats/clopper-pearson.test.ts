import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/support/expect-close.js";
import { binomialCumulative } from "./binomial-distribution.js";
import {
  clopperPearsonBounds,
  clopperPearsonLower,
  clopperPearsonUpper,
} from "./clopper-pearson.js";

describe("Clopper–Pearson bounds", () => {
  it("are the rates at which the observed count sits exactly on the tail probability", () => {
    // Lower bound L: P(X >= x | L) = tail. Upper bound U: P(X <= x | U) = tail.
    const trials = 40;
    const successes = 31;
    const tail = 0.025;
    const lower = clopperPearsonLower(successes, trials, tail);
    const upper = clopperPearsonUpper(successes, trials, tail);
    expectClose(1 - binomialCumulative(successes - 1, trials, lower), tail, 1e-9);
    expectClose(binomialCumulative(successes, trials, upper), tail, 1e-9);
  });

  it("have closed forms at the boundary outcomes", () => {
    expectClose(clopperPearsonLower(20, 20, 0.05), 0.05 ** (1 / 20), 1e-14);
    expectClose(clopperPearsonUpper(0, 20, 0.05), 1 - 0.05 ** (1 / 20), 1e-14);
    expect(clopperPearsonLower(0, 20, 0.05)).toBe(0);
    expect(clopperPearsonUpper(20, 20, 0.05)).toBe(1);
  });

  it("keep tiny upper bounds accurate instead of rounding them to 0", () => {
    const upper = clopperPearsonUpper(0, 100_000, 0.025);
    expectClose(upper, -Math.expm1(Math.log(0.025) / 100_000), 1e-14);
    expect(upper).toBeGreaterThan(3e-5);
  });

  it("split the tail by side", () => {
    const twoSided = clopperPearsonBounds(3, 10, 0.9, "two-sided");
    const lowerOnly = clopperPearsonBounds(3, 10, 0.95, "lower");
    expectClose(lowerOnly.lower, twoSided.lower, 1e-14);
    expect(lowerOnly.upper).toBe(1);
  });
});
