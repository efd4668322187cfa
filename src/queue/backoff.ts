/**
 * How long a failed job waits before its next attempt: exponential backoff without jitter (the base after
 * the first failure, doubling after each one, capped), so a schedule can be stated and tested exactly.
 * Jitter matters when many remote workers retry at once; the embedded line is one process per home.
 */
import { InvalidArgumentError } from "../contracts/errors.js";

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** 1 s, 2 s, 4 s… up to 5 minutes. */
export const defaultBackoff: Backoff = { baseMs: 1_000, maxMs: 5 * 60_000 };

/** The wait after the given attempt (1 for the first lease) failed. */
export function retryDelayMs(failedAttempt: number, backoff: Backoff = defaultBackoff): number {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1) {
    throw new InvalidArgumentError(`a failed attempt is counted from 1, not ${failedAttempt}`);
  }
  const doublings = Math.min(failedAttempt - 1, 52);
  return Math.min(backoff.baseMs * 2 ** doublings, backoff.maxMs);
}

export function checkBackoff(backoff: Backoff): Backoff {
  const valid =
    Number.isFinite(backoff.baseMs) &&
    Number.isFinite(backoff.maxMs) &&
    backoff.baseMs >= 0 &&
    backoff.maxMs >= backoff.baseMs;
  if (!valid) {
    throw new InvalidArgumentError(
      `a backoff needs 0 ≤ baseMs ≤ maxMs, not baseMs ${backoff.baseMs} and maxMs ${backoff.maxMs}`,
      "backoff",
    );
  }
  return backoff;
}
