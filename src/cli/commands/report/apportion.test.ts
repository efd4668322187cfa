import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amountsAddingUp,
  centsAddingUp,
  decimalsFor,
  largestRemainder,
  permilleAddingUp,
} from "./apportion.js";

describe("largest remainder rounding", () => {
  it("makes three thirds add up to the whole", () => {
    expect(permilleAddingUp([1, 1, 1])).toEqual([334, 333, 333]);
    expect(centsAddingUp([3_333_333, 3_333_333, 3_333_334])).toEqual({
      cents: [333, 333, 334],
      totalCents: 1000,
    });
  });

  it("gives the spare units to the largest remainders", () => {
    expect(largestRemainder([14, 27, 59], 10, 10)).toEqual([1, 3, 6]);
    expect(largestRemainder([15, 25, 60], 10, 10)).toEqual([2, 2, 6]);
  });

  it("always adds up, and never moves a part by a whole unit or more", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50_000_000), { minLength: 1, maxLength: 12 }), (amounts) => {
        const { cents, totalCents } = centsAddingUp(amounts);
        expect(cents.reduce((sum, part) => sum + part, 0)).toBe(totalCents);
        cents.forEach((part, index) => {
          expect(Math.abs(part - (amounts[index] ?? 0) / 10_000)).toBeLessThan(1);
        });
        const shares = permilleAddingUp(amounts);
        if (shares) expect(shares.reduce((sum, part) => sum + part, 0)).toBe(1000);
      }),
      { seed: 11 },
    );
    expect(permilleAddingUp([0, 0])).toBeUndefined();
  });
});

describe("amounts below ten cents", () => {
  it("get the decimals that show the total with two significant digits, cents from ten cents up", () => {
    expect(decimalsFor(0)).toBe(2);
    expect(decimalsFor(12_345_678)).toBe(2);
    expect(decimalsFor(100_000)).toBe(2);
    expect(decimalsFor(47_000)).toBe(3);
    expect(decimalsFor(140)).toBe(5);
    expect(decimalsFor(3)).toBe(6);
  });

  it("still add up to the total at that precision", () => {
    const { units, totalUnits } = amountsAddingUp([47, 61, 33], 5);
    expect(totalUnits).toBe(14);
    expect(units.reduce((sum, part) => sum + part, 0)).toBe(14);
    expect(units).toEqual([5, 6, 3]);
  });
});
