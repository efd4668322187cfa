import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProbeResult } from "../contracts/release.js";
import type { Scenario, Suite } from "../contracts/scenario.js";
import { NoSandbox } from "../runners/sandbox/no-sandbox.js";
import * as monitor from "./index.js";

let server: Server;
let baseUrl: string;
let broken = false;

beforeAll(async () => {
  server = createServer((request, response) => {
    const healthy = request.url === "/health" || !broken;
    response.writeHead(healthy ? 200 : 500, { "content-type": "application/json" });
    response.end(JSON.stringify(healthy ? { ok: true } : { error: "out of connections" }));
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const scenarios: Scenario[] = Array.from({ length: 12 }, (_, index) => ({
  id: `normal/item-${index}`,
  category: "normal",
  title: `Reads item ${index}`,
  tags: [],
  steps: [{ request: { method: "GET", path: `/items/${index}` }, expect: [{ status: 200 }] }],
}));
const suite: Suite = {
  header: {
    name: "shop",
    version: "1",
    target: "http",
    defaults: { timeoutMs: 5000, repeat: 1, headers: {} },
  },
  scenarios,
  folder: "/suites/shop",
};
const plan = { errorRate: 0.02, p95LatencyMs: 1000, breachFactor: 5, alpha: 0.01, beta: 0.05 };

describe("the monitor's public API", () => {
  it("exports the building blocks of a monitor cycle", () => {
    for (const name of [
      "sampleScenarios",
      "runProbes",
      "healthProbe",
      "watchSlo",
      "feedbackFromProbes",
      "probeCharges",
    ]) {
      expect(monitor, name).toHaveProperty(name);
    }
  });

  it("watches a release through cycles and turns a breach into feedback and charges", async () => {
    let time = 0;
    const clock = () => ++time;
    const now = () => new Date("2026-03-01T10:00:00.000Z");
    const target = { baseUrl };
    let window: monitor.SloWindow | undefined;
    let watch: monitor.SloWatch | undefined;
    let breachResults: ProbeResult[] = [];
    for (let cycle = 1; cycle <= 6; cycle++) {
      broken = cycle >= 3;
      const sample = monitor.sampleScenarios(suite, 5, cycle);
      const health = await monitor.healthProbe({
        target,
        healthPath: "/health",
        release: "shop-r2",
        cycle,
        now,
        clock,
      });
      const run = await monitor.runProbes({
        suite,
        scenarios: sample,
        target,
        release: "shop-r2",
        cycle,
        sandbox: new NoSandbox(),
        now,
        clock,
      });
      const results = [health, ...run.results];
      breachResults = [...breachResults, ...results];
      watch = monitor.watchSlo(window, results, plan, cycle);
      window = watch.window;
      if (watch.decision === "breach") {
        const charges = monitor.probeCharges({
          cpuSeconds: run.cpuSeconds,
          wallSeconds: run.wallSeconds,
          labels: { workItem: "wi-12", release: "shop-r2", cycle },
        });
        expect(charges[0]).toMatchObject({
          category: "monitoring",
          run: `shop-r2.probes.${cycle}`,
        });
        break;
      }
    }
    expect(watch?.decision).toBe("breach");
    expect(breachResults.at(-1)?.cycle).toBe(3);
    expect(window?.startedCycle).toBe(1);
    const feedback = monitor.feedbackFromProbes({
      release: "shop-r2",
      results: breachResults.filter((result) => result.cycle >= 3),
      reason: watch?.reason ?? "",
    });
    expect(feedback.reason).toMatch(/^In production, release shop-r2 failed 5 of 6 probes: /);
    expect(feedback.errorClusters).toEqual([
      expect.objectContaining({
        signature: 'step <num> (GET /items/<num>): expected status 200, got 500; body: "<str>"',
        count: 5,
      }),
    ]);
  });
});
