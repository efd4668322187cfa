/**
 * One sandboxed worker process of the function pool: prepared through the Sandbox port, spawned in its own
 * process group, fed requests on stdin and read on file descriptor 3. It owns the calls in flight on it and
 * settles every one: with the worker's answer, or, when a call times out, is aborted or the process dies,
 * with an observation saying so once the process is gone (so a timed-out call never leaves a process
 * behind).
 */

import type { ChildProcess, SpawnOptions } from "node:child_process";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import type { FunctionObservation } from "../../contracts/observation.js";
import { killProcessGroup } from "../process-group.js";
import type { Sandbox, SandboxedCommand, SandboxLimits } from "../sandbox/sandbox.js";
import { abortedObservation, callObservation, timedOutObservation } from "./call-observation.js";
import { FunctionPoolClosedError, type FunctionWorkerStartError } from "./errors.js";
import { OutputTail } from "./output-tail.js";
import type { PendingCall } from "./pending-call.js";
import {
  type KillCause,
  startFailure,
  unansweredObservation,
  type WorkerExit,
} from "./worker-end.js";
import { parseWorkerMessage, type WorkerMessage } from "./worker-protocol.js";

export type SpawnFunction = (
  command: string,
  args: readonly string[],
  options: SpawnOptions,
) => ChildProcess;

export interface FunctionWorkerEvents {
  ready(worker: FunctionWorker): void;
  /** A call left the worker, which may take another. */
  callSettled(worker: FunctionWorker): void;
  /** The process is gone and its calls are settled; `startError` is set when it never became ready. */
  exited(worker: FunctionWorker, startError?: FunctionWorkerStartError): void;
}

export interface FunctionWorkerOptions {
  sandbox: Sandbox;
  workDirectory: string;
  readOnlyPaths: readonly string[];
  env: Readonly<Record<string, string>>;
  limits?: Partial<SandboxLimits>;
  nodePath: string;
  workerScript: string;
  spawn: SpawnFunction;
  now: () => number;
  startTimeoutMs: number;
  /** How long a killed process may take to be reported gone before its calls are settled anyway. */
  exitWaitMs: number;
  events: FunctionWorkerEvents;
}

interface InFlightCall {
  call: PendingCall;
  dispatchedAt: number;
  timer: NodeJS.Timeout;
}

export class FunctionWorker {
  readonly #options: FunctionWorkerOptions;
  readonly #inFlight = new Map<number, InFlightCall>();
  /** Calls already decided (timed out, aborted), answered once the process is gone. */
  readonly #decided: Array<{ call: PendingCall; observation: FunctionObservation }> = [];
  readonly #stderr = new OutputTail();
  #state: "starting" | "ready" | "ending" | "exited" = "starting";
  #becameReady = false;
  #child: ChildProcess | undefined;
  #command: SandboxedCommand | undefined;
  #killCause: KillCause | undefined;
  #exit: WorkerExit | undefined;
  #unfinishedLine = "";
  #timers: NodeJS.Timeout[] = [];
  #finishFallback: NodeJS.Timeout | undefined;
  #markGone: () => void = () => {};
  readonly #gone: Promise<void>;

  constructor(options: FunctionWorkerOptions) {
    this.#options = options;
    this.#gone = new Promise((resolve) => {
      this.#markGone = resolve;
    });
  }

  get acceptsCalls(): boolean {
    return this.#state === "ready";
  }

  get isStarting(): boolean {
    return this.#state === "starting";
  }

  get inFlightCount(): number {
    return this.#inFlight.size;
  }

  get processId(): number | undefined {
    return this.#state === "exited" ? undefined : this.#child?.pid;
  }

  holds(call: PendingCall): boolean {
    return this.#inFlight.has(call.id);
  }

  start(): void {
    const startTimeoutMs = this.#options.startTimeoutMs;
    this.#timers.push(setTimeout(() => this.#kill({ kind: "start-timeout" }), startTimeoutMs));
    void this.#launch();
  }

  send(call: PendingCall): void {
    call.markDispatched();
    const timer = setTimeout(() => this.#stopCall(call, "timeout"), call.request.timeoutMs);
    this.#inFlight.set(call.id, { call, dispatchedAt: this.#options.now(), timer });
    this.#child?.stdin?.write(call.line);
  }

  /** Ends the call by killing the worker: the only way to stop code that is running. */
  abort(call: PendingCall): void {
    this.#stopCall(call, "abort");
  }

  /** Rejects the calls in flight, ends stdin, and kills the process group after `graceMs`. */
  stop(graceMs: number): Promise<void> {
    if (this.#state === "exited") return this.#gone;
    for (const { call, timer } of this.#inFlight.values()) {
      clearTimeout(timer);
      call.reject(new FunctionPoolClosedError(call.request.export));
    }
    this.#inFlight.clear();
    this.#state = "ending";
    this.#killCause ??= { kind: "closed" };
    this.#child?.stdin?.end();
    this.#timers.push(setTimeout(() => this.#kill({ kind: "closed" }), graceMs));
    return this.#gone;
  }

  async #launch(): Promise<void> {
    const { sandbox, nodePath, workerScript } = this.#options;
    try {
      this.#command = await sandbox.prepare({
        argv: [nodePath, workerScript],
        workDirectory: this.#options.workDirectory,
        // The sandbox makes its own node readable; the worker script lives outside the code under test.
        readOnlyPaths: [...this.#options.readOnlyPaths, dirname(workerScript)],
        env: this.#options.env,
        ...(this.#options.limits ? { limits: this.#options.limits } : {}),
      });
    } catch (error) {
      this.#exit = { exitCode: null, signal: null, spawnError: asError(error) };
      this.#finish();
      return;
    }
    if (this.#state !== "starting") {
      this.#finish();
      return;
    }
    this.#spawn(this.#command);
  }

  #spawn(command: SandboxedCommand): void {
    const [program, ...args] = command.argv;
    try {
      if (program === undefined) throw new Error("the sandbox returned an empty command");
      this.#child = this.#options.spawn(program, args, {
        cwd: command.cwd,
        env: command.env,
        detached: true,
        stdio: ["pipe", "ignore", "pipe", "pipe"],
      });
    } catch (error) {
      this.#exit = { exitCode: null, signal: null, spawnError: asError(error) };
      this.#finish();
      return;
    }
    this.#listen(this.#child);
  }

  #listen(child: ChildProcess): void {
    child.on("error", (error) => {
      if (child.pid !== undefined) return;
      this.#exit = { exitCode: null, signal: null, spawnError: error };
      this.#finish();
    });
    child.once("exit", (exitCode, signal) => {
      this.#exit ??= { exitCode, signal };
      killProcessGroup(child.pid);
      this.#armFinishFallback();
    });
    child.once("close", () => this.#finish());
    // Writing to a worker that just died fails with EPIPE; its exit is what reports that.
    child.stdin?.on("error", () => {});
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => this.#stderr.append(chunk));
    const responses = child.stdio[3];
    if (!(responses instanceof Readable)) {
      this.#exit = {
        exitCode: null,
        signal: null,
        spawnError: new Error("no pipe on file descriptor 3"),
      };
      this.#kill({ kind: "closed" });
      return;
    }
    responses.setEncoding("utf8");
    responses.on("data", (chunk: string) => this.#receive(chunk));
    responses.on("error", () => {});
  }

  #receive(chunk: string): void {
    const lines = (this.#unfinishedLine + chunk).split("\n");
    this.#unfinishedLine = lines.pop() ?? "";
    for (const line of lines) {
      if (line.length > 0) this.#handle(parseWorkerMessage(line));
    }
  }

  #handle(message: WorkerMessage): void {
    if (message.kind === "unreadable") {
      this.#kill({ kind: "unreadable", reason: message.reason });
      return;
    }
    if (message.kind === "ready") {
      if (this.#state !== "starting") return;
      this.#state = "ready";
      this.#becameReady = true;
      this.#options.events.ready(this);
      return;
    }
    const entry = this.#inFlight.get(message.id);
    if (entry === undefined) return;
    this.#inFlight.delete(message.id);
    clearTimeout(entry.timer);
    entry.call.resolve(callObservation(entry.call.request, message.outcome, message.durationMs));
    this.#options.events.callSettled(this);
  }

  #stopCall(call: PendingCall, reason: "timeout" | "abort"): void {
    const entry = this.#inFlight.get(call.id);
    if (entry === undefined) return;
    this.#inFlight.delete(call.id);
    clearTimeout(entry.timer);
    const durationMs = this.#options.now() - entry.dispatchedAt;
    const observation =
      reason === "timeout"
        ? timedOutObservation(call.request, durationMs)
        : abortedObservation(call.request, durationMs);
    this.#decided.push({ call, observation });
    this.#kill({ kind: reason, request: call.request });
  }

  #kill(cause: KillCause): void {
    if (this.#state === "exited") return;
    if (cause.kind === "start-timeout" && this.#state !== "starting") return;
    this.#killCause ??= cause;
    this.#state = "ending";
    if (this.#child !== undefined) killRunningProcessGroup(this.#child);
    this.#armFinishFallback();
  }

  #armFinishFallback(): void {
    this.#finishFallback ??= setTimeout(() => this.#finish(), this.#options.exitWaitMs);
  }

  #finish(): void {
    if (this.#state === "exited") return;
    this.#state = "exited";
    for (const timer of this.#timers) clearTimeout(timer);
    clearTimeout(this.#finishFallback);
    if (this.#child !== undefined) killRunningProcessGroup(this.#child);
    for (const { call, observation } of this.#decided) call.resolve(observation);
    const end = { killCause: this.#killCause, exit: this.#exit, stderrLines: this.#stderr.lines() };
    const exportsInFlight = [...this.#inFlight.values()].map(({ call }) => call.request.export);
    for (const { call, dispatchedAt, timer } of this.#inFlight.values()) {
      clearTimeout(timer);
      const durationMs = this.#options.now() - dispatchedAt;
      call.resolve(unansweredObservation(call.request, durationMs, { ...end, exportsInFlight }));
    }
    this.#inFlight.clear();
    const startTimeoutMs = this.#options.startTimeoutMs;
    const startError = this.#becameReady ? undefined : startFailure({ ...end, startTimeoutMs });
    void this.#cleanUp().then(() => this.#markGone());
    this.#options.events.exited(this, startError);
  }

  async #cleanUp(): Promise<void> {
    try {
      await this.#command?.cleanup();
    } catch {
      // A temp dir left behind is not worth failing a run over; the sandbox owns its removal.
    }
  }
}

function killRunningProcessGroup(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) killProcessGroup(child.pid);
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
