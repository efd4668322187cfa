import { describe, expect, it } from "vitest";
import { noUsage } from "../../../contracts/token-usage.js";
import {
  categoryFigures,
  type GenerateReport,
  nextCommand,
  renderGenerateReport,
} from "./generate-report.js";

function report(changes: Partial<GenerateReport> = {}): GenerateReport {
  return {
    reference: "todo@3f2a9c1b07de",
    created: true,
    file: "/home/suites/todo/3f2a9c1b07de/suite.yaml",
    spec: { name: "todo", source: "specs/todo.md", hash: "9cdf66b526a9aaaa" },
    seed: 1,
    categories: categoryFigures({ normal: 3, edge: 2, malicious: 1 }, [
      { category: "normal" },
      { category: "normal" },
      { category: "normal" },
      { category: "edge" },
    ]),
    coverage: [
      { id: "AC1", text: "Creating a todo answers 201", scenarios: ["a"] },
      { id: "AC2", text: "Deleting answers 204", scenarios: [] },
    ],
    uncovered: ["AC2"],
    notes: ["malicious: 1 asked for, only 0 distinct scenarios could be made"],
    next: nextCommand("todo@3f2a9c1b07de", "http", ""),
    ...changes,
  };
}

describe("generate report", () => {
  it("compares what was asked for with what was generated", () => {
    expect(report().categories).toEqual([
      { category: "normal", requested: 3, generated: 3, shortfall: 0 },
      { category: "edge", requested: 2, generated: 1, shortfall: 1 },
      { category: "malicious", requested: 1, generated: 0, shortfall: 1 },
    ]);
  });

  it("shows the stored version, the tables, the warnings, the notes and what to run next", () => {
    const text = renderGenerateReport(report());
    expect(text.startsWith("Stored todo@3f2a9c1b07de\n  file: /home/suites/todo/")).toBe(true);
    expect(text).toContain("from: specs/todo.md (todo, sha256 9cdf66b526a9), seed 1");
    expect(text).toMatch(/edge +2 +1 +1\n/);
    expect(text).toMatch(/total +6 +4 +2\n/);
    expect(text).toContain("warning: AC2 is covered by no scenario");
    expect(text).toContain("  - malicious: 1 asked for");
    expect(text).toContain(
      "Next: shopfloor test todo@3f2a9c1b07de --start 'COMMAND THAT STARTS THE BUILD' --ready /health\n",
    );
    expect(text).not.toContain("Model ");
  });

  it("shows what the model proposed and what became of it", () => {
    const llm = {
      model: "openai/gpt-4.1-mini",
      proposed: 12,
      accepted: 9,
      repaired: 2,
      dropped: 1,
      droppedReasons: ["probe: not a valid step"],
      usage: { ...noUsage, calls: 2, inputTokens: 5000, outputTokens: 1200 },
    };
    const text = renderGenerateReport(report({ llm, created: false }));
    expect(text.startsWith("Already stored todo@")).toBe(true);
    expect(text).toContain(
      "Model openai/gpt-4.1-mini: proposed 12, accepted 9, repaired 2, dropped 1\n  2 calls, 5,000 input tokens (0 cached), 1,200 output tokens\n  dropped: probe: not a valid step",
    );
  });

  it("suggests --build for a cli or function suite", () => {
    expect(nextCommand("tool@abcd", "cli", " --home /h")).toBe(
      "shopfloor test tool@abcd --home /h --build DIR",
    );
  });
});
