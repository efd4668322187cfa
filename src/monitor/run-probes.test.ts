import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProbeResult } from "../contracts/release.js";
import type { Scenario, Suite } from "../contracts/scenario.js";
import { NoSandbox } from "../runners/sandbox/no-sandbox.js";
import { maximumProbeErrorCharacters, runProbes, shortProbeError } from "./run-probes.js";

let server: Server;
let baseUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.url === "/api/items") return send(200, [{ id: 1, name: "bolt" }]);
    if (request.url === "/api/broken") return send(500, { error: "database is down" });
    if (request.url === "/api/huge") return send(200, { text: "x".repeat(5000) });
    return send(404, { error: "not found" });
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

function scenario(id: string, path: string, expect: Scenario["steps"][0]["expect"]): Scenario {
  return {
    id,
    category: "normal",
    title: `Title of ${id}`,
    tags: [],
    steps: [{ request: { method: "GET", path }, expect }],
  };
}

const listing = scenario("normal/list-items", "/items", [{ status: 200 }]);
const broken = scenario("normal/broken", "/broken", [{ status: 200 }]);
const huge = scenario("normal/huge", "/huge", [{ json: { text: "short" } }]);

const suite: Suite = {
  header: {
    name: "shop",
    version: "1",
    target: "http",
    defaults: { timeoutMs: 5000, repeat: 3, headers: {} },
  },
  scenarios: [listing, broken, huge],
  folder: "/suites/shop",
};

/** Advances one millisecond each time it is read. */
function steppingClock(): () => number {
  let time = 1_000;
  return () => ++time;
}

const at = new Date("2026-03-01T10:00:00.000Z");

function probe(scenarios: Scenario[], overrides: Partial<Parameters<typeof runProbes>[0]> = {}) {
  return runProbes({
    suite,
    scenarios,
    target: { baseUrl },
    release: "shop-r2",
    cycle: 4,
    sandbox: new NoSandbox(),
    now: () => at,
    clock: steppingClock(),
    ...overrides,
  });
}

describe("runProbes", () => {
  it("replays each scenario once against the target and reports it as a probe", async () => {
    requests.length = 0;
    const run = await probe([listing, broken]);
    expect(requests.sort()).toEqual(["GET /api/broken", "GET /api/items"]);
    expect(run.results).toHaveLength(2);
    for (const result of run.results) expect(ProbeResult.parse(result)).toEqual(result);
    expect(run.results[0]).toMatchObject({
      release: "shop-r2",
      cycle: 4,
      scenario: "normal/list-items",
      title: "Title of normal/list-items",
      passed: true,
      at: "2026-03-01T10:00:00.000Z",
    });
    expect(run.results[0]?.error).toBeUndefined();
    expect(run.results[1]).toMatchObject({ scenario: "normal/broken", passed: false });
    expect(run.results[1]?.error).toMatch(/step 1 \(GET \/broken\).*500/);
  });

  it("measures latency with the clock and the cycle's wall and CPU time", async () => {
    const run = await probe([listing]);
    const latency = run.results[0]?.latencyMs ?? 0;
    expect(latency).toBeGreaterThan(0);
    expect(run.wallSeconds * 1000).toBeGreaterThan(latency);
    expect(run.cpuSeconds).toBeGreaterThanOrEqual(0);
  });

  it("reports probes in the sample's order whatever order they end in", async () => {
    const scenarios = [huge, broken, listing, broken].map((each, index) => ({
      ...each,
      id: `${each.id}-${index}`,
    }));
    const run = await probe(scenarios, { concurrency: 4 });
    expect(run.results.map((result) => result.scenario)).toEqual(scenarios.map((each) => each.id));
  });

  it("keeps a failure's message short", async () => {
    const run = await probe([huge]);
    const error = run.results[0]?.error ?? "";
    expect(error).toMatch(/^step 1 \(GET \/huge\)/);
    expect(error.length).toBeLessThanOrEqual(maximumProbeErrorCharacters);
    expect(error.endsWith("…")).toBe(true);
  });

  it("fails the probes, not the cycle, when the target does not answer", async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, "127.0.0.1", listening));
    const address = closed.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await new Promise<void>((done) => closed.close(() => done()));
    const run = await probe([listing], { target: { baseUrl: `http://127.0.0.1:${port}` } });
    expect(run.results[0]).toMatchObject({ passed: false });
    expect(run.results[0]?.error).toMatch(/ECONNREFUSED/);
  });

  it("returns no probes and no cost for an empty sample", async () => {
    requests.length = 0;
    expect(await probe([])).toEqual({ results: [], wallSeconds: 0, cpuSeconds: 0 });
    expect(requests).toEqual([]);
  });

  it("refuses a suite that is not an http suite, and a cycle below 1", async () => {
    const cliSuite: Suite = { ...suite, header: { ...suite.header, target: "cli" } };
    await expect(probe([listing], { suite: cliSuite })).rejects.toMatchObject({
      code: "invalid-argument",
      message: expect.stringContaining("is a cli suite"),
    });
    await expect(probe([listing], { cycle: 0 })).rejects.toMatchObject({
      code: "invalid-argument",
    });
  });
});

describe("shortProbeError", () => {
  it("keeps short messages and cuts long ones with an ellipsis", () => {
    expect(shortProbeError("boom")).toBe("boom");
    const cut = shortProbeError("y".repeat(1000));
    expect(cut).toHaveLength(maximumProbeErrorCharacters);
    expect(cut.endsWith("…")).toBe(true);
  });
});
