import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import { codePointLength, isCalendarDate, isValidValue, omitted } from "./is-valid-value.js";

const field = (definition: unknown) => FieldDefinition.parse(definition);

describe("isValidValue", () => {
  it("refuses null and the wrong JSON type for every type", () => {
    for (const type of ["string", "integer", "number", "boolean", "date", "email"]) {
      expect(isValidValue(field(type), null)).toBe(false);
      expect(isValidValue(field(type), [])).toBe(false);
    }
    expect(isValidValue(field("integer"), "3")).toBe(false);
    expect(isValidValue(field("integer"), 3.5)).toBe(false);
    expect(isValidValue(field("integer"), 3)).toBe(true);
    expect(isValidValue(field("number"), 3.5)).toBe(true);
    expect(isValidValue(field("boolean"), "true")).toBe(false);
    expect(isValidValue(field("string"), 42)).toBe(false);
  });

  it("keeps numbers within min and max, inclusive", () => {
    const priority = field({ type: "integer", min: 1, max: 5 });
    expect([0, 1, 5, 6].map((value) => isValidValue(priority, value))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it("counts string lengths in code points", () => {
    const title = field({ type: "string", minLength: 2, maxLength: 3 });
    expect(isValidValue(title, "😀😀😀")).toBe(true);
    expect(isValidValue(title, "😀😀😀😀")).toBe(false);
    expect(isValidValue(title, "a")).toBe(false);
    expect(codePointLength("😀a")).toBe(2);
  });

  it("matches a pattern against the whole value", () => {
    const sku = field({ type: "string", pattern: "[A-Z]{3}-[0-9]{4}" });
    expect(isValidValue(sku, "ABC-1234")).toBe(true);
    expect(isValidValue(sku, "xABC-1234")).toBe(false);
    expect(isValidValue(sku, "ABC-1234\n")).toBe(false);
    expect(isValidValue(sku, "abc-1234")).toBe(false);
  });

  it("accepts only listed enum values, exactly", () => {
    const state = field({ type: "string", enum: ["open", "done"] });
    expect(isValidValue(state, "open")).toBe(true);
    expect(isValidValue(state, "OPEN")).toBe(false);
  });

  it("accepts only real calendar dates written YYYY-MM-DD", () => {
    const due = field("date");
    expect(isValidValue(due, "2024-02-29")).toBe(true);
    expect(isValidValue(due, "2023-02-29")).toBe(false);
    expect(isValidValue(due, "2024-13-01")).toBe(false);
    expect(isValidValue(due, "2024-1-05")).toBe(false);
    expect(isCalendarDate("0001-01-01")).toBe(true);
  });

  it("checks emails with the conventions' pattern", () => {
    const email = field("email");
    expect(isValidValue(email, "ada@example.com")).toBe(true);
    expect(isValidValue(email, "ada.example.com")).toBe(false);
    expect(isValidValue(email, "ada@example")).toBe(false);
    expect(isValidValue(email, "ada @example.com")).toBe(false);
  });

  it("accepts a missing value unless the field is required", () => {
    expect(isValidValue(field({ type: "string" }), omitted)).toBe(true);
    expect(isValidValue(field({ type: "string", required: true }), omitted)).toBe(false);
  });
});
