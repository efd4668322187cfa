import { describe, expect, it } from "vitest";
import { applyEdit } from "./fault-candidate.js";
import { findFlipComparison } from "./flip-comparison.js";
import { parseSource, syntaxErrors } from "./source-syntax.js";

function flips(code: string) {
  return findFlipComparison(parseSource("a.ts", code), "a.ts").map((candidate) => ({
    line: candidate.line,
    description: candidate.description,
    mutated: applyEdit(code, candidate.edit),
  }));
}

describe("findFlipComparison", () => {
  it("flips each of the four comparisons of a check, and the code still parses", () => {
    const code = [
      "function valid(value: number, field: Field): boolean {",
      "  if (value < field.min || value > field.max) return false;",
      "  if (!(value <= 10 && value >= 0)) return false;",
      "  return true;",
      "}",
    ].join("\n");
    const candidates = flips(code);
    expect(candidates.map(({ line, description }) => [line, description])).toEqual([
      [2, 'flipped "value < field.min" to "value <= field.min"'],
      [2, 'flipped "value > field.max" to "value >= field.max"'],
      [3, 'flipped "value <= 10" to "value < 10"'],
      [3, 'flipped "value >= 0" to "value > 0"'],
    ]);
    expect(candidates[0]?.mutated.split("\n")[1]).toBe(
      "  if (value <= field.min || value > field.max) return false;",
    );
    expect(candidates[3]?.mutated.split("\n")[2]).toBe(
      "  if (!(value <= 10 && value > 0)) return false;",
    );
    for (const candidate of candidates) expect(syntaxErrors("a.ts", candidate.mutated)).toEqual([]);
  });

  it("counts a rule a function returns and the condition of ?:", () => {
    const code = [
      "const enough = (product, input) => input.quantity <= product.stock;",
      "function large(size) { return size > limit; }",
      "const refused = size > limit ? undefined : body;",
    ].join("\n");
    expect(flips(code).map((candidate) => candidate.line)).toEqual([1, 2, 3]);
  });

  it("leaves loop conditions, stored results and arithmetic alone", () => {
    const code = [
      "for (let index = 0; index < items.length; index++) total += items[index];",
      "while (queue.length > 0) queue.pop();",
      "const small = size < 10;",
      "call(a < b);",
      "const shifted = a << 2;",
    ].join("\n");
    expect(flips(code)).toEqual([]);
  });
});
