/**
 * The pool of long-lived, sandboxed worker processes that run function calls. Calls wait in one FIFO
 * queue and go to an idle worker; workers start lazily, up to `size`. By default a worker has one call in
 * flight, so a call that hangs or crashes its worker fails alone: a timeout or an abort kills the worker's
 * process group and a replacement starts when calls wait. `maxInFlightPerWorker` above 1 pipelines calls
 * into busy workers (they then run concurrently in one process); when such a worker is killed or crashes,
 * every call in flight on it fails with a message that says why, and none is retried.
 */
import { spawn as nodeSpawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { InvalidArgumentError } from "../../contracts/errors.js";
import type { FunctionObservation } from "../../contracts/observation.js";
import type { Sandbox, SandboxLimits } from "../sandbox/sandbox.js";
import { abortedObservation } from "./call-observation.js";
import { CallQueue } from "./call-queue.js";
import { FunctionPoolClosedError, type FunctionWorkerStartError } from "./errors.js";
import { FunctionWorker, type SpawnFunction } from "./function-worker.js";
import { type FunctionCallRequest, PendingCall } from "./pending-call.js";
import { requestLine } from "./worker-protocol.js";
import { findWorkerScript } from "./worker-script.js";

export interface FunctionPoolOptions {
  sandbox: Sandbox;
  /** Worker processes at most. */
  size: number;
  /** The code under test: the sandbox's working directory, readable inside it. */
  workDirectory: string;
  /** Further paths the code needs to read, e.g. a shared node_modules. */
  readOnlyPaths?: readonly string[];
  /** The node binary to run the worker with; `process.execPath` by default. */
  nodePath?: string;
  env?: Readonly<Record<string, string>>;
  limits?: Partial<SandboxLimits>;
  /** The clock of call durations the pool measures itself (timeouts, crashes). */
  now?: () => number;
  /** Calls a worker takes before it has answered; 1 by default. */
  maxInFlightPerWorker?: number;
  /** How long a worker may take to start; 10 s by default. */
  startTimeoutMs?: number;
  /** How long close() lets workers end on their own before killing them; 500 ms by default. */
  closeGraceMs?: number;
  /** How long a killed worker may take to be reported gone; 1 s by default. */
  exitWaitMs?: number;
  /** runtime/function-worker.mjs, found beside the sources by default. */
  workerScript?: string;
  spawn?: SpawnFunction;
}

/** After this many failed starts in a row, no more workers start while one is still alive. */
const startFailuresTolerated = 3;
const longestTimerMs = 2_147_483_647;

export class FunctionPool {
  readonly #options: FunctionPoolOptions;
  readonly #workerScript: string;
  readonly #maxInFlightPerWorker: number;
  readonly #now: () => number;
  readonly #queue = new CallQueue<PendingCall>();
  readonly #workers = new Set<FunctionWorker>();
  #nextCallId = 1;
  #startFailures = 0;
  #pumping = false;
  #pumpAgain = false;
  #closing: Promise<void> | undefined;

  constructor(options: FunctionPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new InvalidArgumentError(
        `a function pool needs a whole size of 1 or more, not ${options.size}`,
        "size",
      );
    }
    const maxInFlightPerWorker = options.maxInFlightPerWorker ?? 1;
    if (!Number.isInteger(maxInFlightPerWorker) || maxInFlightPerWorker < 1) {
      throw new InvalidArgumentError(
        `maxInFlightPerWorker must be a whole number of 1 or more, not ${maxInFlightPerWorker}`,
        "maxInFlightPerWorker",
      );
    }
    this.#options = options;
    this.#maxInFlightPerWorker = maxInFlightPerWorker;
    this.#workerScript = options.workerScript ?? findWorkerScript();
    this.#now = options.now ?? (() => performance.now());
  }

  /** The process ids of the workers alive now (for diagnostics and tests). */
  get processIds(): number[] {
    return [...this.#workers].flatMap((worker) => worker.processId ?? []);
  }

  /**
   * Calls an export and observes what it returned or threw. Resolves with an observation for anything
   * the code under test did (including timing out or crashing its worker, or the call being aborted);
   * rejects only when the pool cannot run the call (closed, bad arguments, workers that cannot start).
   */
  call(request: FunctionCallRequest, signal?: AbortSignal): Promise<FunctionObservation> {
    if (this.#closing !== undefined) {
      return Promise.reject(new FunctionPoolClosedError(request.export));
    }
    const id = this.#nextCallId;
    this.#nextCallId += 1;
    let line: string;
    try {
      line = checkedRequestLine(id, request);
    } catch (error) {
      return Promise.reject(error);
    }
    const call = new PendingCall(id, request, line);
    if (signal?.aborted) {
      call.resolve(abortedObservation(request, 0));
      return call.promise;
    }
    if (signal !== undefined) {
      const onAbort = () => this.#abort(call);
      signal.addEventListener("abort", onAbort, { once: true });
      call.onSettle(() => signal.removeEventListener("abort", onAbort));
    }
    this.#queue.push(call);
    this.#pump();
    return call.promise;
  }

  /** Ends every worker; calls not yet answered reject with FunctionPoolClosedError. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#closeAll();
    return this.#closing;
  }

  async #closeAll(): Promise<void> {
    for (const call of this.#queue.drain())
      call.reject(new FunctionPoolClosedError(call.request.export));
    const graceMs = this.#options.closeGraceMs ?? 500;
    await Promise.all([...this.#workers].map((worker) => worker.stop(graceMs)));
  }

  #abort(call: PendingCall): void {
    if (!call.dispatched) {
      call.resolve(abortedObservation(call.request, 0));
      return;
    }
    for (const worker of this.#workers) {
      if (worker.holds(call)) worker.abort(call);
    }
  }

  /** Hands waiting calls to workers; re-entrant calls (from worker events) are folded into the running one. */
  #pump(): void {
    if (this.#pumping) {
      this.#pumpAgain = true;
      return;
    }
    this.#pumping = true;
    try {
      do {
        this.#pumpAgain = false;
        this.#dispatchWaitingCalls();
      } while (this.#pumpAgain);
    } finally {
      this.#pumping = false;
    }
  }

  #dispatchWaitingCalls(): void {
    while (this.#closing === undefined && this.#queue.peek() !== undefined) {
      const idle = this.#findWorker((worker) => worker.inFlightCount === 0);
      if (idle !== undefined) {
        this.#dispatch(idle);
      } else if (this.#shouldStartWorker()) {
        this.#startWorker();
      } else {
        const leastBusy = this.#findWorker(
          (worker) => worker.inFlightCount < this.#maxInFlightPerWorker,
        );
        if (leastBusy === undefined) return;
        this.#dispatch(leastBusy);
      }
    }
  }

  #dispatch(worker: FunctionWorker): void {
    const call = this.#queue.take();
    if (call !== undefined) worker.send(call);
  }

  /** The ready worker with the fewest calls in flight among those that pass `fits`. */
  #findWorker(fits: (worker: FunctionWorker) => boolean): FunctionWorker | undefined {
    let found: FunctionWorker | undefined;
    for (const worker of this.#workers) {
      if (!worker.acceptsCalls || !fits(worker)) continue;
      if (found === undefined || worker.inFlightCount < found.inFlightCount) found = worker;
    }
    return found;
  }

  #shouldStartWorker(): boolean {
    if (this.#workers.size >= this.#options.size) return false;
    if (this.#workers.size > 0 && this.#startFailures >= startFailuresTolerated) return false;
    let starting = 0;
    for (const worker of this.#workers) if (worker.isStarting) starting += 1;
    return starting < this.#queue.length;
  }

  #startWorker(): void {
    const options = this.#options;
    const worker = new FunctionWorker({
      sandbox: options.sandbox,
      workDirectory: options.workDirectory,
      readOnlyPaths: options.readOnlyPaths ?? [],
      env: options.env ?? {},
      ...(options.limits ? { limits: options.limits } : {}),
      nodePath: options.nodePath ?? process.execPath,
      workerScript: this.#workerScript,
      spawn: options.spawn ?? nodeSpawn,
      now: this.#now,
      startTimeoutMs: options.startTimeoutMs ?? 10_000,
      exitWaitMs: options.exitWaitMs ?? 1_000,
      events: {
        ready: () => {
          this.#startFailures = 0;
          this.#pump();
        },
        callSettled: () => this.#pump(),
        exited: (exited, startError) => this.#onWorkerExited(exited, startError),
      },
    });
    this.#workers.add(worker);
    worker.start();
  }

  #onWorkerExited(worker: FunctionWorker, startError: FunctionWorkerStartError | undefined): void {
    this.#workers.delete(worker);
    if (startError !== undefined) {
      this.#startFailures += 1;
      // With no worker left to serve them, waiting calls would wait forever.
      if (this.#workers.size === 0) for (const call of this.#queue.drain()) call.reject(startError);
    }
    this.#pump();
  }
}

/** The request line of a call, or an InvalidArgumentError for a timeout or arguments the pool cannot use. */
function checkedRequestLine(id: number, request: FunctionCallRequest): string {
  if (!(request.timeoutMs > 0 && request.timeoutMs <= longestTimerMs)) {
    const message = `a call's timeoutMs must be above 0 and at most ${longestTimerMs}`;
    throw new InvalidArgumentError(message, "timeoutMs");
  }
  const { module, args } = request;
  try {
    return requestLine({ id, module, export: request.export, args });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidArgumentError(`the arguments cannot be sent to a worker: ${reason}`, "args");
  }
}
