/**
 * The line's events as they happen, from the server's event stream (GET /api/events/stream, Server-Sent
 * Events: `id` the event's sequence, `event` its type, `data` the event as JSON). Read with fetch rather
 * than EventSource, which cannot send the token; after a dropped connection it reconnects from the last
 * sequence it saw. Pages use `latestSequence` as the key that refreshes their data.
 */
import { useEffect, useState } from "react";
import type { LineEvent } from "../../../src/contracts/line-event.js";
import { useApi } from "./api-context.js";

export interface LineEvents {
  /** The newest events first, at most `keep` of them. */
  recent: LineEvent[];
  latestSequence: number;
  connected: boolean;
}

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
    const receive = (event: LineEvent) => {
      after = event.sequence;
      setState((previous) => ({
        recent: [event, ...previous.recent].slice(0, keep),
        latestSequence: event.sequence,
        connected: true,
      }));
    };
    const follow = async () => {
      while (!controller.signal.aborted) {
        try {
          await readStream(token, after, controller.signal, receive, () =>
            setState((previous) => ({ ...previous, connected: true })),
          );
        } catch {
          if (controller.signal.aborted) return;
        }
        setState((previous) => ({ ...previous, connected: false }));
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    };
    void follow();
    return () => controller.abort();
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
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let boundary = buffer.indexOf("\n\n");
    while (boundary !== -1) {
      const message = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const data = message
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trimStart())
        .join("\n");
      if (data !== "") receive(JSON.parse(data) as LineEvent);
      boundary = buffer.indexOf("\n\n");
    }
  }
}
