import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/support/expect-close.js";
import { wilsonBounds } from "./wilson.js";

/** The textbook centre ± half-width form, for comparison where it is numerically safe. */
function textbook(successes: number, trials: number, z: number): [number, number] {
  const rate = successes / trials;
  const centre = (rate + (z * z) / (2 * trials)) / (1 + (z * z) / trials);
  const halfWidth =
    (z / (1 + (z * z) / trials)) *
    Math.sqrt((rate * (1 - rate)) / trials + (z * z) / (4 * trials * trials));
  return [centre - halfWidth, centre + halfWidth];
}

describe("Wilson bounds", () => {
  it("agree with the textbook formula", () => {
    const z = 1.959963984540054;
    for (const [successes, trials] of [
      [3, 10],
      [50, 100],
      [97, 100],
    ] as const) {
      const { lower, upper } = wilsonBounds(successes, trials, 0.95, "two-sided");
      const [expectedLower, expectedUpper] = textbook(successes, trials, z);
      expectClose(lower, expectedLower, 1e-12);
      expectClose(upper, expectedUpper, 1e-12);
    }
  });

  it("keep a small lower bound's digits where the textbook form cancels", () => {
    // One success in a million trials; reference from the same formula in 60-digit decimal arithmetic.
    const { lower } = wilsonBounds(1, 1_000_000, 0.95, "two-sided");
    expectClose(lower, 1.765245767453715e-7, 1e-12);
    const mirrored = wilsonBounds(999_999, 1_000_000, 0.95, "two-sided");
    expectClose(1 - mirrored.upper, 1.765245767453715e-7, 1e-8);
  });

  it("are exactly 0 and 1 at the boundary outcomes", () => {
    expect(wilsonBounds(0, 30, 0.95, "two-sided").lower).toBe(0);
    expect(wilsonBounds(30, 30, 0.95, "two-sided").upper).toBe(1);
    const z = 1.6448536269514722;
    expectClose(wilsonBounds(30, 30, 0.95, "lower").lower, 30 / (30 + z * z), 1e-12);
  });
});
