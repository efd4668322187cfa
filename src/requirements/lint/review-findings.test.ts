import { describe, expect, it } from "vitest";
import type { LintFinding } from "../../contracts/lint.js";
import { checkProposedFindings } from "./review-findings.js";

const spec = [
  "# Shop", // 1
  "",
  "Orders are kept for a **retention period** and then",
  "archived by the nightly job.", // 4
  "- AC1: `POST /orders` answers 201.", // 5
].join("\n");

const proposal = (line: number, text: string, changes: Record<string, unknown> = {}) => ({
  line,
  text,
  severity: "warning",
  message: "the period is not given",
  suggestion: "say how long: 30 days",
  ...changes,
});

describe("checkProposedFindings", () => {
  it("keeps findings that quote the spec at their line, markup and case aside", () => {
    const result = checkProposedFindings(
      [
        proposal(3, "Retention Period"),
        proposal(3, "and then archived by"),
        proposal(5, "POST /orders answers 201"),
      ],
      spec,
      [],
    );
    expect(result.dropped).toBe(0);
    expect(result.kept).toEqual([
      {
        rule: "llm-review",
        severity: "warning",
        line: 3,
        text: "Retention Period",
        message: "the period is not given",
        suggestion: "say how long: 30 days",
      },
      expect.objectContaining({ line: 3, text: "and then archived by" }),
      expect.objectContaining({ line: 5 }),
    ]);
  });

  it("drops and counts findings with a made-up quote, a line the spec lacks, or a bad shape", () => {
    const result = checkProposedFindings(
      [
        proposal(3, "a retention period of ten years"),
        proposal(1, "archived by the nightly job"),
        proposal(99, "# Shop"),
        proposal(0, "# Shop"),
        proposal(3, ""),
        proposal(3, "retention period", { severity: "critical" }),
        proposal(3, "retention period", { message: "" }),
        "not an object",
        proposal(3, "x".repeat(301)),
      ],
      spec,
      [],
    );
    expect(result).toEqual({ kept: [], dropped: 9 });
  });

  it("leaves out what the rules already found, and repeats of its own", () => {
    const known: LintFinding[] = [
      {
        rule: "passive-without-actor",
        severity: "info",
        line: 3,
        text: "kept",
        message: "m",
        suggestion: "s",
      },
    ];
    const result = checkProposedFindings(
      [
        proposal(3, "Orders are kept"),
        proposal(3, "retention period"),
        proposal(3, "retention period"),
      ],
      spec,
      known,
    );
    expect(result.kept.map((finding) => finding.text)).toEqual(["retention period"]);
    expect(result.dropped).toBe(0);
  });
});
