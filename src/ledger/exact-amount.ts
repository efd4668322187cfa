/**
 * Exact arithmetic for money. Prices and rates arrive as JavaScript numbers (0.075 dollars per million
 * tokens); each is read as the decimal it was written as, multiplied and summed as a fraction of big
 * integers, and rounded once, half up, to whole micro-dollars. No float is ever accumulated.
 */
import { InvalidArgumentError } from "../contracts/errors.js";

/** A non-negative rational number: numerator / denominator, both big integers, denominator > 0. */
export interface ExactAmount {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export const zeroAmount: ExactAmount = { numerator: 0n, denominator: 1n };

const decimalPattern = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The decimal a finite non-negative number was written as: 0.075 → 75/1000, 1e-7 → 1/10000000. */
export function exactDecimal(value: number, field = "value"): ExactAmount {
  if (!Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(
      `${field} must be a finite number, 0 or more; got ${value}`,
      field,
    );
  }
  const match = decimalPattern.exec(String(value));
  if (match === null) throw new InvalidArgumentError(`${field} is not a decimal: ${value}`, field);
  const [, whole = "0", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(whole + fraction);
  return exponent >= 0
    ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}

export function exactInteger(value: number | bigint): ExactAmount {
  return { numerator: BigInt(value), denominator: 1n };
}

export function multiply(...factors: readonly ExactAmount[]): ExactAmount {
  return factors.reduce(
    (product, factor) => ({
      numerator: product.numerator * factor.numerator,
      denominator: product.denominator * factor.denominator,
    }),
    { numerator: 1n, denominator: 1n },
  );
}

export function divide(dividend: ExactAmount, divisor: ExactAmount): ExactAmount {
  if (divisor.numerator === 0n) throw new InvalidArgumentError("division by zero", "divisor");
  return {
    numerator: dividend.numerator * divisor.denominator,
    denominator: dividend.denominator * divisor.numerator,
  };
}

export function add(...terms: readonly ExactAmount[]): ExactAmount {
  return terms.reduce(
    (sum, term) => ({
      numerator: sum.numerator * term.denominator + term.numerator * sum.denominator,
      denominator: sum.denominator * term.denominator,
    }),
    zeroAmount,
  );
}

/** Rounds to the nearest integer, a half going up (2.5 → 3); the result must be a safe integer. */
export function roundHalfUp(amount: ExactAmount): number {
  const rounded = (2n * amount.numerator + amount.denominator) / (2n * amount.denominator);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidArgumentError(`an amount of ${rounded} micro-dollars is too large`, "amount");
  }
  return Number(rounded);
}
