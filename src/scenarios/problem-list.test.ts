import { describe, expect, it } from "vitest";
import { ProblemList } from "./problem-list.js";
import { parseSourceDocument, type SourceDocument } from "./source-document.js";

function document(file: string, text: string): SourceDocument {
  const parsed = parseSourceDocument(text, file);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.document;
}

describe("ProblemList", () => {
  it("resolves a path to its line and field", () => {
    const list = new ProblemList();
    list.addAt(document("a.yaml", "scenarios:\n  - id: x\n    title: t\n"), {
      path: ["scenarios", 0, "title"],
      message: "too short",
    });
    expect(list.problems).toEqual([
      { file: "a.yaml", line: 3, field: "scenarios[0].title", message: "too short" },
    ]);
  });

  it("sorts by file in the order read, then by line", () => {
    const list = new ProblemList();
    list.add({ file: "b.yaml", line: 9, field: "x", message: "1" });
    list.add({ file: "a.yaml", line: 5, field: "x", message: "2" });
    list.add({ file: "b.yaml", line: 2, field: "x", message: "3" });
    list.add({ file: "b.yaml", line: 2, field: "y", message: "4" });
    expect(list.sorted().map((problem) => problem.message)).toEqual(["3", "4", "1", "2"]);
    expect(list.isEmpty).toBe(false);
  });
});
