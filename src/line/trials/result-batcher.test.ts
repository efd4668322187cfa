import { describe, expect, it } from "vitest";
import type { TrialResult } from "../../contracts/trial-result.js";
import type { Timers } from "../../runners/trial-pool.js";
import { ResultBatcher } from "./result-batcher.js";

/** Timers that fire only when the test says so, recording what was asked. */
class ManualTimers implements Timers {
  readonly pending = new Map<number, { callback: () => void; milliseconds: number }>();
  #next = 0;
  setTimeout(callback: () => void, milliseconds: number): unknown {
    this.#next += 1;
    this.pending.set(this.#next, { callback, milliseconds });
    return this.#next;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}

function result(index: number): TrialResult {
  return { scenario: `s${index}`, category: "normal", pass: true, durationMs: 1, attempt: 1 };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A delivery the test releases by hand, recording every batch. */
function gatedDelivery() {
  const batches: string[][] = [];
  const releases: (() => void)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  return {
    batches,
    get mostInFlight() {
      return mostInFlight;
    },
    release: () => releases.shift()?.(),
    deliver: (results: readonly TrialResult[]) => {
      batches.push(results.map((item) => item.scenario));
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      return new Promise<void>((resolve) =>
        releases.push(() => {
          inFlight -= 1;
          resolve();
        }),
      );
    },
  };
}

describe("ResultBatcher", () => {
  it("delivers a full batch at once and the rest when the interval passes", async () => {
    const timers = new ManualTimers();
    const batches: string[][] = [];
    const batcher = new ResultBatcher({
      deliver: async (results) => {
        batches.push(results.map((item) => item.scenario));
      },
      onError: () => {},
      batchSize: 3,
      intervalMs: 250,
      timers,
    });
    for (let index = 1; index <= 4; index += 1) batcher.add(result(index));
    await settle();
    expect(batches).toEqual([["s1", "s2", "s3"]]);
    expect([...timers.pending.values()].map((timer) => timer.milliseconds)).toEqual([250]);
    timers.fireAll();
    await settle();
    expect(batches).toEqual([["s1", "s2", "s3"], ["s4"]]);
  });

  it("waits for a delivery to end before the next one, whatever arrives meanwhile", async () => {
    const timers = new ManualTimers();
    const delivery = gatedDelivery();
    const batcher = new ResultBatcher({
      deliver: delivery.deliver,
      onError: () => {},
      batchSize: 2,
      timers,
    });
    for (let index = 1; index <= 7; index += 1) batcher.add(result(index));
    timers.fireAll();
    await settle();
    expect(delivery.batches).toEqual([["s1", "s2"]]);
    delivery.release();
    await settle();
    expect(delivery.batches).toEqual([
      ["s1", "s2"],
      ["s3", "s4"],
    ]);
    const finished = batcher.finish();
    for (let round = 0; round < 4; round += 1) {
      delivery.release();
      await settle();
    }
    await finished;
    expect(delivery.batches.flat()).toEqual(["s1", "s2", "s3", "s4", "s5", "s6", "s7"]);
    expect(delivery.batches.every((batch) => batch.length <= 2)).toBe(true);
    expect(delivery.mostInFlight).toBe(1);
  });

  it("delivers what is left on finish without waiting for the interval", async () => {
    const timers = new ManualTimers();
    const batches: string[][] = [];
    const batcher = new ResultBatcher({
      deliver: async (results) => {
        batches.push(results.map((item) => item.scenario));
      },
      onError: () => {},
      timers,
    });
    batcher.add(result(1));
    batcher.add(result(2));
    await batcher.finish();
    expect(batches).toEqual([["s1", "s2"]]);
    expect(timers.pending.size).toBe(0);
  });

  it("delivers nothing more once stopped, and lets a delivery in progress end", async () => {
    const timers = new ManualTimers();
    const delivery = gatedDelivery();
    const batcher = new ResultBatcher({
      deliver: delivery.deliver,
      onError: () => {},
      batchSize: 2,
      timers,
    });
    for (let index = 1; index <= 5; index += 1) batcher.add(result(index));
    await settle();
    let stopped = false;
    const stopping = batcher.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    delivery.release();
    await stopping;
    batcher.add(result(6));
    timers.fireAll();
    await batcher.finish();
    expect(delivery.batches).toEqual([["s1", "s2"]]);
  });

  it("reports a failed delivery once, drops the rest, and rejects finish with it", async () => {
    const timers = new ManualTimers();
    const errors: unknown[] = [];
    const batches: string[][] = [];
    const batcher = new ResultBatcher({
      deliver: async (results) => {
        batches.push(results.map((item) => item.scenario));
        throw new Error("the store is full");
      },
      onError: (error) => errors.push(error),
      batchSize: 2,
      timers,
    });
    for (let index = 1; index <= 5; index += 1) batcher.add(result(index));
    await settle();
    batcher.add(result(6));
    await expect(batcher.finish()).rejects.toThrow("the store is full");
    expect(batches).toEqual([["s1", "s2"]]);
    expect(errors).toHaveLength(1);
  });
});
