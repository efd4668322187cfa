/**
 * The live event stream over HTTP (Server-Sent Events), on a real line: a client that connects sees the
 * events of an item submitted and worked afterwards, in order, each with its sequence as `id` and its
 * type as `event`; only events written after it connected, unless it asks for more. A client that
 * reconnects with `Last-Event-ID` (or `?after=`) resumes right after it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import { EventStreamReader } from "../../../../test/support/console/line-event-stream-reader.js";
import type { LineEvent } from "../../../contracts/line-event.js";
import { LineEventSchema } from "./line-schemas.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let harness: ConsoleHarness;
const readers: EventStreamReader[] = [];

beforeAll(async () => {
  harness = await consoleHarness();
});

afterAll(async () => {
  for (const reader of readers) await reader.close();
  await harness?.remove();
});

async function connect(query = "", headers: Record<string, string> = {}) {
  const response = await harness.request("GET", `/api/events/stream${query}`, {
    token: harness.tokens.reader,
    headers,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = new EventStreamReader(response);
  readers.push(reader);
  return reader;
}

async function submit(): Promise<string> {
  const response = await harness.request("POST", "/api/items", {
    json: { name: "todo-small.md", spec: harness.smallSpec },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const approval = (item: string) => (event: LineEvent) =>
  event.workItem === item &&
  event.type === "work-item.transition" &&
  event.payload.to === "approved";

describe("the line's event stream", () => {
  let streamed: LineEvent[] = [];

  it("sends the events of an item as the line writes them, in order, with ids and types", async () => {
    const reader = await connect();
    const opening = await reader.next();
    expect(opening?.comments).toEqual(["following the line's events after 0"]);
    const item = await submit();
    const working = harness.work();
    const received = await reader.eventsUntil(approval(item));
    await working;

    streamed = received.map((message) => LineEventSchema.parse(message.event));
    expect(received.every((message) => message.id === String(message.event.sequence))).toBe(true);
    expect(received.every((message) => message.type === message.event.type)).toBe(true);
    // Exactly the log, in its order: nothing skipped, nothing twice.
    const log = await harness.services.line().events();
    expect(streamed).toEqual(
      log.filter((event) => event.sequence <= (streamed.at(-1)?.sequence ?? 0)),
    );
    expect(streamed[0]).toMatchObject({ type: "work-item.create", workItem: item });
    expect(streamed.map((event) => event.type)).toContain("gate.verdict");
  });

  it("resumes after the Last-Event-ID a reconnecting client sends, or after ?after=", async () => {
    const middle = streamed[4];
    if (middle === undefined) throw new Error("the first test streamed too few events");
    const resumed = await connect("", { "Last-Event-ID": String(middle.sequence) });
    expect((await resumed.next())?.comments).toEqual([
      `following the line's events after ${middle.sequence}`,
    ]);
    const last = streamed.at(-1);
    const rest = await resumed.eventsUntil((event) => event.sequence === last?.sequence);
    expect(rest.map((message) => message.event)).toEqual(streamed.slice(5));

    const fromStart = await connect("?after=0", { "Last-Event-ID": String(middle.sequence) });
    expect((await fromStart.nextEvent()).event).toEqual(streamed[0]);
  });

  it("starts at the end of the log when the client names no place", async () => {
    const reader = await connect();
    const end = streamed.at(-1)?.sequence;
    expect((await reader.next())?.comments).toEqual([`following the line's events after ${end}`]);
    const item = await submit();
    const { event } = await reader.nextEvent();
    expect(event).toMatchObject({ type: "work-item.create", workItem: item });
    expect(event.sequence).toBeGreaterThan(end ?? 0);
  });

  it("stops following the log when the client goes", async () => {
    const signal = harness.services.events;
    const subscribe = signal.subscribe.bind(signal);
    let unsubscribed!: () => void;
    const stopped = new Promise<void>((resolve) => {
      unsubscribed = resolve;
    });
    const spy = vi.spyOn(signal, "subscribe").mockImplementation((listener) => {
      const unsubscribe = subscribe(listener);
      return () => {
        unsubscribed();
        return unsubscribe();
      };
    });
    const reader = await connect();
    const item = await submit();
    expect((await reader.nextEvent()).event.workItem).toBe(item);
    expect(spy).toHaveBeenCalledTimes(1);
    await reader.close();
    await stopped;
    spy.mockRestore();
  });
});
