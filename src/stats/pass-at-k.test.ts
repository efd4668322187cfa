import { describe, expect, it } from "vitest";
import oracle from "../../test/fixtures/binomial-oracle.json" with { type: "json" };
import { expectClose } from "../../test/support/expect-close.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import { passAtK, passHatK } from "./pass-at-k.js";

describe("pass@k and pass^k", () => {
  for (const { n, c, k, pass_at_k, pass_hat_k } of oracle.pass_k) {
    it(`match the reference values for n=${n}, c=${c}, k=${k}`, () => {
      expectClose(passAtK(n, c, k), pass_at_k, 1e-6);
      expectClose(passHatK(n, c, k), pass_hat_k, 1e-6);
    });
  }

  it("reduce to the plain success rate for k = 1", () => {
    expectClose(passAtK(40, 13, 1), 13 / 40, 1e-12);
    expectClose(passHatK(40, 13, 1), 13 / 40, 1e-12);
  });

  it("are certain or impossible at the extremes", () => {
    expect(passAtK(10, 0, 3)).toBe(0);
    expect(passAtK(10, 10, 10)).toBe(1);
    expect(passHatK(10, 10, 10)).toBe(1);
    expect(passHatK(10, 2, 3)).toBe(0);
  });

  it("stay finite where the binomial coefficients would overflow", () => {
    const samples = 5000;
    const atK = passAtK(samples, 10, 100);
    const hatK = passHatK(samples, 4000, 100);
    expectClose(atK, 1 - exactProductAllFail(samples, 10, 100), 1e-12);
    expect(Number.isFinite(hatK) && hatK > 0 && hatK < 0.8 ** 100).toBe(true);
  });

  it("order as a retry loop and a repeat user would expect: pass^k <= rate <= pass@k", () => {
    for (const k of [1, 2, 5, 10]) {
      expect(passHatK(20, 15, k)).toBeLessThanOrEqual(15 / 20);
      expect(passAtK(20, 15, k)).toBeGreaterThanOrEqual(15 / 20);
    }
  });

  it("reject inconsistent counts naming the field", () => {
    expect(() => passAtK(5, 6, 1)).toThrow("correct must be at most 5, got 6");
    expect(() => passHatK(5, 2, 6)).toThrow("k must be at most 5, got 6");
    expect(() => passAtK(0, 0, 1)).toThrow(InvalidArgumentError);
  });
});

/** The same quantity from log binomial coefficients, an independent route. */
function exactProductAllFail(samples: number, correct: number, k: number): number {
  let logRatio = 0;
  for (let index = 0; index < k; index++) {
    logRatio += Math.log(samples - correct - index) - Math.log(samples - index);
  }
  return Math.exp(logRatio);
}
