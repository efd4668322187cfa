import { describe, expect, it } from "vitest";
import type { LineEvent } from "../../contracts/line-event.js";
import { EventSignal } from "./event-signal.js";
import { followEvents } from "./follow-events.js";

/** What a fake was called with, in order; `next()` waits for a call not taken yet. */
class Calls<Call> {
  readonly all: Call[] = [];
  readonly #unread: Call[] = [];
  readonly #waiting: ((call: Call) => void)[] = [];

  record(call: Call): void {
    this.all.push(call);
    const waiter = this.#waiting.shift();
    if (waiter === undefined) this.#unread.push(call);
    else waiter(call);
  }

  next(): Promise<Call> {
    const call = this.#unread.shift();
    if (call !== undefined) return Promise.resolve(call);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}

interface Delay {
  milliseconds: number;
  signal: AbortSignal;
  end(): void;
}

function event(sequence: number): LineEvent {
  return {
    sequence,
    at: "2026-11-24T14:00:00.000Z",
    workItem: "todo-api-3f9c2a",
    type: "trials.start",
    payload: { build: "todo-api-3f9c2a.1.1", round: 1, scenarios: 10 },
  };
}

/** A follower over an in-memory log with fake timers and clock. */
function follower(options: { log: number[]; after: number; pageSize?: number }) {
  const log = options.log.map(event);
  const signal = new EventSignal();
  const controller = new AbortController();
  const reads: number[] = [];
  const sent = new Calls<number>();
  const pings = new Calls<number>();
  const delays = new Calls<Delay>();
  const clock = { now: 0 };
  const done = followEvents({
    after: options.after,
    read: async (afterSequence, limit) => {
      reads.push(afterSequence);
      return log.filter((each) => each.sequence > afterSequence).slice(0, limit);
    },
    events: signal,
    send: async (each) => sent.record(each.sequence),
    ping: async () => pings.record(clock.now),
    signal: controller.signal,
    delay: (milliseconds, delaySignal) =>
      new Promise((resolve) => {
        delaySignal.addEventListener("abort", () => resolve(), { once: true });
        delays.record({ milliseconds, signal: delaySignal, end: resolve });
      }),
    now: () => clock.now,
    pollMs: 1_000,
    pingMs: 15_000,
    pageSize: options.pageSize ?? 100,
  });
  return { log, signal, controller, reads, sent, pings, delays, clock, done };
}

describe("following the event log", () => {
  it("sends the events after its start in order, a page at a time, then waits", async () => {
    const follow = follower({ log: [1, 2, 3, 4, 5], after: 1, pageSize: 2 });
    const firstWait = await follow.delays.next();
    expect(follow.sent.all).toEqual([2, 3, 4, 5]);
    expect(follow.reads).toEqual([1, 3, 5]);
    expect(firstWait.milliseconds).toBe(1_000);
    follow.controller.abort();
    await follow.done;
  });

  it("wakes at once when this process writes an event, without waiting for the poll", async () => {
    const follow = follower({ log: [1], after: 1 });
    const wait = await follow.delays.next();
    follow.log.push(event(2));
    follow.signal.fire();
    expect(await follow.sent.next()).toBe(2);
    expect(wait.signal.aborted).toBe(true);
    follow.controller.abort();
    await follow.done;
  });

  it("reads at its poll what another process wrote", async () => {
    const follow = follower({ log: [], after: 0 });
    const wait = await follow.delays.next();
    follow.log.push(event(1), event(2));
    wait.end();
    expect([await follow.sent.next(), await follow.sent.next()]).toEqual([1, 2]);
    follow.controller.abort();
    await follow.done;
  });

  it("pings when nothing was written for 15 s; an event sent puts the ping off", async () => {
    const follow = follower({ log: [], after: 0 });
    follow.clock.now = 14_600;
    (await follow.delays.next()).end();
    const untilPing = await follow.delays.next();
    expect(untilPing.milliseconds).toBe(400);
    expect(follow.pings.all).toEqual([]);
    follow.clock.now = 15_000;
    untilPing.end();
    expect(await follow.pings.next()).toBe(15_000);
    const afterPing = await follow.delays.next();
    expect(afterPing.milliseconds).toBe(1_000);

    follow.clock.now = 20_000;
    follow.log.push(event(1));
    afterPing.end();
    expect(await follow.sent.next()).toBe(1);
    follow.clock.now = 34_000;
    (await follow.delays.next()).end();
    expect((await follow.delays.next()).milliseconds).toBe(1_000);
    expect(follow.pings.all).toEqual([15_000]);
    follow.controller.abort();
    await follow.done;
  });

  it("stops when its client goes, and stops listening for events", async () => {
    const follow = follower({ log: [1, 2], after: 0 });
    await follow.delays.next();
    follow.controller.abort();
    await follow.done;
    follow.log.push(event(3));
    follow.signal.fire();
    expect(follow.sent.all).toEqual([1, 2]);
    expect(follow.reads).toEqual([0]);
  });
});
