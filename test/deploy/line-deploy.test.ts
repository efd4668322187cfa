/**
 * The line past the gate, with real processes: an approved todo-api build goes live behind a stable
 * address (the local target on an in-process release host), the monitor probes it, a later build with a
 * fault that only shows in production goes live too, the monitor catches the regression, rolls back to
 * the release kept warm, records the incident and opens a fix item, and the fix goes down the line and
 * live. Then a person rolls the fix back by hand.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { InProcessReleaseHost } from "../../src/deploy/local/in-process-release-host.js";
import type { MonitorCycleReport } from "../../src/line/factory-line.js";
import { NoSandbox } from "../../src/runners/sandbox/no-sandbox.js";
import {
  type LineHome,
  openLineHome,
  scaffoldLineUp,
  todoSpec,
} from "../line/support/line-home.js";
import { realClock } from "./support/release-host-fixture.js";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let setup: LineHome;
let host: InProcessReleaseHost;

beforeAll(async () => {
  host = new InProcessReleaseHost({ sandbox: new NoSandbox(), ...realClock });
  setup = await openLineHome(
    { deploy: { enabled: true }, monitor: { probesPerCycle: 10 } },
    { connectReleaseHost: async () => ({ host, fresh: false }) },
  );
});
afterAll(async () => {
  await setup.remove();
  await host.close();
});

async function answers(address: string, path: string): Promise<number> {
  const response = await fetch(new URL(path, address));
  await response.arrayBuffer();
  return response.status;
}

/** Monitor cycles, a quarter second apart (real processes, real time), until one breaches. */
async function cycleUntilBreach(limit: number): Promise<MonitorCycleReport[]> {
  const cycles: MonitorCycleReport[] = [];
  for (let cycle = 0; cycle < limit; cycle++) {
    const report = await setup.line.monitorCycle();
    cycles.push(report);
    if (report.checks.some((check) => check.breach !== undefined)) return cycles;
    await realClock.sleep(250);
  }
  return cycles;
}

describe("deploy, monitor, roll back, fix", () => {
  let first: string;
  let address: string;

  it("deploys an approved build behind a stable address", async () => {
    const item = await setup.line.submit({ specPath: todoSpec, lineUp: scaffoldLineUp() });
    first = item.id;
    const summary = await setup.line.run();
    expect(summary.items.map((each) => each.state)).toEqual(["live"]);

    const [release] = await setup.line.releases();
    expect(release).toMatchObject({
      id: "todo-api-r1",
      service: "todo-api",
      state: "live",
      workItem: item.id,
      target: "local",
    });
    address = release?.address ?? "";
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await answers(address, "/health")).toBe(200);

    const history = await setup.line.history(item.id);
    const types = history.events.map((event) => event.type);
    expect(types).toContain("release.start");
    expect(history.events.find((event) => event.type === "release.end")?.payload).toMatchObject({
      release: "todo-api-r1",
      state: "live",
      address,
    });
    expect(history.costs.byCategory.ci).toBeGreaterThan(0);
  });

  it("probes the live release and stays quiet while it meets its SLO", async () => {
    const report = await setup.line.monitorCycle();
    expect(report.checks).toHaveLength(1);
    const [check] = report.checks;
    expect(check?.release.id).toBe("todo-api-r1");
    expect(check?.results).toHaveLength(11);
    expect(check?.results.every((result) => result.passed)).toBe(true);
    expect(check?.watch.decision).not.toBe("breach");
    const history = await setup.line.history(first);
    expect(history.costs.byCategory.monitoring).toBeGreaterThan(0);
  });

  it("catches a regression in production, rolls back to the warm release, and fixes it", async () => {
    const faulty = await setup.line.submit({
      specPath: todoSpec,
      lineUp: scaffoldLineUp({
        probability: 1,
        seed: 1,
        attempts: [1],
        kinds: ["production-regression"],
      }),
    });
    const deployed = await setup.line.run();
    expect(deployed.items.map((each) => [each.id, each.state])).toEqual([[faulty.id, "live"]]);
    expect((await setup.line.releases({ service: "todo-api" })).map((r) => r.state)).toEqual([
      "live",
      "standby",
    ]);

    const cycles = await cycleUntilBreach(40);
    const breach = cycles.at(-1)?.checks.find((check) => check.breach)?.breach;
    expect(breach, "the monitor never saw the regression").toBeDefined();
    expect(breach?.rolledBackTo?.id).toBe("todo-api-r1");
    expect(breach?.incident).toMatchObject({
      service: "todo-api",
      release: "todo-api-r2",
      rolledBackTo: "todo-api-r1",
      workItem: faulty.id,
      by: "monitor",
    });
    const releases = await setup.line.releases({ service: "todo-api" });
    expect(releases.map((release) => [release.id, release.state])).toEqual([
      ["todo-api-r2", "rolled-back"],
      ["todo-api-r1", "live"],
    ]);
    expect(await answers(address, "/health")).toBe(200);
    expect((await setup.line.history(faulty.id)).item.state).toBe("rolled-back");

    const fix = breach?.fixItem;
    expect(fix).toMatchObject({ parent: faulty.id, fixes: breach?.incident.id, state: "intake" });
    const fixed = await setup.line.run();
    expect(fixed.items.map((each) => [each.id, each.state])).toEqual([[fix?.id, "live"]]);
    const fixHistory = await setup.line.history(fix?.id ?? "");
    expect(fixHistory.builds[0]?.feedback?.reason).toMatch(/in production/i);
    expect(fixHistory.builds[0]?.run?.injectedFaults ?? []).toEqual([]);
    expect((await setup.line.releases({ states: ["live"] })).map((r) => r.id)).toEqual([
      "todo-api-r3",
    ]);

    const quiet = await setup.line.monitorCycle();
    expect(quiet.checks.map((check) => check.watch.decision)).not.toContain("breach");
  });

  it("rolls a live item back when a person asks, and records who and why", async () => {
    const [live] = await setup.line.releases({ states: ["live"] });
    const outcome = await setup.line.rollback({
      workItem: live?.workItem ?? "",
      by: "ada",
      reason: "customers report slow pages",
    });
    expect(outcome.release).toMatchObject({ id: "todo-api-r3", state: "rolled-back" });
    expect(outcome.to?.id).toBe("todo-api-r1");
    expect(outcome.incident).toMatchObject({ by: "ada", release: "todo-api-r3" });
    expect(await answers(address, "/health")).toBe(200);
    await expect(
      setup.line.rollback({ workItem: live?.workItem ?? "", by: "ada", reason: "again" }),
    ).rejects.toThrow(/not live/);
  });
});
