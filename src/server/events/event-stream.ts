/**
 * GET /api/events/stream as Server-Sent Events: each line event as a message (`id` its sequence, `event`
 * its type, `data` the event as JSON), from where the client asks (`after`, else `Last-Event-ID`), else
 * from the end of the log. A stream that fails to read the log (the line being reopened on new settings)
 * ends; the client reconnects with the last id it saw, so nothing is lost.
 */
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { ConsoleServices } from "../console-services.js";
import { followEvents, type ReadEvents } from "./follow-events.js";

export function streamLineEvents(
  context: Context,
  services: Pick<ConsoleServices, "line" | "events">,
  /** The sequence to start after; undefined: only events written from now on. */
  after: number | undefined,
): Response {
  return streamSSE(context, async (stream) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    stream.onAbort(stop);
    context.req.raw.signal.addEventListener("abort", stop, { once: true });
    // The line is asked for anew on each read: a change of settings reopens it.
    const read: ReadEvents = (afterSequence, limit) =>
      services.line().events({ afterSequence, limit });
    try {
      const start = after ?? (await services.line().events({ newest: 1 }))[0]?.sequence ?? 0;
      // A first write sends the headers through proxies at once and says where the stream starts.
      await stream.write(`: following the line's events after ${start}\n\n`);
      await followEvents({
        after: start,
        read,
        events: services.events,
        signal: controller.signal,
        send: (event) =>
          stream.writeSSE({
            id: String(event.sequence),
            event: event.type,
            data: JSON.stringify(event),
          }),
        ping: async () => {
          await stream.write(": ping\n\n");
        },
      });
    } catch (error) {
      if (!controller.signal.aborted) {
        console.error(`the event stream stopped; its client will reconnect: ${String(error)}`);
      }
    } finally {
      context.req.raw.signal.removeEventListener("abort", stop);
    }
  });
}
