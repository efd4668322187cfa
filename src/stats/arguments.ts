/**
 * Argument checks shared by the statistics functions. Every check throws an InvalidArgumentError whose
 * message names the field, the rule and the value received, so a caller (the gate, the CLI, a user editing
 * a profile) can fix the input without reading this code.
 */

import { InvalidArgumentError } from "../contracts/errors.js";

export function requireInteger(
  value: number,
  field: string,
  minimum: number,
  maximum?: number,
): void {
  if (!Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(`${field} must be a whole number, got ${value}`, field);
  }
  if (value < minimum) {
    throw new InvalidArgumentError(`${field} must be at least ${minimum}, got ${value}`, field);
  }
  if (maximum !== undefined && value > maximum) {
    throw new InvalidArgumentError(`${field} must be at most ${maximum}, got ${value}`, field);
  }
}

/** For confidences and rates where both 0 and 1 make the question meaningless (e.g. 100% confidence). */
export function requireOpenUnitInterval(value: number, field: string): void {
  if (!(Number.isFinite(value) && value > 0 && value < 1)) {
    throw new InvalidArgumentError(
      `${field} must be strictly between 0 and 1, got ${value}`,
      field,
    );
  }
}

/** For probabilities where the certain outcomes are legitimate inputs (a quantile of 0 is the minimum). */
export function requireClosedUnitInterval(value: number, field: string): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new InvalidArgumentError(
      `${field} must be between 0 and 1 inclusive, got ${value}`,
      field,
    );
  }
}

export function requireOneOf<T extends string>(
  value: T,
  allowed: readonly T[],
  field: string,
): void {
  if (!allowed.includes(value)) {
    throw new InvalidArgumentError(
      `${field} must be one of ${allowed.join(", ")}, got ${String(value)}`,
      field,
    );
  }
}
