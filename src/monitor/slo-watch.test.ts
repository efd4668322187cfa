import { describe, expect, it } from "vitest";
import type { ProbeResult } from "../contracts/release.js";
import type { SloTestPlan } from "../stats/slo-test.js";
import { type SloWindow, watchSlo } from "./slo-watch.js";

const plan: SloTestPlan = {
  errorRate: 0.02,
  p95LatencyMs: 1000,
  breachFactor: 5,
  alpha: 0.01,
  beta: 0.05,
};

function probe(
  cycle: number,
  passed: boolean,
  latencyMs: number,
  scenario = "normal/list",
): ProbeResult {
  return {
    release: "shop-r2",
    cycle,
    scenario,
    title: scenario,
    passed,
    latencyMs,
    ...(passed ? {} : { error: "step 1 (GET /items): expected status 200, got 500" }),
    at: "2026-03-01T10:00:00.000Z",
  };
}

function cycleOf(cycle: number, failures: number, slow: number, total = 10): ProbeResult[] {
  return Array.from({ length: total }, (_, index) =>
    probe(cycle, index >= failures, index < slow ? 1500 : 100 + index),
  );
}

describe("watchSlo", () => {
  it("keeps watching while the probes are too few to decide, adding each cycle to the window", () => {
    const first = watchSlo(undefined, cycleOf(1, 0, 0), plan, 1);
    expect(first.decision).toBe("watching");
    expect(first.window).toEqual({ startedCycle: 1, probes: 10, failures: 0, slow: 0 });
    const second = watchSlo(first.window, cycleOf(2, 1, 0), plan, 2);
    expect(second.decision).toBe("watching");
    expect(second.window).toEqual({ startedCycle: 1, probes: 20, failures: 1, slow: 0 });
    expect(second.evidence).toMatchObject({ probes: 20, failures: 1, slow: 0, errorRate: 0.05 });
    expect(second.reason).toMatch(/1 of 20 probes failed/);
  });

  it("calls a release that keeps its SLO healthy and starts a fresh window", () => {
    let window: SloWindow | undefined;
    let cycle = 0;
    let decision = "watching";
    while (decision === "watching" && cycle < 50) {
      cycle++;
      const watch = watchSlo(window, cycleOf(cycle, 0, 0), plan, cycle);
      decision = watch.decision;
      window = watch.window;
      if (decision === "healthy") {
        expect(watch.evidence.probes).toBe(cycle * 10);
        expect(watch.errors.decision).toBe("accept");
        expect(watch.latency.decision).toBe("accept");
      }
    }
    expect(decision).toBe("healthy");
    expect(cycle).toBeGreaterThan(1);
    expect(window).toEqual({ startedCycle: cycle, probes: 0, failures: 0, slow: 0 });
  });

  it("reports a breach of the error rate with the window's evidence", () => {
    const watch = watchSlo(
      { startedCycle: 2, probes: 10, failures: 0, slow: 0 },
      cycleOf(3, 5, 0),
      plan,
      3,
    );
    expect(watch.decision).toBe("breach");
    expect(watch.errors.decision).toBe("reject");
    expect(watch.window).toEqual({ startedCycle: 2, probes: 20, failures: 5, slow: 0 });
    expect(watch.evidence.errorRate).toBe(0.25);
    expect(watch.reason).toMatch(/failure rate is above/);
  });

  it("counts probes slower than the SLO's p95 as slow, passed or not, and breaches on them", () => {
    const results = [...cycleOf(1, 0, 6), probe(1, false, 2000)];
    const watch = watchSlo(undefined, results, plan, 1);
    expect(watch.window).toMatchObject({ probes: 11, failures: 1, slow: 7 });
    expect(watch.decision).toBe("breach");
    expect(watch.latency.decision).toBe("reject");
    expect(watch.reason).toMatch(/p95 latency is above/);
  });

  it("counts the health probe like any other", () => {
    const results = [probe(1, false, 5, "health"), ...cycleOf(1, 0, 0, 3)];
    const watch = watchSlo(undefined, results, plan, 1);
    expect(watch.window).toMatchObject({ probes: 4, failures: 1 });
  });

  it("reports the observed p95 latency of the cycle's probes", () => {
    const results = Array.from({ length: 21 }, (_, index) => probe(1, true, index * 10));
    // 21 values 0..200: the 0.95 quantile is at rank 19, i.e. 190 ms.
    expect(watchSlo(undefined, results, plan, 1).evidence.p95LatencyMs).toBe(190);
  });

  it("decides on an empty cycle without inventing figures", () => {
    const watch = watchSlo(undefined, [], plan, 5);
    expect(watch.decision).toBe("watching");
    expect(watch.window).toEqual({ startedCycle: 5, probes: 0, failures: 0, slow: 0 });
    expect(watch.evidence).toEqual({
      probes: 0,
      failures: 0,
      slow: 0,
      errorRate: null,
      p95LatencyMs: null,
    });
  });

  it("refuses a window from a later cycle or with impossible counts", () => {
    const later = { startedCycle: 4, probes: 0, failures: 0, slow: 0 };
    expect(() => watchSlo(later, [], plan, 3)).toThrow(/startedCycle must be at most 3/);
    const impossible = { startedCycle: 1, probes: 2, failures: 3, slow: 0 };
    expect(() => watchSlo(impossible, [], plan, 3)).toThrow(/window.failures/);
    expect(() => watchSlo(undefined, [], plan, 0)).toThrow(/cycle must be at least 1/);
  });
});
