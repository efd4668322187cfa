/**
 * The line benchmark's clock: how long each part of the control plane (store, queue, ledger…) takes,
 * as wall time in flight and as the main thread's own time, followed through awaits by async hooks.
 */
import { AsyncLocalStorage, createHook } from "node:async_hooks";
import { performance } from "node:perf_hooks";

export const parts = ["store", "queue", "ledger", "artifacts", "suites", "git", "agent"] as const;
export type Part = (typeof parts)[number];

/**
 * Per part, two clocks. `busy`: the wall time during which at least one of its calls was in flight
 * (nested calls once), which is what waiting on a git process costs, but also counts whatever else ran
 * meanwhile (a running job's work while the runner asks the queue for the next one). `own`: the time
 * the main thread spent running the part's code and what it called (Kysely, SQLite, zod), each
 * synchronous stretch charged to the innermost part whose call it belongs to, followed through awaits
 * by async hooks; that is what the part adds to the line's work. The hooks run only while `own` is on.
 */
export class PartClock {
  readonly busy = zeroes();
  readonly own = zeroes();
  readonly #inFlight = new Map<Part, { calls: number; since: number }>();
  readonly #storage = new AsyncLocalStorage<Part>();
  readonly #hook = createHook({
    before: () => this.#enter(this.#storage.getStore()),
    after: () => this.#leave(),
  });
  readonly #outer: (Part | undefined)[] = [];
  #running: Part | undefined;
  #since = 0;

  /** Replaces every method of `target`'s class with a timed one. */
  watch(part: Part, target: object): void {
    const prototype = Object.getPrototypeOf(target) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = prototype[name];
      if (name === "constructor" || typeof method !== "function") continue;
      const call = method as (...args: unknown[]) => unknown;
      Object.defineProperty(target, name, {
        value: (...args: unknown[]) => this.#time(part, () => call.apply(target, args)),
      });
    }
  }

  /** Zeroes both clocks and starts following `own` time. */
  start(): void {
    for (const part of parts) {
      this.busy[part] = 0;
      this.own[part] = 0;
    }
    this.#switchTo(undefined);
    this.#hook.enable();
  }

  stop(): void {
    this.#hook.disable();
    this.#switchTo(undefined);
  }

  #time(part: Part, call: () => unknown): unknown {
    const state = this.#inFlight.get(part) ?? { calls: 0, since: 0 };
    if (state.calls === 0) state.since = performance.now();
    state.calls += 1;
    this.#inFlight.set(part, state);
    const end = () => {
      state.calls -= 1;
      if (state.calls === 0) this.busy[part] += performance.now() - state.since;
    };
    try {
      const result = this.#storage.run(part, () => {
        this.#enter(part);
        try {
          return call();
        } finally {
          this.#leave();
        }
      });
      if (result instanceof Promise) return result.finally(end);
      end();
      return result;
    } catch (error) {
      end();
      throw error;
    }
  }

  #enter(part: Part | undefined): void {
    this.#outer.push(this.#running);
    this.#switchTo(part);
  }

  #leave(): void {
    this.#switchTo(this.#outer.pop());
  }

  #switchTo(part: Part | undefined): void {
    const now = performance.now();
    if (this.#running !== undefined) this.own[this.#running] += now - this.#since;
    this.#running = part;
    this.#since = now;
  }
}

export function zeroes(): Record<Part, number> {
  return Object.fromEntries(parts.map((part) => [part, 0])) as Record<Part, number>;
}
