import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ServiceAgent } from "../../../../test/line/support/line-fakes.js";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import type { Incident, Release } from "../../../contracts/release.js";
import { InProcessReleaseHost } from "../../../deploy/local/in-process-release-host.js";
import type {
  MonitorCycleReport,
  MonitorStatus,
  RollbackOutcome,
} from "../../../line/factory-line.js";
import { NoSandbox } from "../../../runners/sandbox/no-sandbox.js";
import {
  IncidentList,
  MonitorCycleReportSchema,
  MonitorStatusSchema,
  ReleaseList,
  RollbackOutcomeSchema,
} from "./production-schemas.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let harness: ConsoleHarness;
let host: InProcessReleaseHost;
let first: string;
let second: string;

/** Submits the small spec under the quick profile (approved at once) and works it down to live. */
async function deploy(): Promise<string> {
  const item = await harness.services.line().submit({
    specPath: join(harness.home, "todo-small.md"),
    profile: "quick",
  });
  await harness.work();
  return item.id;
}

beforeAll(async () => {
  host = new InProcessReleaseHost({
    sandbox: new NoSandbox(),
    now: () => performance.now(),
    sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
  });
  harness = await consoleHarness({
    agent: new ServiceAgent(),
    config: {
      deploy: { enabled: true, smokeScenarios: 0 },
      profiles: { quick: { extends: "admin", mode: "point" } },
      // Health checks only: the fake service answers every scenario with the same page.
      budget: { split: { inference: 0.3, testing: 0.4, ci: 0.3, monitoring: 0 } },
    },
    connectReleaseHost: async () => ({ host, fresh: false }),
  });
  first = await deploy();
});
afterAll(async () => {
  await harness?.remove();
  await host?.close();
});

async function json<Answer>(response: Response, status: number): Promise<Answer> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as Answer;
}

describe("GET /api/releases and /api/incidents", () => {
  it("lists the live release, of a service and in some states when asked", async () => {
    const { releases } = await json<{ releases: Release[] }>(
      await harness.request("GET", "/api/releases", { token: harness.tokens.reader }),
      200,
    );
    expect(releases).toEqual([
      expect.objectContaining({
        id: "todo-api-r1",
        service: "todo-api",
        state: "live",
        workItem: first,
        address: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      }),
    ]);
    const live = await json<{ releases: Release[] }>(
      await harness.request("GET", "/api/releases?service=todo-api&state=live,standby"),
      200,
    );
    expect(live.releases.map((release) => release.id)).toEqual(["todo-api-r1"]);
    const none = await json<{ releases: Release[] }>(
      await harness.request("GET", "/api/releases?state=failed,retired"),
      200,
    );
    expect(none.releases).toEqual([]);
    const other = await json<{ releases: Release[] }>(
      await harness.request("GET", "/api/releases?service=inventory-api"),
      200,
    );
    expect(other.releases).toEqual([]);
    // What the server answers is what the OpenAPI document (and the dashboard's types) say.
    ReleaseList.parse({ releases });
  });

  it("refuses a state a release cannot be in, naming the field", async () => {
    const response = await harness.request("GET", "/api/releases?state=live,gone");
    const { error } = await json<{ error: Record<string, string> }>(response, 400);
    expect(error).toMatchObject({ code: "invalid-request", field: "state" });
    expect(error.message).toContain('"gone"');
  });

  it("needs a token", async () => {
    expect((await harness.request("GET", "/api/releases", { token: null })).status).toBe(401);
    expect((await harness.request("GET", "/api/incidents", { token: null })).status).toBe(401);
    expect((await harness.request("GET", "/api/monitor", { token: null })).status).toBe(401);
  });
});

describe("the monitor", () => {
  it("shows a live release no cycle has reached, then runs a cycle for an operator", async () => {
    const before = await json<MonitorStatus>(
      await harness.request("GET", "/api/monitor", { token: harness.tokens.reader }),
      200,
    );
    expect(before.releases).toEqual([
      expect.objectContaining({
        release: expect.objectContaining({ id: "todo-api-r1" }),
        profile: "quick",
        state: "unprobed",
        lastProbes: [],
      }),
    ]);

    const refused = await harness.request("POST", "/api/monitor/cycles", {
      token: harness.tokens.reader,
    });
    expect(refused.status).toBe(403);

    const report = await json<MonitorCycleReport>(
      await harness.request("POST", "/api/monitor/cycles", { token: harness.tokens.operator }),
      201,
    );
    expect(report.checks).toHaveLength(1);
    expect(report.checks[0]).toMatchObject({
      release: { id: "todo-api-r1" },
      item: { id: first, state: "live" },
      results: [{ scenario: "health", passed: true }],
      watch: { decision: "watching" },
      refused: expect.stringMatching(/monitoring/),
    });
    MonitorCycleReportSchema.parse(report);
    MonitorStatusSchema.parse(before);

    const after = await json<MonitorStatus>(await harness.request("GET", "/api/monitor"), 200);
    expect(after.releases[0]).toMatchObject({
      state: "watching",
      window: { startedCycle: report.cycle, probes: 1, failures: 0 },
      lastCycle: { cycle: report.cycle, probes: 1, failures: 0 },
      lastProbes: [{ scenario: "health", passed: true }],
    });
    MonitorStatusSchema.parse(after);
  });
});

describe("POST /api/items/{id}/rollback", () => {
  it("refuses a reader, a request without a reason, and an unknown item", async () => {
    const reader = await harness.request("POST", `/api/items/${first}/rollback`, {
      token: harness.tokens.reader,
      json: { reason: "try" },
    });
    expect(reader.status).toBe(403);
    for (const body of [{}, { reason: "   " }, { reason: "ok", by: "someone-else" }]) {
      const response = await harness.request("POST", `/api/items/${first}/rollback`, {
        token: harness.tokens.operator,
        json: body,
      });
      const { error } = await json<{ error: Record<string, string> }>(response, 400);
      expect(error.code, JSON.stringify(body)).toBe("invalid-request");
      if (!("by" in body)) expect(error.field).toBe("reason");
    }
    const unknown = await harness.request("POST", "/api/items/no-such-item/rollback", {
      token: harness.tokens.operator,
      json: { reason: "try" },
    });
    const { error } = await json<{ error: Record<string, string> }>(unknown, 404);
    expect(error.code).toBe("not-found");
    const releases = await harness.services.line().releases({ states: ["live"] });
    expect(releases.map((release) => release.id)).toEqual(["todo-api-r1"]);
  });

  it("rolls a live item back for an operator, to the previous release, recorded under the token's name", async () => {
    second = await deploy();
    const outcome = await json<RollbackOutcome>(
      await harness.request("POST", `/api/items/${second.slice(0, -2)}/rollback`, {
        token: harness.tokens.operator,
        json: { reason: "orders are lost since the deploy" },
      }),
      200,
    );
    expect(outcome.release).toMatchObject({ id: "todo-api-r2", state: "rolled-back" });
    expect(outcome.to).toMatchObject({ id: "todo-api-r1", state: "live" });
    expect(outcome.incident).toMatchObject({
      release: "todo-api-r2",
      rolledBackTo: "todo-api-r1",
      workItem: second,
      by: "operator",
      summary: "operator rolled todo-api-r2 back: orders are lost since the deploy",
    });
    RollbackOutcomeSchema.parse(outcome);
    const history = await harness.services.line().history(second);
    expect(history.item.state).toBe("rolled-back");

    const { incidents } = await json<{ incidents: Incident[] }>(
      await harness.request("GET", "/api/incidents?service=todo-api", {
        token: harness.tokens.reader,
      }),
      200,
    );
    expect(incidents.map((incident) => [incident.id, incident.by])).toEqual([
      [outcome.incident.id, "operator"],
    ]);
    IncidentList.parse({ incidents });
  });

  it("refuses to roll back an item that is not live", async () => {
    const again = await harness.request("POST", `/api/items/${second}/rollback`, {
      token: harness.tokens.operator,
      json: { reason: "twice" },
    });
    const { error } = await json<{ error: Record<string, string> }>(again, 400);
    expect(error).toMatchObject({ code: "invalid-argument", field: "workItem" });
    expect(error.message).toContain("is rolled-back, not live");
  });
});
