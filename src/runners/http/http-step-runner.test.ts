import { createServer, type Server } from "node:http";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpStep } from "../../contracts/scenario.js";
import { HttpStepRunner } from "./http-step-runner.js";

let server: Server;
let baseUrl: string;
const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => {
      seen.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body,
      });
      if (request.url === "/api/text") {
        response.writeHead(418, { "content-type": "text/plain", "x-trace": "abc" });
        response.end("not json");
        return;
      }
      response.writeHead(200, { "content-type": "application/json", "set-cookie": ["a=1", "b=2"] });
      response.end(JSON.stringify({ echoed: body === "" ? null : JSON.parse(body) }));
    });
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const step = (request: HttpStep["request"]): HttpStep => ({ request, expect: [] });

describe("HttpStepRunner", () => {
  it("sends the request with JSON, query and headers under the base path, and observes the response", async () => {
    const runner = new HttpStepRunner({
      target: { baseUrl },
      defaultHeaders: { Authorization: "Bearer token" },
      connections: 2,
      now: () => performance.now(),
    });
    try {
      const observation = await runner.run(
        step({
          method: "POST",
          path: "/todos",
          query: { page: 2, tag: "a b" },
          headers: { "X-Id": "7" },
          json: { title: "x" },
        }),
        new AbortController().signal,
      );
      expect(seen.at(-1)).toMatchObject({
        method: "POST",
        url: "/api/todos?page=2&tag=a+b",
        body: '{"title":"x"}',
      });
      expect(seen.at(-1)?.headers).toMatchObject({
        authorization: "Bearer token",
        "x-id": "7",
        "content-type": "application/json",
      });
      expect(observation).toMatchObject({
        kind: "http",
        status: 200,
        body: { echoed: { title: "x" } },
      });
      expect(observation.headers["set-cookie"]).toBe("a=1, b=2");
      expect(observation.request.url).toBe(`${baseUrl}/todos?page=2&tag=a+b`);
      expect(observation.durationMs).toBeGreaterThan(0);
      expect(runner.describe(step({ method: "POST", path: "/todos" }))).toBe("POST /todos");
    } finally {
      await runner.close();
    }
  });

  it("keeps a body that is not JSON as text only", async () => {
    const runner = new HttpStepRunner({
      target: { baseUrl },
      defaultHeaders: {},
      connections: 1,
      now: () => performance.now(),
    });
    try {
      const observation = await runner.run(
        step({ method: "GET", path: "text" }),
        new AbortController().signal,
      );
      expect(observation).toMatchObject({ status: 418, bodyText: "not json", body: undefined });
      expect(observation.headers["x-trace"]).toBe("abc");
    } finally {
      await runner.close();
    }
  });

  it("keeps a path that looks like another host on the target", async () => {
    const runner = new HttpStepRunner({
      target: { baseUrl: new URL(baseUrl).origin },
      defaultHeaders: {},
      connections: 1,
      now: () => performance.now(),
    });
    try {
      const observation = await runner.run(
        step({ method: "GET", path: "//elsewhere.example/x" }),
        new AbortController().signal,
      );
      expect(seen.at(-1)?.url).toBe("//elsewhere.example/x");
      expect(observation.request.url).toBe(`${new URL(baseUrl).origin}//elsewhere.example/x`);
    } finally {
      await runner.close();
    }
  });

  it("rejects with the connection error when nothing listens", async () => {
    const runner = new HttpStepRunner({
      target: { baseUrl: "http://127.0.0.1:1" },
      defaultHeaders: {},
      connections: 1,
      now: () => 0,
    });
    try {
      await expect(
        runner.run(step({ method: "GET", path: "/" }), new AbortController().signal),
      ).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await runner.close();
    }
  });
});
