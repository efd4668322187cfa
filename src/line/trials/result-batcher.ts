/**
 * Hands finished trial results to the line in batches: at most `batchSize` at a time, or whatever has
 * waited `intervalMs`, one delivery at a time (each awaited before the next starts), so the store
 * writes few transactions and never falls behind silently. Stopping drops what was not delivered: the
 * line runs those trials again, since only a stored trial counts.
 */
import type { TrialResult } from "../../contracts/trial-result.js";
import type { Timers } from "../../runners/trial-pool.js";

export const defaultBatchSize = 20;
export const defaultBatchIntervalMs = 250;

const systemTimers: Timers = {
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ResultBatcherOptions {
  deliver(results: readonly TrialResult[]): Promise<void>;
  /** Told once when a delivery fails; nothing is delivered after it. */
  onError(error: unknown): void;
  batchSize?: number;
  intervalMs?: number;
  timers?: Timers;
}

export class ResultBatcher {
  readonly #options: ResultBatcherOptions;
  readonly #timers: Timers;
  readonly #batchSize: number;
  #buffer: TrialResult[] = [];
  #delivering: Promise<void> | undefined;
  #timer: unknown;
  /** Results have waited the interval: deliver them as soon as the delivery in progress ends. */
  #due = false;
  #finishing = false;
  #stopped = false;
  #failed = false;
  #error: unknown;

  constructor(options: ResultBatcherOptions) {
    this.#options = options;
    this.#timers = options.timers ?? systemTimers;
    this.#batchSize = options.batchSize ?? defaultBatchSize;
  }

  add(result: TrialResult): void {
    if (this.#stopped || this.#failed) return;
    this.#buffer.push(result);
    this.#schedule();
  }

  /** Delivers everything still waiting, then resolves; rejects with the first delivery's failure. */
  async finish(): Promise<void> {
    this.#finishing = true;
    this.#clearTimer();
    for (;;) {
      if (this.#delivering !== undefined) await this.#delivering;
      else if (this.#failed) throw this.#error;
      else if (this.#stopped || this.#buffer.length === 0) return;
      else this.#deliverNext();
    }
  }

  /** Delivers nothing more; resolves once a delivery in progress has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#buffer = [];
    this.#clearTimer();
    await this.#delivering;
  }

  #schedule(): void {
    if (this.#finishing || this.#stopped || this.#buffer.length === 0) return;
    if (this.#delivering === undefined && (this.#due || this.#buffer.length >= this.#batchSize)) {
      this.#due = false;
      this.#clearTimer();
      this.#deliverNext();
      return;
    }
    if (this.#timer !== undefined || this.#due) return;
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      this.#due = true;
      this.#schedule();
    }, this.#options.intervalMs ?? defaultBatchIntervalMs);
  }

  #deliverNext(): void {
    const batch = this.#buffer.splice(0, this.#batchSize);
    const delivered = Promise.resolve().then(() => this.#options.deliver(batch));
    this.#delivering = delivered.then(
      () => {
        this.#delivering = undefined;
        this.#schedule();
      },
      (error: unknown) => {
        this.#delivering = undefined;
        this.#failed = true;
        this.#error = error;
        this.#buffer = [];
        this.#clearTimer();
        this.#options.onError(error);
      },
    );
  }

  #clearTimer(): void {
    if (this.#timer === undefined) return;
    this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
