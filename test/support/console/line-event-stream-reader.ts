/**
 * Reads a Server-Sent Events response the way a browser does, for the event stream's tests: messages
 * split on blank lines, `id`, `event` and `data` fields, and `:` comments (pings) kept apart. Waiting
 * for the next message is waiting for the stream's next chunk; `close()` cancels the body, which is how
 * a client goes away.
 */
import type { LineEvent } from "../../../src/contracts/line-event.js";

export interface StreamMessage {
  id?: string;
  event?: string;
  data?: string;
  /** The `:` comment lines, without the colon. */
  comments: string[];
}

export class EventStreamReader {
  readonly #reader: ReadableStreamDefaultReader<string>;
  #buffer = "";

  constructor(response: Response) {
    if (response.body === null) throw new Error("the event stream's response has no body");
    this.#reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  }

  /** The next message, a comment-only one included; undefined when the stream ended. */
  async next(): Promise<StreamMessage | undefined> {
    for (;;) {
      const boundary = this.#buffer.indexOf("\n\n");
      if (boundary !== -1) {
        const block = this.#buffer.slice(0, boundary);
        this.#buffer = this.#buffer.slice(boundary + 2);
        return parseMessage(block);
      }
      const { value, done } = await this.#reader.read();
      if (done) return undefined;
      this.#buffer += value;
    }
  }

  /** The next line event, skipping comments. */
  async nextEvent(): Promise<{
    id: string | undefined;
    type: string | undefined;
    event: LineEvent;
  }> {
    for (;;) {
      const message = await this.next();
      if (message === undefined) throw new Error("the event stream ended");
      if (message.data === undefined) continue;
      return { id: message.id, type: message.event, event: JSON.parse(message.data) as LineEvent };
    }
  }

  /** Line events until (and with) the first that matches. */
  async eventsUntil(last: (event: LineEvent) => boolean) {
    const received = [];
    for (;;) {
      const message = await this.nextEvent();
      received.push(message);
      if (last(message.event)) return received;
    }
  }

  async close(): Promise<void> {
    await this.#reader.cancel();
  }
}

function parseMessage(block: string): StreamMessage {
  const message: StreamMessage = { comments: [] };
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) {
      message.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data")
      message.data = message.data === undefined ? value : `${message.data}\n${value}`;
    else if (field === "id" || field === "event") message[field] = value;
  }
  return message;
}
