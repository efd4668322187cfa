/**
 * Following the line's event log for one reader (an SSE connection): send every event after a sequence
 * in order, page by page, then wait for more. It wakes when this process writes an event (the
 * EventSignal) and also polls, because another process (`shopfloor run`) may write to the same log. A
 * ping goes out when nothing was sent for a while, so proxies and browsers keep the connection. It ends
 * when the signal aborts (the client went away). Clock and timers are injected for the tests.
 */
import type { LineEvent } from "../../contracts/line-event.js";
import { waitFor } from "../../line/wait-for.js";
import type { EventSignal } from "./event-signal.js";

/** A page of the log: up to `limit` events after `afterSequence`, in order. */
export type ReadEvents = (afterSequence: number, limit: number) => Promise<LineEvent[]>;

export interface FollowEventsOptions {
  /** Send the events after this sequence. */
  after: number;
  read: ReadEvents;
  events: Pick<EventSignal, "subscribe">;
  send(event: LineEvent): Promise<void>;
  ping(): Promise<void>;
  signal: AbortSignal;
  /** Resolves after the time, or at once when its signal aborts; default setTimeout. */
  delay?: (milliseconds: number, signal: AbortSignal) => Promise<void>;
  /** Epoch milliseconds; default Date.now. */
  now?: () => number;
  /** Default 1 s. */
  pollMs?: number;
  /** Default 15 s. */
  pingMs?: number;
  /** Default 100. */
  pageSize?: number;
}

export async function followEvents(options: FollowEventsOptions): Promise<void> {
  const { signal } = options;
  const now = options.now ?? Date.now;
  const delay = options.delay ?? waitFor;
  const pollMs = options.pollMs ?? 1_000;
  const pingMs = options.pingMs ?? 15_000;
  const pageSize = options.pageSize ?? 100;
  let after = options.after;
  let woken = false;
  let wake: (() => void) | undefined;
  const rouse = () => {
    woken = true;
    wake?.();
  };
  const unsubscribe = options.events.subscribe(rouse);
  signal.addEventListener("abort", rouse, { once: true });
  let lastWriteAt = now();
  try {
    while (!signal.aborted) {
      // Cleared before reading: an event written while we read wakes the next round at once.
      woken = false;
      const sentUpTo = await sendPages(options, after, pageSize);
      if (sentUpTo !== after) lastWriteAt = now();
      after = sentUpTo;
      if (signal.aborted) return;
      if (now() - lastWriteAt >= pingMs) {
        await options.ping();
        lastWriteAt = now();
      }
      if (woken) continue;
      const untilPing = Math.max(0, pingMs - (now() - lastWriteAt));
      const timer = new AbortController();
      const roused = new Promise<void>((resolve) => {
        wake = resolve;
      });
      await Promise.race([roused, delay(Math.min(pollMs, untilPing), timer.signal)]);
      wake = undefined;
      timer.abort();
    }
  } finally {
    unsubscribe();
    signal.removeEventListener("abort", rouse);
  }
}

/** Sends every event after `after`, a page at a time; returns the last sequence sent. */
async function sendPages(
  options: FollowEventsOptions,
  after: number,
  pageSize: number,
): Promise<number> {
  let sentUpTo = after;
  for (;;) {
    const page = await options.read(sentUpTo, pageSize);
    for (const event of page) {
      if (options.signal.aborted) return sentUpTo;
      await options.send(event);
      sentUpTo = event.sequence;
    }
    if (page.length < pageSize) return sentUpTo;
  }
}
