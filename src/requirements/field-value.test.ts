import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../contracts/spec.js";
import { hasType, valueProblem } from "./field-value.js";

const field = (definition: unknown) => FieldDefinition.parse(definition);

describe("hasType", () => {
  it("tells each field type", () => {
    expect([hasType("integer", 3), hasType("integer", 3.5), hasType("number", 3.5)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([
      hasType("number", Number.NaN),
      hasType("boolean", "true"),
      hasType("string", 1),
    ]).toEqual([false, false, false]);
    expect([
      hasType("email", "a@b.co"),
      hasType("email", "a@b"),
      hasType("email", "a b@c.d"),
    ]).toEqual([true, false, false]);
  });

  it("takes a date only when it is a real calendar date", () => {
    expect(hasType("date", "2024-02-29")).toBe(true);
    expect(hasType("date", "2023-02-29")).toBe(false);
    expect(hasType("date", "0099-01-31")).toBe(true);
    expect(hasType("date", "2024-13-01")).toBe(false);
    expect(hasType("date", "2024-1-01")).toBe(false);
  });
});

describe("valueProblem", () => {
  it("accepts a value within every constraint", () => {
    expect(valueProblem(field({ type: "integer", min: 0, max: 5 }), 5)).toBeUndefined();
    expect(valueProblem(field({ type: "string", pattern: "[a-z]+", maxLength: 3 }), "abc")).toBe(
      undefined,
    );
  });

  it("says which constraint a value breaks", () => {
    expect(valueProblem(field({ type: "integer" }), "3")).toBe('"3" is not a valid integer');
    expect(valueProblem(field({ type: "number", min: 1 }), 0.5)).toBe("0.5 is below min 1");
    expect(valueProblem(field({ type: "number", max: 1 }), 2)).toBe("2 is above max 1");
    expect(valueProblem(field({ type: "string", minLength: 2 }), "a")).toBe(
      '"a" is shorter than minLength 2',
    );
    expect(valueProblem(field({ type: "string", enum: ["a", "b"] }), "c")).toBe(
      '"c" is not one of the enum values "a", "b"',
    );
  });

  it("counts length in code points and matches the pattern against the whole value", () => {
    expect(valueProblem(field({ type: "string", maxLength: 2 }), "😀😀")).toBeUndefined();
    expect(valueProblem(field({ type: "string", pattern: "[a-z]+" }), "abc1")).toBe(
      '"abc1" does not match pattern "[a-z]+"',
    );
  });
});
