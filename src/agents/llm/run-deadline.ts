/**
 * One abort signal for an agent run that fires when the caller cancels or the wall-clock limit is
 * reached, and remembers which came first: the run's status (cancelled or timed-out) depends on it.
 */
import type { Timers } from "./run-sandboxed-command.js";

export type StopCause = "cancelled" | "timed-out";

/** Node fires a longer timer at once; a limit past it (24.8 days) is as good as none. */
const longestTimerMs = 2 ** 31 - 1;

export class RunDeadline {
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal;
  readonly #timers: Timers;
  readonly #timer: unknown;
  readonly #onCallerAbort = () => this.#stop("cancelled");
  #cause: StopCause | undefined;

  constructor(callerSignal: AbortSignal, wallClockMs: number, timers: Timers) {
    this.#callerSignal = callerSignal;
    this.#timers = timers;
    this.#timer = timers.setTimeout(
      () => this.#stop("timed-out"),
      Math.min(wallClockMs, longestTimerMs),
    );
    if (callerSignal.aborted) this.#stop("cancelled");
    else callerSignal.addEventListener("abort", this.#onCallerAbort, { once: true });
  }

  /** Aborted when the run must stop. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why the run was stopped, when it was. */
  get cause(): StopCause | undefined {
    return this.#cause;
  }

  /** Stops the timer and forgets the caller's signal; call when the run has ended. */
  dispose(): void {
    this.#timers.clearTimeout(this.#timer);
    this.#callerSignal.removeEventListener("abort", this.#onCallerAbort);
  }

  #stop(cause: StopCause): void {
    if (this.#cause !== undefined) return;
    this.#cause = cause;
    this.#controller.abort(
      new Error(
        cause === "cancelled" ? "the run was cancelled" : "the wall-clock limit was reached",
      ),
    );
  }
}
