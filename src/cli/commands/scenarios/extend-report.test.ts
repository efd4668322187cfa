import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../contracts/scenario.js";
import { categoryGrowth, type ExtendReport, renderExtendReport } from "./extend-report.js";

function scenario(id: string, category: Scenario["category"]): Scenario {
  return {
    id,
    category,
    title: id,
    tags: [],
    steps: [{ request: { method: "GET", path: `/${id}` }, expect: [] }],
  };
}

const before = [scenario("a", "normal"), scenario("b", "edge")];
const added = [scenario("c", "normal"), scenario("d", "malicious")];

function report(changes: Partial<ExtendReport> = {}): ExtendReport {
  return {
    reference: "notes@bbbbbbbbbbbb",
    created: true,
    file: "/home/suites/notes/bbbbbbbbbbbb/suite.yaml",
    parent: "notes@aaaaaaaaaaaa",
    added: ["c", "d"],
    categories: categoryGrowth(before, added),
    coverage: [],
    uncovered: [],
    notes: [],
    next: "shopfloor test notes@bbbbbbbbbbbb --start 'node server.js'",
    ...changes,
  };
}

describe("extend report", () => {
  it("counts each category before, added and now", () => {
    expect(categoryGrowth(before, added)).toEqual([
      { category: "normal", before: 1, added: 1, now: 2 },
      { category: "edge", before: 1, added: 0, now: 1 },
      { category: "malicious", before: 0, added: 1, now: 1 },
    ]);
  });

  it("names the new version, its parent and the growth", () => {
    const text = renderExtendReport(report());
    expect(text).toContain(
      "Stored notes@bbbbbbbbbbbb\n  file: /home/suites/notes/bbbbbbbbbbbb/suite.yaml\n  extends: notes@aaaaaaaaaaaa",
    );
    expect(text).toMatch(/category +before +added +now\n +normal +1 +1 +2/);
    expect(text).toContain("Next: shopfloor test notes@bbbbbbbbbbbb");
  });

  it("says when nothing was new", () => {
    const text = renderExtendReport(
      report({ reference: "notes@aaaaaaaaaaaa", added: [], created: false }),
    );
    expect(text.startsWith("Nothing new: notes@aaaaaaaaaaaa is unchanged\n")).toBe(true);
  });
});
