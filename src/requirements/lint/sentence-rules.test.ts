import { describe, expect, it } from "vitest";
import { isTestableCriterion, lintSentence, untestableFinding } from "./sentence-rules.js";

describe("lintSentence", () => {
  it("runs every sentence rule", () => {
    const rules = lintSentence(
      "The API should be quick with large requests, and all input must be validated.",
    ).map((finding) => finding.rule);
    expect(new Set(rules)).toEqual(
      new Set(["weak-modal", "vague-word", "unmeasurable-quantity", "passive-without-actor"]),
    );
  });

  it("finds nothing in a clear sentence", () => {
    expect(lintSentence("A title longer than 200 characters is refused with 400.")).toEqual([]);
  });
});

describe("isTestableCriterion", () => {
  it("asks one sentence with an observable outcome, or an example", () => {
    expect(isTestableCriterion("Todos are kept. Reading one answers 200.", false)).toBe(true);
    expect(isTestableCriterion("The service handles errors gracefully.", false)).toBe(false);
    expect(isTestableCriterion("The service handles errors gracefully.", true)).toBe(true);
  });

  it("makes a warning that keeps the criterion's text", () => {
    expect(untestableFinding("The list is paged.")).toMatchObject({
      rule: "untestable-criterion",
      severity: "warning",
      text: "The list is paged.",
    });
  });
});
