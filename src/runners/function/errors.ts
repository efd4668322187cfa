/**
 * Errors of the function pool that are not observations of the code under test: the pool was closed, or
 * a worker could not be started (the sandbox refused, node is missing, the worker never became ready).
 * Timeouts, aborts and crashes of the code under test are observations instead (see failure-observation).
 */
import { ShopfloorError } from "../../contracts/errors.js";

export class FunctionPoolClosedError extends ShopfloorError {
  constructor(exportName?: string) {
    const call = exportName === undefined ? "the call" : `the call to export "${exportName}"`;
    super("internal", `the function pool was closed before ${call} finished`);
    this.name = "FunctionPoolClosedError";
  }
}

export class FunctionWorkerStartError extends ShopfloorError {
  constructor(message: string, cause?: unknown) {
    super("io-error", message, { retryable: true, cause });
    this.name = "FunctionWorkerStartError";
  }
}
