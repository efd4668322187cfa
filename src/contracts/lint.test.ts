import { describe, expect, it } from "vitest";
import { LintFinding, LintReport, lintRuleIds } from "./lint.js";

const finding = {
  rule: "vague-word",
  severity: "warning",
  line: 12,
  text: "fast",
  message: '"fast" cannot be checked',
  suggestion: "within 200 ms at the 95th percentile",
};

describe("the lint contract", () => {
  it("reads a report with findings and a model review", () => {
    const report = {
      spec: "specs/todo.md",
      score: 72,
      minimumScore: 75,
      decision: "clarify",
      findings: [
        finding,
        { ...finding, rule: "missing-criteria", severity: "error", line: 1, text: "" },
      ],
      llm: { model: "openai/gpt-4.1-mini", findings: 1, dropped: 2 },
    };
    expect(LintReport.parse(report)).toEqual(report);
  });

  it("refuses unknown rules, lines before the first, scores outside 0–100 and unknown keys", () => {
    expect(LintFinding.safeParse({ ...finding, rule: "too-long" }).success).toBe(false);
    expect(LintFinding.safeParse({ ...finding, line: 0 }).success).toBe(false);
    expect(LintFinding.safeParse({ ...finding, column: 3 }).success).toBe(false);
    const report = { spec: "s.md", score: 101, minimumScore: 75, decision: "pass", findings: [] };
    expect(LintReport.safeParse(report).success).toBe(false);
  });

  it("has stable rule ids, the model's review among them", () => {
    expect(lintRuleIds).toContain("llm-review");
    expect(new Set(lintRuleIds).size).toBe(lintRuleIds.length);
  });
});
