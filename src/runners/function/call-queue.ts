/**
 * The first-in, first-out queue of calls waiting for a worker. Calls settled while waiting (aborted) stay
 * in place and are skipped when they reach the front, so that taking from the queue stays O(1) even with
 * thousands of calls waiting.
 */

export interface Settleable {
  readonly settled: boolean;
}

export class CallQueue<Call extends Settleable> {
  #items: Call[] = [];
  #head = 0;

  push(call: Call): void {
    this.#items.push(call);
  }

  /** The oldest call still waiting, left in the queue. */
  peek(): Call | undefined {
    this.#skipSettled();
    return this.#items[this.#head];
  }

  /** Removes and returns the oldest call still waiting. */
  take(): Call | undefined {
    const call = this.peek();
    if (call === undefined) return undefined;
    this.#head += 1;
    this.#compact();
    return call;
  }

  /** Calls still in the queue, counting settled ones not yet skipped: an upper bound of those waiting. */
  get length(): number {
    return this.#items.length - this.#head;
  }

  /** Empties the queue and returns the calls still waiting. */
  drain(): Call[] {
    const waiting = this.#items.slice(this.#head).filter((call) => !call.settled);
    this.#items = [];
    this.#head = 0;
    return waiting;
  }

  #skipSettled(): void {
    while (this.#head < this.#items.length && this.#items[this.#head]?.settled === true) {
      this.#head += 1;
    }
  }

  #compact(): void {
    if (this.#head < 1_024 || this.#head * 2 < this.#items.length) return;
    this.#items = this.#items.slice(this.#head);
    this.#head = 0;
  }
}
