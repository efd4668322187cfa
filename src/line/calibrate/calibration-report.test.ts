import { describe, expect, it } from "vitest";
import type { GateDecision } from "../../contracts/gate-verdict.js";
import {
  type CalibrationSubject,
  type MutantOutcome,
  summarizeCalibration,
} from "./calibration-report.js";

const subject: CalibrationSubject = {
  workItem: "todo-api-3f9c2a",
  build: "todo-api-3f9c2a.1.1",
  commit: "a".repeat(40),
  suite: "todo-api@3",
  profile: "admin",
  seed: 1,
  mutants: 10,
};
const times = { startedAt: "2026-01-01T00:00:00.000Z", endedAt: "2026-01-01T00:01:00.000Z" };

function injected(mutant: number, kind: string, decision: GateDecision): MutantOutcome {
  return {
    mutant,
    seed: mutant + 1,
    branch: `shopfloor/todo-api-3f9c2a/todo-api-3f9c2a.1.1.mutant-${mutant + 1}`,
    injected: true,
    fault: { kind, file: "src/server.ts", line: 10 + mutant, description: `fault ${mutant}` },
    decision,
    caught: decision !== "approve",
    reason: decision,
    trials: 180,
    failedTrials: decision === "approve" ? 0 : 3,
    cpuSeconds: 2,
    costMicroUsd: 30,
  };
}

describe("summarizeCalibration", () => {
  // 8 of 10 caught: scipy's Clopper–Pearson interval at 95% (test/fixtures/binomial-oracle.json).
  const outcomes: MutantOutcome[] = [
    injected(1, "drop-validation", "regenerate"),
    injected(2, "drop-validation", "more-trials"),
    injected(3, "flip-comparison", "approve"),
    injected(4, "flip-comparison", "regenerate"),
    injected(5, "break-error-path", "regenerate"),
    injected(6, "break-error-path", "regenerate"),
    injected(7, "off-by-one", "approve"),
    injected(8, "off-by-one", "more-trials"),
    injected(9, "off-by-one", "regenerate"),
    injected(10, "drop-validation", "regenerate"),
    {
      mutant: 11,
      seed: 12,
      branch: "shopfloor/x/y",
      injected: false,
      reason: "No fault injected: no site.",
    },
  ];
  const report = summarizeCalibration({ ...subject, mutants: 11 }, outcomes, times);

  it("counts the caught share of the injected faults with its exact interval", () => {
    expect(report).toMatchObject({ mutants: 11, injected: 10, caught: 8, share: 0.8 });
    expect(report.interval.method).toBe("clopper-pearson");
    expect(report.interval.confidence).toBe(0.95);
    expect(report.interval.lower).toBeCloseTo(0.4439045376923585, 12);
    expect(report.interval.upper).toBeCloseTo(0.9747892736731666, 12);
  });

  it("breaks the figures down by kind and lists the misses with their fault", () => {
    expect(report.kinds).toEqual([
      { kind: "drop-validation", injected: 3, caught: 3, rejected: 2 },
      { kind: "flip-comparison", injected: 2, caught: 1, rejected: 1 },
      { kind: "break-error-path", injected: 2, caught: 2, rejected: 2 },
      { kind: "off-by-one", injected: 3, caught: 2, rejected: 1 },
    ]);
    expect(report.misses.map((miss) => [miss.mutant, miss.description])).toEqual([
      [3, "flip-comparison at src/server.ts:13: fault 3"],
      [7, "off-by-one at src/server.ts:17: fault 7"],
    ]);
  });

  it("lists the mutants without a fault apart and leaves them out of the figures and costs", () => {
    expect(report.notInjected).toEqual([
      { mutant: 11, seed: 12, reason: "No fault injected: no site." },
    ]);
    expect(report.outcomes).toHaveLength(11);
    expect(report.trials).toBe(1800);
    expect(report.cpuSeconds).toBe(20);
    expect(report.costMicroUsd).toBe(300);
  });

  it("says nothing about the gate when no fault could be injected", () => {
    const empty = summarizeCalibration(subject, outcomes.slice(10), times);
    expect(empty).toMatchObject({ injected: 0, caught: 0, share: null, misses: [] });
    expect(empty.interval).toMatchObject({ lower: 0, upper: 1 });
  });

  it("gives an interval that holds the share, with a lower bound of 1 - 2.5%^(1/n) at none missed", () => {
    const allCaught = outcomes
      .slice(0, 10)
      .map((outcome) =>
        outcome.injected ? { ...outcome, decision: "regenerate" as const, caught: true } : outcome,
      );
    const full = summarizeCalibration(subject, allCaught, times);
    expect(full.share).toBe(1);
    expect(full.interval.upper).toBe(1);
    expect(full.interval.lower).toBeCloseTo(0.025 ** (1 / 10), 12);
  });
});
