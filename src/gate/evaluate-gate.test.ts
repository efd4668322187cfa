import { describe, expect, it } from "vitest";
import { categoryResults, suiteResults } from "../../test/support/trial-results.js";
import { defaultConfig, type QualityProfile, type TrialResult } from "../contracts/index.js";
import { evaluateGate } from "./evaluate-gate.js";
import { resolveProfile } from "./resolve-profile.js";

const admin = resolveProfile("admin", defaultConfig);
const payments = resolveProfile("payments", defaultConfig);

function category(verdict: ReturnType<typeof evaluateGate>, name: string) {
  const report = verdict.categories.find((candidate) => candidate.category === name);
  if (!report) throw new Error(`no report for ${name}`);
  return report;
}

describe("evaluateGate", () => {
  it("approves a flawless build of the default suite under the default profile", () => {
    const verdict = evaluateGate(
      suiteResults({ normal: [100, 0], edge: [50, 0], malicious: [30, 0] }),
      admin,
    );
    expect(verdict.decision).toBe("approve");
    expect(verdict.categories.map((report) => report.status)).toEqual(["pass", "pass", "pass"]);
    expect(verdict.additionalScenariosNeeded).toBeNull();
  });

  it("does not approve the article's 171 of 180 under admin, wherever the 9 failures fall", () => {
    for (let normalFailures = 0; normalFailures <= 9; normalFailures += 1) {
      for (let edgeFailures = 0; edgeFailures <= 9 - normalFailures; edgeFailures += 1) {
        const maliciousFailures = 9 - normalFailures - edgeFailures;
        if (maliciousFailures > 30) continue;
        const verdict = evaluateGate(
          suiteResults({
            normal: [100 - normalFailures, normalFailures],
            edge: [50 - edgeFailures, edgeFailures],
            malicious: [30 - maliciousFailures, maliciousFailures],
          }),
          admin,
        );
        expect(verdict.decision, `${normalFailures}/${edgeFailures}/${maliciousFailures}`).not.toBe(
          "approve",
        );
      }
    }
  });

  it("asks for more trials when the bounds straddle the threshold, and says how many", () => {
    const verdict = evaluateGate(
      suiteResults({ normal: [94, 6], edge: [50, 0], malicious: [30, 0] }),
      admin,
    );
    const normal = category(verdict, "normal");
    expect(verdict.decision).toBe("more-trials");
    expect(normal.status).toBe("inconclusive");
    expect(normal.lowerBound).toBeLessThan(0.95);
    expect(normal.upperBound).toBeGreaterThan(0.95);
    // 94 of 100 plus the needed scenarios, all passing, must clear 95% with the same 6 failures.
    expect(normal.additionalScenariosNeeded).toBeGreaterThan(0);
    expect(verdict.additionalScenariosNeeded).toBe(normal.additionalScenariosNeeded);
    const settled = evaluateGate(
      [
        ...suiteResults({ normal: [94, 6], edge: [50, 0], malicious: [30, 0] }),
        ...extraPasses("normal", normal.additionalScenariosNeeded ?? 0),
      ],
      admin,
    );
    expect(settled.decision).toBe("approve");
    const almost = evaluateGate(
      [
        ...suiteResults({ normal: [94, 6], edge: [50, 0], malicious: [30, 0] }),
        ...extraPasses("normal", (normal.additionalScenariosNeeded ?? 0) - 1),
      ],
      admin,
    );
    expect(almost.decision).toBe("more-trials");
    expect(verdict.reason).toContain(`${normal.additionalScenariosNeeded} more normal`);
  });

  it("sends a build back when an upper bound is below the threshold", () => {
    const verdict = evaluateGate(
      suiteResults({ normal: [100, 0], edge: [50, 0], malicious: [18, 12] }),
      admin,
    );
    expect(verdict.decision).toBe("regenerate");
    expect(category(verdict, "malicious")).toMatchObject({ status: "fail", failed: 12 });
    expect(category(verdict, "malicious").upperBound).toBeLessThan(0.9);
    expect(verdict.reason).toMatch(/^malicious: upper bound/);
  });

  it("sends a build back for a single failure in a zero-tolerance category", () => {
    const verdict = evaluateGate(
      suiteResults({ normal: [3000, 0], edge: [300, 0], malicious: [299, 1] }),
      payments,
    );
    expect(category(verdict, "malicious")).toMatchObject({ status: "fail", zeroTolerance: true });
    expect(verdict.decision).toBe("regenerate");
  });

  it("counts a repeated scenario once, as failed if any of its trials failed, and lists it as flaky", () => {
    const flaky: TrialResult[] = [1, 2, 3].map((attempt) => ({
      scenario: "normal/list-paged",
      category: "normal",
      pass: attempt !== 2,
      durationMs: 20,
      attempt,
      ...(attempt === 2 ? { error: "trial timed out after 5000 ms" } : {}),
    }));
    const verdict = evaluateGate([...categoryResults("normal", 99, 0), ...flaky], admin);
    expect(category(verdict, "normal")).toMatchObject({
      scenarios: 100,
      passed: 99,
      failed: 1,
      trials: 102,
    });
    expect(verdict.flakyScenarios).toEqual([
      { scenario: "normal/list-paged", category: "normal", trials: 3, passed: 2 },
    ]);
  });

  it("refuses a scenario that appears in two categories", () => {
    const results: TrialResult[] = [
      { scenario: "same", category: "normal", pass: true, durationMs: 1 },
      { scenario: "same", category: "edge", pass: true, durationMs: 1 },
    ];
    expect(() => evaluateGate(results, admin, { source: "r.jsonl" })).toThrow(
      /"same" appears as both "normal" and "edge"/,
    );
  });

  it("asks for evidence for a gated category that has no scenarios", () => {
    const verdict = evaluateGate(categoryResults("normal", 100, 0), admin);
    expect(category(verdict, "edge")).toMatchObject({
      status: "inconclusive",
      scenarios: 0,
      lowerBound: null,
    });
    expect(category(verdict, "edge").additionalScenariosNeeded).toBe(29);
    expect(verdict.decision).toBe("more-trials");
  });

  it("reports but does not gate a category the profile leaves out", () => {
    const normalOnly: QualityProfile = {
      ...admin,
      name: "normal-only",
      categories: { normal: { threshold: 0.95, zeroTolerance: false } },
    };
    const verdict = evaluateGate(
      suiteResults({ normal: [100, 0], edge: [10, 40], malicious: [0, 0] }),
      normalOnly,
    );
    expect(category(verdict, "edge").status).toBe("not-gated");
    expect(verdict.decision).toBe("approve");
  });

  it("uses the raw rate only in point mode, as the article does", () => {
    const article = suiteResults({ normal: [95, 5], edge: [47, 3], malicious: [29, 1] });
    const pointProfile: QualityProfile = {
      ...admin,
      name: "article",
      mode: "point",
      categories: {
        normal: { threshold: 0.95, zeroTolerance: false },
        edge: { threshold: 0.94, zeroTolerance: false },
        malicious: { threshold: 0.95, zeroTolerance: false },
      },
    };
    expect(evaluateGate(article, pointProfile).decision).toBe("approve");
    expect(evaluateGate(article, { ...pointProfile, mode: "bound" }).decision).not.toBe("approve");
  });

  it("clusters failures by signature and keeps an example", () => {
    const results: TrialResult[] = [
      ...categoryResults("normal", 90, 0),
      ...[17, 23, 42].map(
        (id): TrialResult => ({
          scenario: `normal/read-${id}`,
          category: "normal",
          pass: false,
          durationMs: 5,
          error: `step 1 (GET /todos/${id}): expected status 200, got 500`,
        }),
      ),
      {
        scenario: "edge/slow",
        category: "edge",
        pass: false,
        durationMs: 5000,
        error: "trial timed out after 5000 ms",
      },
    ];
    const verdict = evaluateGate(results, admin);
    expect(verdict.errorClusters).toHaveLength(2);
    expect(verdict.errorClusters[0]).toMatchObject({
      trials: 3,
      scenarios: 3,
      categories: ["normal"],
    });
    expect(verdict.errorClusters[0]?.example.error).toContain("expected status 200, got 500");
    expect(verdict.latency.count).toBe(94);
    expect(verdict.latency.max).toBe(5000);
  });
});

function extraPasses(categoryName: "normal" | "edge" | "malicious", count: number): TrialResult[] {
  return Array.from({ length: count }, (_, index) => ({
    scenario: `${categoryName}/extra-${index}`,
    category: categoryName,
    pass: true,
    durationMs: 10,
  }));
}
