/**
 * The one error base of shopfloor. Every error a user can meet carries a stable `code`, whether retrying can
 * help, and where the fault is (`path`, `line`, `field`) when that is known. Exit codes and HTTP statuses are
 * chosen at the edges (CLI, server) from the code, never here.
 */

export type ErrorCode =
  | "invalid-argument"
  | "invalid-input"
  | "invalid-config"
  | "not-found"
  | "io-error"
  | "internal";

export interface ErrorDetails {
  retryable?: boolean;
  path?: string;
  line?: number;
  field?: string;
  cause?: unknown;
}

export class ShopfloorError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly path: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "ShopfloorError";
    this.code = code;
    this.retryable = details.retryable ?? false;
    this.path = details.path;
    this.line = details.line;
    this.field = details.field;
  }
}

/** A caller passed a value outside the domain of a function (a confidence of 1.2, a negative count). */
export class InvalidArgumentError extends ShopfloorError {
  constructor(message: string, field?: string) {
    super("invalid-argument", message, { field });
    this.name = "InvalidArgumentError";
  }
}
