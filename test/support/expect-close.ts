/**
 * Test support: compares floating-point results with reference values to a relative tolerance, with a
 * message that shows both numbers and how far apart they are.
 */

/**
 * Passes when |actual - expected| <= tolerance * |expected|; an expected 0 is compared with the same number
 * as an absolute tolerance, since no relative tolerance can be met there.
 */
export function expectClose(actual: number, expected: number, tolerance = 1e-6, label = ""): void {
  const allowed = expected === 0 ? tolerance : tolerance * Math.abs(expected);
  const difference = Math.abs(actual - expected);
  if (Number.isNaN(actual) || !(difference <= allowed)) {
    const where = label === "" ? "" : `${label}: `;
    throw new Error(
      `${where}expected ${expected} within ${tolerance} (relative), got ${actual} (off by ${difference})`,
    );
  }
}
