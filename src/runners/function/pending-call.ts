/**
 * One call accepted by the pool. Whatever happens first (a response, a timeout, an abort, a crash of its
 * worker, the pool closing) settles it, and nothing after that can: a call is never lost and never
 * answered twice.
 */
import type { FunctionObservation } from "../../contracts/observation.js";

export interface FunctionCallRequest {
  /** An absolute path: callers resolve it, the pool does not. */
  module: string;
  export: string;
  args: unknown[];
  /** Counted from the moment a worker takes the call, not while it waits in the queue. */
  timeoutMs: number;
}

export class PendingCall {
  readonly id: number;
  readonly request: FunctionCallRequest;
  /** The request as the worker reads it (see worker-protocol). */
  readonly line: string;
  readonly promise: Promise<FunctionObservation>;
  #resolve: (observation: FunctionObservation) => void = () => {};
  #reject: (error: Error) => void = () => {};
  #settled = false;
  #dispatched = false;
  #onSettle: Array<() => void> = [];

  constructor(id: number, request: FunctionCallRequest, line: string) {
    this.id = id;
    this.request = request;
    this.line = line;
    this.promise = new Promise<FunctionObservation>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  get settled(): boolean {
    return this.#settled;
  }

  /** Whether a worker took the call: from then on only that worker settles it. */
  get dispatched(): boolean {
    return this.#dispatched;
  }

  markDispatched(): void {
    this.#dispatched = true;
  }

  /** Runs once the call is settled, e.g. to remove an abort listener. */
  onSettle(action: () => void): void {
    this.#onSettle.push(action);
  }

  resolve(observation: FunctionObservation): void {
    if (this.#markSettled()) this.#resolve(observation);
  }

  reject(error: Error): void {
    if (this.#markSettled()) this.#reject(error);
  }

  #markSettled(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    for (const action of this.#onSettle) action();
    this.#onSettle = [];
    return true;
  }
}
