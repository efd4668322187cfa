import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DeployFixture, deployFixture } from "../../../test/line/support/deploy-fixture.js";
import { ServiceAgent } from "../../../test/line/support/line-fakes.js";
import { resolveProfile } from "../../gate/resolve-profile.js";

vi.setConfig({ testTimeout: 60_000 });

let setup: DeployFixture;

beforeEach(async () => {
  setup = await deployFixture(new ServiceAgent(), {
    // Health checks only (the fake service fails the todo scenarios), and a test that decides on few
    // probes, so that a handful of cycles reaches a verdict.
    budget: { split: { inference: 0.3, testing: 0.4, ci: 0.3, monitoring: 0 } },
    monitor: { intervalSeconds: 30, probesPerCycle: 4, alpha: 0.2, beta: 0.2, breachFactor: 10 },
  });
});
afterEach(() => setup.close());

describe("the monitor's status", () => {
  it("lists a live release no cycle has reached as unprobed, with the SLO it is held to", async () => {
    const item = await setup.deployItem();
    const status = await setup.fixture.session.monitorStatus();
    expect(status).toMatchObject({ intervalSeconds: 30, probesPerCycle: 4 });
    const [release] = status.releases;
    const slo = resolveProfile("quick", setup.fixture.services.config).slo;
    expect(release).toMatchObject({
      release: { id: "todo-api-r1", state: "live", workItem: item },
      profile: "quick",
      slo: { errorRate: slo.errorRate, p95LatencyMs: slo.p95LatencyMs, alpha: 0.2, beta: 0.2 },
      state: "unprobed",
      lastProbes: [],
    });
    expect(release?.lastCycle).toBeUndefined();
    expect(release?.window).toBeUndefined();
  });

  it("shows the window, the test's verdict and the last cycle's probes as cycles run", async () => {
    await setup.deployItem();
    const first = await setup.fixture.session.monitorCycle();
    const [watching] = (await setup.fixture.session.monitorStatus()).releases;
    expect(watching).toMatchObject({
      state: "watching",
      window: { startedCycle: first.cycle, probes: 1, failures: 0, slow: 0 },
      lastCycle: { cycle: first.cycle, probes: 1, failures: 0 },
      lastProbes: [{ release: "todo-api-r1", scenario: "health", passed: true }],
    });
    expect(watching?.reason).toBe(first.checks[0]?.watch.reason);
    expect(watching?.reason).toMatch(/not enough probes yet/);

    let cycles = 1;
    let decision = first.checks[0]?.watch.decision;
    while (decision === "watching" && cycles < 60) {
      decision = (await setup.fixture.session.monitorCycle()).checks[0]?.watch.decision;
      cycles += 1;
    }
    expect(decision).toBe("healthy");
    const [healthy] = (await setup.fixture.session.monitorStatus()).releases;
    expect(healthy).toMatchObject({
      state: "healthy",
      window: { probes: 0 },
      lastCycle: { probes: 1, failures: 0 },
    });
    expect(healthy?.lastCycle?.cycle).toBe(first.cycle + cycles - 1);
    expect(healthy?.reason).toMatch(/kept the SLO/);
  });

  it("lists only the live releases, newest first", async () => {
    await setup.deployItem();
    await setup.fixture.session.monitorCycle();
    await setup.deployItem();
    const status = await setup.fixture.session.monitorStatus();
    expect(status.releases.map((entry) => [entry.release.id, entry.state])).toEqual([
      ["todo-api-r2", "unprobed"],
    ]);
  });
});
