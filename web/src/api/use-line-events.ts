/**
 * The line's events as they happen, from the server's event stream (GET /api/events/stream, Server-Sent
 * Events: `id` the event's sequence, `event` its type, `data` the event as JSON). Read with fetch rather
 * than EventSource, which cannot send the token; after a dropped connection it reconnects from the last
 * sequence it saw. It starts with the newest `keep` events of the log (GET /api/events?newest=…), so a
 * page opened on a quiet line still shows what happened last. Pages use `latestSequence` as the key
 * that refreshes their data. A busy line writes
 * dozens of events a second, so they are handed on in batches (every `batchMs`): one refresh per batch,
 * not one per event.
 */
import { useEffect, useState } from "react";
import type { LineEvent } from "../../../src/contracts/line-event.js";
import { eventsRoute } from "../../../src/server/routes/line/line-routes.js";
import { useApi } from "./api-context.js";
import { callRoute } from "./call-route.js";
import { SseMessages } from "./sse-messages.js";

export interface LineEvents {
  /** The newest events first, at most `keep` of them. */
  recent: LineEvent[];
  latestSequence: number;
  connected: boolean;
}

const reconnectMs = 2_000;
const batchMs = 250;

export function useLineEvents(keep = 50): LineEvents {
  const { token } = useApi();
  const [state, setState] = useState<LineEvents>({
    recent: [],
    latestSequence: 0,
    connected: false,
  });
  useEffect(() => {
    if (token === undefined) return;
    const controller = new AbortController();
    let after: number | undefined;
    let pending: LineEvent[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      flushTimer = undefined;
      const arrived = pending;
      pending = [];
      if (arrived.length === 0 || controller.signal.aborted) return;
      setState((previous) => ({
        recent: [...arrived.reverse(), ...previous.recent].slice(0, keep),
        latestSequence: arrived[0]?.sequence ?? previous.latestSequence,
        connected: true,
      }));
    };
    const receive = (event: LineEvent) => {
      // A reconnect may repeat the last event the server sent; keep each sequence once.
      if (after !== undefined && event.sequence <= after) return;
      after = event.sequence;
      pending.push(event);
      flushTimer ??= setTimeout(flush, batchMs);
    };
    const setConnected = (connected: boolean) =>
      setState((previous) =>
        previous.connected === connected ? previous : { ...previous, connected },
      );
    const loadRecent = async () => {
      try {
        const { events } = await callRoute({ token }, eventsRoute, { query: { newest: keep } });
        for (const event of events) receive(event);
      } catch {
        // The stream still brings what happens from now on.
      }
    };
    const follow = async () => {
      await loadRecent();
      while (!controller.signal.aborted) {
        try {
          await readStream(token, after, controller.signal, receive, () => setConnected(true));
        } catch {
          if (controller.signal.aborted) return;
        }
        setConnected(false);
        await new Promise((resolve) => setTimeout(resolve, reconnectMs));
      }
    };
    void follow();
    return () => {
      controller.abort();
      if (flushTimer !== undefined) clearTimeout(flushTimer);
    };
  }, [token, keep]);
  return state;
}

async function readStream(
  token: string,
  after: number | undefined,
  signal: AbortSignal,
  receive: (event: LineEvent) => void,
  opened: () => void,
): Promise<void> {
  const query = after === undefined ? "" : `?after=${after}`;
  const response = await fetch(`/api/events/stream${query}`, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal,
  });
  if (!response.ok || response.body === null) throw new Error(`event stream: ${response.status}`);
  opened();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const messages = new SseMessages();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    for (const data of messages.push(value)) receive(JSON.parse(data) as LineEvent);
  }
}
