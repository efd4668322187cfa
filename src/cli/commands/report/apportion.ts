/**
 * Rounding a column so that it still adds up: the largest-remainder method. Each part gets the whole
 * units of its quota, and the units left to reach the target go to the largest remainders (the earlier
 * part on a tie). Used to print cents and percentages whose rows sum to the total line exactly.
 */

/** Parts of `target` whole units for quotas numerators[i] / denominator. */
export function largestRemainder(
  numerators: readonly number[],
  denominator: number,
  target: number,
): number[] {
  const scale = BigInt(denominator);
  const floors = numerators.map((numerator) => BigInt(numerator) / scale);
  const remainders = numerators.map((numerator, index) => ({
    index,
    remainder: BigInt(numerator) % scale,
  }));
  let left = target - Number(floors.reduce((sum, value) => sum + value, 0n));
  remainders.sort((first, second) =>
    first.remainder === second.remainder
      ? first.index - second.index
      : first.remainder > second.remainder
        ? -1
        : 1,
  );
  const parts = floors.map(Number);
  for (const { index } of remainders) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** Micro-dollar amounts as cents adding up to the total rounded half up to the cent. */
export function centsAddingUp(amountsMicroUsd: readonly number[]): {
  cents: number[];
  totalCents: number;
} {
  const { units, totalUnits } = amountsAddingUp(amountsMicroUsd, 2);
  return { cents: units, totalCents: totalUnits };
}

/**
 * Micro-dollar amounts in units of 10^-decimals dollars (2: cents), adding up to the total rounded half
 * up to that unit.
 */
export function amountsAddingUp(
  amountsMicroUsd: readonly number[],
  decimals: number,
): { units: number[]; totalUnits: number } {
  const unit = 10 ** (6 - decimals);
  const total = amountsMicroUsd.reduce((sum, amount) => sum + amount, 0);
  const totalUnits = Math.floor((total + unit / 2) / unit);
  return { units: largestRemainder(amountsMicroUsd, unit, totalUnits), totalUnits };
}

/**
 * Decimals that show a total with two significant digits: cents from a dollar up, more below (a day of
 * cheap trials costs fractions of a cent), never beyond the micro-dollar.
 */
export function decimalsFor(totalMicroUsd: number): number {
  if (totalMicroUsd <= 0 || totalMicroUsd >= 100_000) return 2;
  const digits = Math.ceil(-Math.log10(totalMicroUsd / 1_000_000)) + 1;
  return Math.min(6, Math.max(2, digits));
}

/** Shares of the total in tenths of a percent, adding up to 1000 (100.0%); none when the total is 0. */
export function permilleAddingUp(amounts: readonly number[]): number[] | undefined {
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (total === 0) return undefined;
  return largestRemainder(
    amounts.map((amount) => amount * 1000),
    total,
    1000,
  );
}
