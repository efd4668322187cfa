/**
 * Test data for the line's release commands and the monitor's renderers: the releases and incidents
 * of two services after deploys and a rollback, as the facade (src/line/factory-line.ts) returns
 * them, and monitor cycles of probes, SLO checks and a breach. Used by the tests only; built on the
 * sample work item of line-fixtures.ts.
 */
import type {
  Incident,
  ProbeResult,
  Release,
  ReleaseState,
  WorkItem,
} from "../../../src/contracts/index.js";
import type { MonitorCycleReport, ReleaseCheck } from "../../../src/line/factory-line.js";
import type { SloVerdict } from "../../../src/stats/slo-test.js";
import { sampleItemId, sampleWorkItem } from "./line-fixtures.js";

/** `http://127.0.0.1:4100` for inventory-api, `…:4101` for todo-api: one stable address per service. */
export const sampleAddresses: Record<string, string> = {
  "inventory-api": "http://127.0.0.1:4100",
  "todo-api": "http://127.0.0.1:4101",
};

const sloTest = "(SPRT, α 1%, β 5%)";
const slo = `the SLO of 1% errors and 300 ms p95 ${sloTest}`;
/** The SLO test's reason for todo-api-r2's breach, as src/stats/slo-test.ts words it. */
export const sampleBreachReason = `4 of 13 probes failed: the failure rate is above the SLO's 1% ${sloTest}`;

export function sampleRelease(
  service: string,
  number: number,
  state: ReleaseState,
  changes: Partial<Release> = {},
): Release {
  const workItem = changes.workItem ?? `${service}-${String(number).repeat(6).slice(0, 6)}`;
  const ended = ["retired", "failed", "rolled-back"].includes(state);
  return {
    id: `${service}-r${number}`,
    service,
    number,
    workItem,
    build: `${workItem}.1.1`,
    commit: `${number}f3c2e1aa7b0c4d1e2f3a4b5c6d7e8f9a0b1c2d3`,
    target: "local",
    state,
    address: sampleAddresses[service],
    createdAt: "2026-11-24T13:00:00.000Z",
    updatedAt: ended ? "2026-11-24T14:40:00.000Z" : "2026-11-24T14:00:00.000Z",
    ...(state === "failed" ? {} : { liveAt: "2026-11-24T14:00:00.000Z" }),
    ...(ended ? { endedAt: "2026-11-24T14:40:00.000Z" } : {}),
    ...changes,
  };
}

/**
 * Newest first, as the facade lists them. inventory-api: r1 retired when r4 went live, r2 standby, r3
 * failed its health check. todo-api: r2 (the sample item's) rolled back by the monitor to r1.
 */
export function sampleReleases(): Release[] {
  return [
    sampleRelease("inventory-api", 4, "live", { liveAt: "2026-11-24T14:55:00.000Z" }),
    sampleRelease("todo-api", 2, "rolled-back", {
      workItem: sampleItemId,
      build: `${sampleItemId}.2.1`,
      reason: sampleBreachReason,
    }),
    sampleRelease("inventory-api", 3, "failed", {
      reason: "the health path did not answer 2xx within 30 s",
    }),
    sampleRelease("inventory-api", 2, "standby"),
    sampleRelease("todo-api", 1, "live", { liveAt: "2026-11-24T14:40:00.000Z" }),
    sampleRelease("inventory-api", 1, "retired"),
  ];
}

export const sampleFixItemId = "todo-api-5b6c7d";

export function sampleIncident(changes: Partial<Incident> = {}): Incident {
  return {
    id: "7c1e9a02",
    service: "todo-api",
    release: "todo-api-r2",
    rolledBackTo: "todo-api-r1",
    workItem: sampleItemId,
    fixItem: sampleFixItemId,
    by: "monitor",
    summary: `todo-api-r2 breached the admin profile's SLO in production: ${sampleBreachReason}`,
    evidence: { slo: { probes: 13, failures: 4, slow: 0 } },
    openedAt: "2026-11-24T14:40:00.000Z",
    ...changes,
  };
}

/** The fix work item a breach opens: the regressed item's spec, waiting at intake. */
export function sampleFixItem(changes: Partial<WorkItem> = {}): WorkItem {
  return sampleWorkItem({
    id: sampleFixItemId,
    lineUp: { pattern: "single", agent: { agent: "scaffold" } },
    state: "intake",
    attempt: 1,
    suite: undefined,
    approvedBuild: undefined,
    parent: sampleItemId,
    fixes: "7c1e9a02",
    ...changes,
  });
}

/** A health check and `passed` + `failed` scenario probes, the failing ones last. */
export function sampleProbes(
  release: string,
  cycle: number,
  outcome: { passed: number; failed: number; latencyMs?: number; healthy?: boolean },
): ProbeResult[] {
  const at = "2026-11-24T15:00:00.000Z";
  const latencyMs = outcome.latencyMs ?? 40;
  const healthy = outcome.healthy ?? true;
  const health: ProbeResult = {
    release,
    cycle,
    scenario: "health",
    title: "health check",
    passed: healthy,
    latencyMs: 3,
    ...(healthy ? {} : { error: "connect ECONNREFUSED 127.0.0.1:4101" }),
    at,
  };
  const probes = Array.from({ length: outcome.passed + outcome.failed }, (_, index) => {
    const passed = index < outcome.passed;
    const probe: ProbeResult = {
      release,
      cycle,
      scenario: `edge-${String(index + 1).padStart(3, "0")}`,
      title: `scenario ${index + 1}`,
      passed,
      latencyMs: latencyMs + index,
      at,
    };
    return passed ? probe : { ...probe, error: "expected status 400, got 500" };
  });
  return [health, ...probes];
}

/** A check of one live release with the SLO test's decision on this cycle's probes. */
export function sampleCheck(
  release: Release,
  results: ProbeResult[],
  decision: SloVerdict,
  reason: string,
): ReleaseCheck {
  const failures = results.filter((result) => !result.passed).length;
  const latencies = results.map((result) => result.latencyMs).sort((left, right) => left - right);
  const window = { startedCycle: 1, probes: results.length, failures, slow: 0 };
  const test = (verdict: "accept" | "reject" | "continue") => ({
    decision: verdict,
    logLikelihoodRatio: verdict === "reject" ? 5.1 : -0.4,
  });
  return {
    release,
    item: sampleWorkItem({ id: release.workItem, name: release.service, state: "live" }),
    results,
    watch: {
      window: decision === "healthy" ? { ...window, probes: 0, failures: 0 } : window,
      decision,
      reason,
      evidence: {
        ...window,
        errorRate: failures / results.length,
        p95LatencyMs: latencies[Math.ceil(latencies.length * 0.95) - 1] ?? null,
      },
      errors: test(
        decision === "breach" ? "reject" : decision === "healthy" ? "accept" : "continue",
      ),
      latency: test(decision === "healthy" ? "accept" : "continue"),
    },
  };
}

export function sampleCycle(cycle: number, checks: ReleaseCheck[]): MonitorCycleReport {
  return { cycle, at: "2026-11-24T15:00:00.000Z", checks };
}

/** inventory-api-r4 keeps its SLO; todo-api-r2 breaches it, is rolled back to r1 and gets a fix item. */
export function sampleBreachCycle(cycle = 12): MonitorCycleReport {
  const releases = sampleReleases();
  const live = releases[0] as Release;
  const regressed = { ...(releases[1] as Release), state: "live" as const, reason: undefined };
  const breach = sampleCheck(
    regressed,
    sampleProbes(regressed.id, cycle, { passed: 8, failed: 4 }),
    "breach",
    sampleBreachReason,
  );
  return sampleCycle(cycle, [
    sampleCheck(
      live,
      sampleProbes(live.id, cycle, { passed: 10, failed: 0 }),
      "healthy",
      `0 of 11 probes failed and 0 were slower than 300 ms: the release keeps ${slo}`,
    ),
    {
      ...breach,
      breach: {
        incident: sampleIncident({ fixItem: undefined }),
        rolledBackTo: releases[4] as Release,
        fixItem: sampleFixItem(),
      },
    },
  ]);
}

/** One live release that needs more probes: 9 of 10 passed. */
export function sampleWatchingCycle(cycle = 11): MonitorCycleReport {
  const live = sampleReleases()[0] as Release;
  const results = sampleProbes(live.id, cycle, { passed: 9, failed: 1, latencyMs: 100 });
  return sampleCycle(cycle, [
    sampleCheck(
      live,
      results,
      "watching",
      `1 of 11 probes failed and 0 were slower than 300 ms: not enough probes yet to decide the failure rate against ${slo}`,
    ),
  ]);
}
