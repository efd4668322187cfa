import { describe, expect, it } from "vitest";
import { FeedbackReport } from "../contracts/agent-run.js";
import type { CategoryReport, GateVerdict } from "../contracts/gate-verdict.js";
import { feedbackFromVerdict, renderFeedback } from "./feedback.js";

const latency = { count: 0, min: null, mean: null, p50: null, p95: null, p99: null, max: null };

function category(
  name: CategoryReport["category"],
  passed: number,
  failed: number,
): CategoryReport {
  return {
    category: name,
    scenarios: passed + failed,
    passed,
    failed,
    trials: passed + failed,
    passRate: passed / (passed + failed),
    lowerBound: null,
    upperBound: null,
    threshold: 0.95,
    confidence: 0.95,
    zeroTolerance: false,
    status: failed > 0 ? "fail" : "pass",
    additionalScenariosNeeded: null,
    reason: "",
    latency,
  };
}

const verdict: GateVerdict = {
  decision: "regenerate",
  reason: "normal scenarios pass 80.0%, below 95.0%",
  profile: "admin",
  method: "clopper-pearson",
  mode: "bound",
  categories: [category("normal", 8, 2), category("edge", 5, 0)],
  latency,
  errorClusters: [
    {
      signature: "status <n> expected <n>",
      trials: 1,
      scenarios: 1,
      categories: ["normal"],
      example: { scenario: "todo-delete", category: "normal", error: "status 500\nexpected 204" },
    },
    {
      signature: "missing field <name>",
      trials: 3,
      scenarios: 2,
      categories: ["normal"],
      example: { scenario: "todo-create", category: "normal", error: "missing field id" },
    },
  ],
  flakyScenarios: [],
  additionalScenariosNeeded: null,
};

describe("feedbackFromVerdict", () => {
  it("keeps the shortfall per category and the clusters, most frequent first, named by title", () => {
    const report = feedbackFromVerdict(verdict, { "todo-create": "Creating a todo returns it" });
    expect(FeedbackReport.parse(report)).toEqual(report);
    expect(report.categories[0]).toEqual({
      category: "normal",
      passed: 8,
      failed: 2,
      passRate: 0.8,
      threshold: 0.95,
    });
    expect(report.errorClusters.map((cluster) => cluster.count)).toEqual([3, 1]);
    expect(report.examples).toEqual([
      { title: "Creating a todo returns it", error: "missing field id" },
      { title: "todo-delete", error: "status 500\nexpected 204" },
    ]);
  });

  it("shortens long error messages", () => {
    const long = {
      ...verdict,
      errorClusters: [
        {
          ...verdict.errorClusters[0],
          example: { scenario: "s", category: "edge" as const, error: "x".repeat(5000) },
        },
      ],
    } as GateVerdict;
    expect(feedbackFromVerdict(long).examples[0]?.error.length).toBeLessThan(700);
  });

  it("refuses an approved verdict", () => {
    expect(() => feedbackFromVerdict({ ...verdict, decision: "approve" })).toThrow(
      /approved build needs no feedback/,
    );
  });
});

describe("renderFeedback", () => {
  it("says what fell short, the failures by kind and by title, on lines a model can read", () => {
    const text = renderFeedback(feedbackFromVerdict(verdict, { "todo-create": "Creating a todo" }));
    expect(text).toContain("Decision: regenerate. normal scenarios pass 80.0%, below 95.0%");
    expect(text).toContain("| normal | 8 | 2 | 80.0% | 95.0% |");
    expect(text).toContain("- 3× missing field <name>");
    expect(text).toContain('- "Creating a todo": missing field id');
    expect(text).toContain("status 500 ⏎ expected 204");
  });
});
