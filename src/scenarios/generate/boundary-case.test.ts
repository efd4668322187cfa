import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import { decideCases, labelPart } from "./boundary-case.js";

describe("decideCases", () => {
  it("decides validity with the validator and keeps the first of equal values", () => {
    const field = FieldDefinition.parse({ type: "integer", max: 3 });
    const cases = decideCases(field, [
      { label: "three", value: 3, note: "" },
      { label: "four", value: 4, note: "" },
      { label: "again", value: 3, note: "" },
    ]);
    expect(cases.map((entry) => [entry.label, entry.valid])).toEqual([
      ["three", true],
      ["four", false],
    ]);
  });
});

describe("labelPart", () => {
  it("uses a plain value, or the position when the value is not a word", () => {
    expect(labelPart("High", 0)).toBe("high");
    expect(labelPart("a b", 2)).toBe("3");
  });
});
