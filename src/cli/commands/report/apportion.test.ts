import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centsAddingUp, largestRemainder, permilleAddingUp } from "./apportion.js";

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
