import { describe, expect, it } from "vitest";
import type { LintFinding, LintRuleId, LintSeverity } from "../../contracts/lint.js";
import { lintDecision, lintScore } from "./score.js";

function findings(rule: LintRuleId, severity: LintSeverity, count: number): LintFinding[] {
  return Array.from({ length: count }, (_, index) => ({
    rule,
    severity,
    line: index + 1,
    text: "x",
    message: "m",
    suggestion: "s",
  }));
}

describe("lintScore", () => {
  it("is 100 without findings and takes off 15, 5 and 1 for an error, a warning and an info", () => {
    expect(lintScore([], { criteriaCount: 3 })).toBe(100);
    expect(
      lintScore(
        [
          ...findings("missing-error-behaviour", "warning", 1),
          ...findings("undefined-term", "info", 1),
          ...findings("llm-review", "error", 1),
        ],
        { criteriaCount: 3 },
      ),
    ).toBe(100 - 5 - 1 - 15);
  });

  it("caps what one rule can take off", () => {
    expect(lintScore(findings("vague-word", "warning", 10), { criteriaCount: 3 })).toBe(80);
    expect(lintScore(findings("passive-without-actor", "info", 12), { criteriaCount: 3 })).toBe(95);
  });

  it("holds a spec without criteria at 40 at most", () => {
    expect(lintScore(findings("missing-criteria", "error", 1), { criteriaCount: 0 })).toBe(40);
  });

  it("holds a spec whose every criterion is untestable at 50 at most", () => {
    expect(lintScore(findings("untestable-criterion", "warning", 2), { criteriaCount: 2 })).toBe(
      50,
    );
    expect(lintScore(findings("untestable-criterion", "warning", 2), { criteriaCount: 3 })).toBe(
      90,
    );
  });

  it("holds a spec whose model contradicts its text below the standard minimum", () => {
    expect(lintScore(findings("model-contradiction", "error", 1), { criteriaCount: 3 })).toBe(74);
  });

  it("never goes below 0", () => {
    const many = (
      [
        "vague-word",
        "weak-modal",
        "model-contradiction",
        "untestable-criterion",
        "unconstrained-field",
        "missing-error-behaviour",
        "unmeasurable-quantity",
      ] as const
    ).flatMap((rule) => findings(rule, "error", 5));
    expect(lintScore(many, { criteriaCount: 5 })).toBe(0);
  });
});

describe("lintDecision", () => {
  it("passes at or above the minimum and asks for clarification below it", () => {
    expect(lintDecision(75, 75)).toBe("pass");
    expect(lintDecision(74, 75)).toBe("clarify");
  });
});
