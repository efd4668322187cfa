import { afterEach, describe, expect, it } from "vitest";
import { ShopfloorError } from "../../contracts/errors.js";
import { type HttpListener, listen } from "./http-listener.js";

const opened: HttpListener[] = [];
afterEach(async () => {
  for (const listener of opened.splice(0)) await listener.close();
});

async function open(fetch: (request: Request) => Response | Promise<Response>, port = 0) {
  const listener = await listen(fetch, { hostname: "127.0.0.1", port });
  opened.push(listener);
  return listener;
}

describe("the console's listener", () => {
  it("picks a free port for port 0 and answers on it", async () => {
    const listener = await open(
      (request) => new Response(`you asked ${new URL(request.url).pathname}`),
    );
    expect(listener.port).toBeGreaterThan(0);
    const answer = await fetch(`http://127.0.0.1:${listener.port}/api/health`);
    expect(await answer.text()).toBe("you asked /api/health");
  });

  it("says a port in use is in use, and how to choose another", async () => {
    const first = await open(() => new Response("first"));
    const error = await listen(() => new Response("second"), {
      hostname: "127.0.0.1",
      port: first.port,
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ShopfloorError);
    expect(error).toMatchObject({ code: "invalid-argument", field: "port" });
    expect((error as Error).message).toContain(`port ${first.port} on 127.0.0.1 is in use`);
    expect((error as Error).message).toContain("--port 0");
  });

  it("lets an answer in progress finish when it closes, and ends the open event streams", async () => {
    let answerSlowly: () => void = () => undefined;
    let slowArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      slowArrived = resolve;
    });
    const slowAnswer = new Promise<void>((resolve) => {
      answerSlowly = resolve;
    });
    const listener = await listen(
      async (request) => {
        if (new URL(request.url).pathname === "/slow") {
          slowArrived();
          await slowAnswer;
          return new Response("finished");
        }
        // An event stream that never ends by itself.
        const body = new ReadableStream<Uint8Array>({
          start: (controller) => controller.enqueue(new TextEncoder().encode(": ping\n\n")),
        });
        return new Response(body, { headers: { "content-type": "text/event-stream" } });
      },
      { hostname: "127.0.0.1", port: 0 },
    );
    const base = `http://127.0.0.1:${listener.port}`;
    const stream = await fetch(`${base}/events`);
    const reader = stream.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe(": ping\n\n");
    const slow = fetch(`${base}/slow`).then((answer) => answer.text());
    await arrived;
    const closed = listener.close();
    answerSlowly();
    expect(await slow).toBe("finished");
    await closed;
    // The stream was ended by the server: the reader sees its end or an error, not a hang.
    const end = await reader?.read().catch(() => ({ done: true }));
    expect(end?.done).toBe(true);
    await expect(fetch(`${base}/slow`)).rejects.toThrow();
  });
});
