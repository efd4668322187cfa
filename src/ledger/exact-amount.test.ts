import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../contracts/errors.js";
import { add, divide, exactDecimal, exactInteger, multiply, roundHalfUp } from "./exact-amount.js";

describe("exact amounts", () => {
  it("reads a number as the decimal it was written as", () => {
    expect(exactDecimal(0.075)).toEqual({ numerator: 75n, denominator: 1000n });
    expect(exactDecimal(1e-7)).toEqual({ numerator: 1n, denominator: 10_000_000n });
    expect(exactDecimal(2.5e21)).toEqual({
      numerator: 2_500_000_000_000_000_000_000n,
      denominator: 1n,
    });
    expect(exactDecimal(12)).toEqual({ numerator: 12n, denominator: 1n });
  });

  it("adds what floats cannot: 0.1 + 0.2 is exactly 0.3", () => {
    const sum = add(exactDecimal(0.1), exactDecimal(0.2));
    expect(sum.numerator * 10n).toBe(3n * sum.denominator);
  });

  it("rounds half up, and only a half or more goes up", () => {
    expect(roundHalfUp({ numerator: 5n, denominator: 2n })).toBe(3);
    expect(roundHalfUp({ numerator: 7n, denominator: 2n })).toBe(4);
    expect(roundHalfUp({ numerator: 249_999n, denominator: 100_000n })).toBe(2);
    expect(roundHalfUp(divide(exactInteger(1), exactInteger(3)))).toBe(0);
  });

  it("matches integer arithmetic for integers", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (left, right) => {
        expect(roundHalfUp(multiply(exactInteger(left), exactInteger(right)))).toBe(left * right);
        expect(roundHalfUp(add(exactInteger(left), exactInteger(right)))).toBe(left + right);
      }),
      { seed: 7 },
    );
  });

  it("refuses negative, infinite and unsafe amounts", () => {
    expect(() => exactDecimal(-1)).toThrow(InvalidArgumentError);
    expect(() => exactDecimal(Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
    expect(() => roundHalfUp(exactInteger(2n ** 60n))).toThrow(/too large/);
    expect(() => divide(exactInteger(1), exactInteger(0))).toThrow(/division by zero/);
  });
});
