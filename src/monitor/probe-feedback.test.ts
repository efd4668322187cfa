import { describe, expect, it } from "vitest";
import { FeedbackReport } from "../contracts/agent-run.js";
import type { ProbeResult } from "../contracts/release.js";
import { feedbackFromProbes } from "./probe-feedback.js";

function probe(scenario: string, error?: string): ProbeResult {
  return {
    release: "shop-r2",
    cycle: 3,
    scenario,
    title: `Title of ${scenario}`,
    passed: error === undefined,
    latencyMs: 12,
    ...(error === undefined ? {} : { error }),
    at: "2026-03-01T10:00:00.000Z",
  };
}

const reason = "5 of 20 probes failed: the failure rate is above the SLO's 2%";

describe("feedbackFromProbes", () => {
  it("asks for a new build, saying what production showed", () => {
    const results = [
      probe("normal/get-item-1", "step 1 (GET /items/17): expected status 200, got 500"),
      probe("normal/get-item-2", "step 1 (GET /items/42): expected status 200, got 500"),
      probe("health", "health check GET /health answered status 503"),
      probe("normal/list"),
      probe("normal/create"),
    ];
    const report = feedbackFromProbes({ release: "shop-r2", results, reason });
    expect(FeedbackReport.parse(report)).toEqual(report);
    expect(report.decision).toBe("regenerate");
    expect(report.reason).toBe(`In production, release shop-r2 failed 3 of 5 probes: ${reason}`);
    expect(report.categories).toEqual([
      { category: "normal", passed: 2, failed: 3, passRate: 0.4, threshold: null },
    ]);
  });

  it("groups failures by error signature, largest first, with one real message each", () => {
    const results = [
      probe("normal/health-1", "health check GET /health answered status 503"),
      probe("normal/get-item-1", "step 1 (GET /items/17): expected status 200, got 500"),
      probe("normal/get-item-2", "step 1 (GET /items/42): expected status 200, got 500"),
    ];
    const report = feedbackFromProbes({ release: "shop-r2", results, reason });
    expect(report.errorClusters).toEqual([
      {
        signature: "step <num> (GET /items/<num>): expected status 200, got 500",
        count: 2,
        example: "step 1 (GET /items/17): expected status 200, got 500",
      },
      {
        signature: "health check GET /health answered status 503",
        count: 1,
        example: "health check GET /health answered status 503",
      },
    ]);
    expect(report.examples).toEqual([
      {
        title: "Title of normal/get-item-1",
        error: "step 1 (GET /items/17): expected status 200, got 500",
      },
      {
        title: "Title of normal/health-1",
        error: "health check GET /health answered status 503",
      },
    ]);
  });

  it("shows at most five failing probes in full", () => {
    const results = Array.from({ length: 8 }, (_, index) =>
      probe(`normal/s${index}`, `assertion ${"abcdefgh"[index]} failed`),
    );
    const report = feedbackFromProbes({ release: "shop-r2", results, reason });
    expect(report.errorClusters).toHaveLength(8);
    expect(report.examples).toHaveLength(5);
  });

  it("names a failing probe by its title, or its scenario id without one, and carries no steps", () => {
    const untitled = { ...probe("normal/secret-path", "boom"), title: "" };
    const report = feedbackFromProbes({ release: "shop-r2", results: [untitled], reason });
    expect(report.examples).toEqual([{ title: "normal/secret-path", error: "boom" }]);
    expect(JSON.stringify(report)).not.toMatch(/steps|request/);
  });

  it("reports a latency-only breach with no failures and no pass rate for no probes", () => {
    const slow = feedbackFromProbes({
      release: "shop-r2",
      results: [probe("normal/list")],
      reason: "the p95 latency is above the SLO's 1000 ms",
    });
    expect(slow.reason).toMatch(/failed 0 of 1 probe: the p95 latency/);
    expect(slow.errorClusters).toEqual([]);
    expect(slow.examples).toEqual([]);
    const none = feedbackFromProbes({ release: "shop-r2", results: [], reason });
    expect(none.categories[0]?.passRate).toBeNull();
  });
});
