import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProbeResult } from "../contracts/release.js";
import type { HttpTarget } from "../runners/http/http-step-runner.js";
import { healthProbe } from "./health-probe.js";

const hanging: ServerResponse[] = [];

function handler(request: { url?: string | undefined }, response: ServerResponse) {
  if (request.url === "/health") {
    response.writeHead(204);
    response.end();
  } else if (request.url === "/sick") {
    response.writeHead(503, { "content-type": "text/plain" });
    response.end("overloaded");
  } else if (request.url === "/hang") {
    hanging.push(response);
  } else {
    response.writeHead(404);
    response.end();
  }
}

let tcpServer: Server;
let unixServer: Server;
let baseUrl: string;
let socketFolder: string;
let unixTarget: HttpTarget;

beforeAll(async () => {
  tcpServer = createServer(handler);
  await new Promise<void>((listening) => tcpServer.listen(0, "127.0.0.1", listening));
  const address = tcpServer.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  socketFolder = await mkdtemp(join(tmpdir(), "shopfloor-health-"));
  const socketPath = join(socketFolder, "service.sock");
  unixServer = createServer(handler);
  await new Promise<void>((listening) => unixServer.listen(socketPath, listening));
  unixTarget = { baseUrl: "http://127.0.0.1:9", endpoint: { kind: "unix", socketPath } };
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  await new Promise<void>((closed) => tcpServer.close(() => closed()));
  await new Promise<void>((closed) => unixServer.close(() => closed()));
  await rm(socketFolder, { recursive: true, force: true });
});

function steppingClock(step: number): () => number {
  let time = 0;
  return () => {
    time += step;
    return time;
  };
}

const at = new Date("2026-03-01T10:00:00.000Z");

function check(healthPath: string, target: HttpTarget = { baseUrl }, timeoutMs?: number) {
  return healthProbe({
    target,
    healthPath,
    release: "shop-r2",
    cycle: 3,
    now: () => at,
    clock: steppingClock(7),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}

describe("healthProbe", () => {
  it("passes on a 2xx answer, as a probe of the scenario `health`", async () => {
    const result = await check("/health");
    expect(ProbeResult.parse(result)).toEqual(result);
    expect(result).toEqual({
      release: "shop-r2",
      cycle: 3,
      scenario: "health",
      title: "GET /health",
      passed: true,
      latencyMs: 7,
      at: "2026-03-01T10:00:00.000Z",
    });
  });

  it("fails on any other status, saying which", async () => {
    const result = await check("/sick");
    expect(result.passed).toBe(false);
    expect(result.error).toBe("health check GET /sick answered status 503");
    expect((await check("/missing")).error).toMatch(/answered status 404$/);
  });

  it("reaches a release behind a unix socket endpoint", async () => {
    expect((await check("/health", unixTarget)).passed).toBe(true);
    expect((await check("/sick", unixTarget)).error).toMatch(/status 503/);
  });

  it("resolves the health path against the base URL as the deploy's check does", async () => {
    expect((await check("/health", { baseUrl: `${baseUrl}/api/` })).passed).toBe(true);
    expect((await check("health", { baseUrl: `${baseUrl}/api/` })).passed).toBe(false);
  });

  it("fails with the connection error when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, "127.0.0.1", listening));
    const address = closed.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await new Promise<void>((done) => closed.close(() => done()));
    const result = await check("/health", { baseUrl: `http://127.0.0.1:${port}` });
    expect(result.passed).toBe(false);
    expect(result.error).toMatch(/^health check GET \/health failed: .*ECONNREFUSED/);
  });

  it("fails when the release does not answer within the timeout", async () => {
    const result = await check("/hang", { baseUrl }, 30);
    expect(result.passed).toBe(false);
    expect(result.error).toBe("health check GET /hang failed: no answer within 30 ms");
  });

  it("refuses a cycle below 1 or a timeout that is not a positive whole number", async () => {
    await expect(
      healthProbe({
        target: { baseUrl },
        healthPath: "/health",
        release: "shop-r2",
        cycle: 0,
        now: () => at,
        clock: () => 0,
      }),
    ).rejects.toMatchObject({ code: "invalid-argument" });
    await expect(check("/health", { baseUrl }, 0)).rejects.toMatchObject({
      code: "invalid-argument",
    });
  });
});
