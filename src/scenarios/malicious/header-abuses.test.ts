import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headerAbuses } from "./header-abuses.js";

let server: Server;
let baseUrl: string;
const received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((incoming, outgoing) => {
    received.push(incoming.headers);
    incoming.resume();
    incoming.on("end", () => outgoing.end("{}"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function expectReceived(headers: Record<string, string>): void {
  const last = received.at(-1) ?? {};
  for (const [name, value] of Object.entries(headers)) expect(last[name]).toBe(value);
}

describe("headerAbuses", () => {
  it("covers the abuses the scenarios rely on", () => {
    const names = headerAbuses.flatMap((abuse) => Object.keys(abuse.headers));
    expect(names).toEqual(
      expect.arrayContaining([
        "x-http-method-override",
        "x-forwarded-for",
        "x-real-ip",
        "accept",
        "accept-language",
        "cookie",
        "content-type",
      ]),
    );
    const longest = Math.max(
      ...headerAbuses.flatMap((abuse) => Object.values(abuse.headers).map((value) => value.length)),
    );
    expect(longest).toBeGreaterThanOrEqual(8 * 1024);
  });

  it("never holds the same set twice", () => {
    const texts = headerAbuses.map((abuse) => JSON.stringify(abuse.headers));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(headerAbuses.map((abuse) => [abuse.note, abuse] as const))(
    "is sent by undici's request and by fetch: %s",
    async (_, abuse) => {
      const response = await request(`${baseUrl}/items`, {
        method: "POST",
        headers: abuse.headers,
        body: "{}",
      });
      await response.body.text();
      expect(response.statusCode).toBe(200);
      expectReceived(abuse.headers);

      const fetched = await fetch(`${baseUrl}/items`, {
        method: "POST",
        headers: abuse.headers,
        body: "{}",
      });
      await fetched.text();
      expect(fetched.status).toBe(200);
      expectReceived(abuse.headers);
    },
  );
});
