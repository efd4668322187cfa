import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/support/expect-close.js";
import { binomialCumulative, binomialLogProbability } from "./binomial-distribution.js";

// Reference values from scipy.stats.binom (logpmf and cdf), scipy 1.17.1.
describe("binomial distribution", () => {
  it("gives log probabilities that match scipy, including far in the tail", () => {
    expectClose(binomialLogProbability(3, 10, 0.5), Math.log(120 / 1024), 1e-12);
    expectClose(binomialLogProbability(99_950, 100_000, 0.9995), -2.876366618479153, 1e-9);
    expectClose(binomialLogProbability(90_000, 100_000, 0.9995), -43551.20994691587, 1e-9);
  });

  it("handles the certain outcomes and impossible counts", () => {
    expect(binomialLogProbability(0, 5, 0)).toBe(0);
    expect(binomialLogProbability(1, 5, 0)).toBe(Number.NEGATIVE_INFINITY);
    expect(binomialLogProbability(5, 5, 1)).toBe(0);
    expect(binomialLogProbability(6, 5, 0.5)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("gives cumulative probabilities that match scipy", () => {
    expectClose(binomialCumulative(3, 132, 0.01), 0.9557474941740338, 1e-9);
    expectClose(binomialCumulative(3, 132, 0.05), 0.0992283044257829, 1e-9);
    expect(binomialCumulative(-1, 10, 0.3)).toBe(0);
    expect(binomialCumulative(10, 10, 0.3)).toBe(1);
  });

  it("sums to one", () => {
    let total = 0;
    for (let count = 0; count <= 500; count++)
      total += Math.exp(binomialLogProbability(count, 500, 0.37));
    expectClose(total, 1, 1e-12);
  });
});
