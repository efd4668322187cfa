import { describe, expect, it } from "vitest";
import { applyEdit } from "./fault-candidate.js";
import { findOffByOne } from "./off-by-one.js";
import { parseSource, syntaxErrors } from "./source-syntax.js";

function moved(code: string) {
  return findOffByOne(parseSource("a.ts", code), "a.ts").map((candidate) => ({
    line: candidate.line,
    description: candidate.description,
    mutated: applyEdit(code, candidate.edit),
  }));
}

describe("findOffByOne", () => {
  it("moves a literal bound down and up by one, and the code still parses", () => {
    const code = "function f(page: number) {\n  if (page >= 1) return page;\n}\n";
    const candidates = moved(code);
    expect(candidates.map(({ line, description }) => [line, description])).toEqual([
      [2, 'the bound 1 of "page >= 1" became 0'],
      [2, 'the bound 1 of "page >= 1" became 2'],
    ]);
    expect(candidates.map((candidate) => candidate.mutated.split("\n")[1])).toEqual([
      "  if (page >= 0) return page;",
      "  if (page >= 2) return page;",
    ]);
    for (const candidate of candidates) expect(syntaxErrors("a.ts", candidate.mutated)).toEqual([]);
  });

  it("moves the value of a const the comparison names, on the declaration's line", () => {
    const code = [
      "const maximumLimit = 1_000;",
      "export function valid(limit: number) {",
      "  return limit <= maximumLimit;",
      "}",
    ].join("\n");
    const candidates = moved(code);
    expect(candidates.map(({ line, description }) => [line, description])).toEqual([
      [1, 'the bound 1000 of "limit <= maximumLimit" became 999 (const maximumLimit)'],
      [1, 'the bound 1000 of "limit <= maximumLimit" became 1001 (const maximumLimit)'],
    ]);
    expect(candidates[1]?.mutated.split("\n")[0]).toBe("const maximumLimit = 1001;");
  });

  it("moves a negative bound as a whole", () => {
    const code = "if (index > -1) found();";
    expect(moved(code).map((candidate) => candidate.mutated)).toEqual([
      "if (index > -2) found();",
      "if (index > 0) found();",
    ]);
  });

  it("leaves equality, names declared twice and non-literal bounds alone", () => {
    const code = [
      "const limit = 10;",
      "function f(limit: number, size: number) { return size < limit; }",
      "if (index === -1) missing();",
      "if (size > other.max) large();",
    ].join("\n");
    expect(moved(code)).toEqual([]);
  });
});
