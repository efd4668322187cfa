import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LintReport } from "../../contracts/lint.js";
import { parseSpec } from "../parse-spec.js";
import { lintSpec, sortFindings } from "./lint-spec.js";

const root = join(import.meta.dirname, "../../..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

describe("lintSpec", () => {
  it("finds nothing in the example specs, which are written to be clear", async () => {
    for (const path of [
      "examples/todo-api/spec.md",
      "examples/inventory-api/spec.md",
      "examples/tempconv/spec.md",
    ]) {
      const markdown = read(path);
      const report = lintSpec(await parseSpec(markdown, path), { minimumScore: 85, markdown });
      expect(report.findings, path).toEqual([]);
      expect(report).toMatchObject({ spec: path, score: 100, minimumScore: 85, decision: "pass" });
    }
  });

  it("sends a vague spec back with findings of every kind, in line order", async () => {
    const path = "test/fixtures/requirements-corpus/vague-shop.md";
    const markdown = read(path);
    const report = lintSpec(await parseSpec(markdown, path), { minimumScore: 60, markdown });
    expect(LintReport.parse(report)).toEqual(report);
    expect(report.decision).toBe("clarify");
    expect(report.score).toBeLessThan(60);
    expect(new Set(report.findings.map((finding) => finding.rule))).toEqual(
      new Set([
        "vague-word",
        "unmeasurable-quantity",
        "passive-without-actor",
        "weak-modal",
        "untestable-criterion",
        "missing-error-behaviour",
        "unconstrained-field",
        "model-contradiction",
        "undefined-term",
      ]),
    );
    const lines = report.findings.map((finding) => finding.line);
    expect(lines).toEqual([...lines].sort((left, right) => left - right));
    expect(report.findings.find((finding) => finding.text === "quickly")?.line).toBe(10);
  });

  it("gives a spec without criteria at most 40", async () => {
    const markdown = "---\nname: empty\nkind: cli\n---\n\n# Empty\n\nA command that exits 0.\n";
    const report = lintSpec(await parseSpec(markdown, "empty.md"), { minimumScore: 60, markdown });
    expect(report.findings.map((finding) => finding.rule)).toContain("missing-criteria");
    expect(report.score).toBeLessThanOrEqual(40);
  });
});

describe("sortFindings", () => {
  it("orders by line then severity, and reports the same rule and words on a line once", () => {
    const finding = (line: number, severity: "error" | "info", text: string) => ({
      rule: "vague-word" as const,
      severity,
      line,
      text,
      message: "m",
      suggestion: "s",
    });
    expect(
      sortFindings([
        finding(3, "info", "a"),
        finding(2, "info", "Fast"),
        finding(2, "error", "b"),
        finding(2, "info", "fast"),
      ]),
    ).toEqual([finding(2, "error", "b"), finding(2, "info", "Fast"), finding(3, "info", "a")]);
  });
});
