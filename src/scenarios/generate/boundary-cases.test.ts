import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import { boundaryCases, nextDown, nextUp } from "./boundary-cases.js";
import { omitted } from "./is-valid-value.js";

const field = (definition: unknown) => FieldDefinition.parse(definition);

function byLabel(definition: unknown, required = false) {
  const cases = boundaryCases(field(definition), { required });
  return Object.fromEntries(cases.map((entry) => [entry.label, entry]));
}

describe("boundaryCases", () => {
  it("tests integers at, inside and past their bounds", () => {
    const cases = byLabel({ type: "integer", min: 1, max: 5 });
    expect(cases.min).toMatchObject({ value: 1, valid: true });
    expect(cases["below-min"]).toMatchObject({ value: 0, valid: false });
    expect(cases.max).toMatchObject({ value: 5, valid: true });
    expect(cases["above-max"]).toMatchObject({ value: 6, valid: false });
    expect(cases.huge).toMatchObject({ value: 1e308, valid: false });
    expect(cases.negative).toMatchObject({ value: -1, valid: false });
    expect(cases["unsafe-integer"]?.valid).toBe(false);
  });

  it("steps numbers by the nearest representable double", () => {
    const cases = byLabel({ type: "number", min: 0, max: 1.5 });
    expect(cases["below-min"]).toMatchObject({ value: -Number.MIN_VALUE, valid: false });
    expect(cases["above-max"]).toMatchObject({ value: 1.5000000000000002, valid: false });
    expect(cases["negative-zero"]).toMatchObject({ valid: true });
    expect(Object.is(cases["negative-zero"]?.value, -0)).toBe(true);
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(-1)).toBe(-1 - Number.EPSILON);
  });

  it("accepts huge and unsafe numbers when the field has no bounds", () => {
    const cases = byLabel("integer");
    expect(cases.huge?.valid).toBe(true);
    expect(cases["unsafe-integer"]?.valid).toBe(true);
    expect(cases.zero?.valid).toBe(true);
  });

  it("tests string lengths in code points", () => {
    const cases = byLabel({ type: "string", minLength: 3, maxLength: 10 });
    expect(cases.empty?.valid).toBe(false);
    expect(cases.shortest).toMatchObject({ value: "xxx", valid: true });
    expect(cases["shortest-minus-one"]).toMatchObject({ value: "xx", valid: false });
    expect(cases.longest).toMatchObject({ value: "x".repeat(10), valid: true });
    expect(cases["longest-plus-one"]).toMatchObject({ value: "x".repeat(11), valid: false });
    expect(cases["longest-emoji"]).toMatchObject({ value: "😀".repeat(10), valid: true });
    expect(cases["longest-emoji-plus-one"]?.valid).toBe(false);
    for (const label of ["emoji", "combining-marks", "right-to-left", "mixed-scripts"]) {
      expect(cases[label]?.valid, label).toBe(true);
    }
  });

  it("gives a pattern a match and near misses that do not match", () => {
    const cases = byLabel({ type: "string", pattern: "^[A-Z]{3}-[0-9]{4}$" });
    expect(cases["pattern-match"]?.valid).toBe(true);
    expect(cases["pattern-match"]?.value).toMatch(/^[A-Z]{3}-[0-9]{4}$/);
    expect(cases["pattern-near-miss"]?.valid).toBe(false);
    expect(cases["pattern-trailing-newline"]?.valid).toBe(false);
    expect(cases["pattern-prefix"]?.valid).toBe(false);
    expect(cases.emoji?.valid).toBe(false);
  });

  it("lists each enum value, a wrong-case one and one not listed", () => {
    const cases = byLabel({ type: "string", enum: ["open", "done"] });
    expect(cases["enum-open"]?.valid).toBe(true);
    expect(cases["enum-done"]?.valid).toBe(true);
    expect(cases["enum-wrong-case"]).toMatchObject({ value: "OPEN", valid: false });
    expect(cases["not-in-enum"]?.valid).toBe(false);
  });

  it("tests calendar dates and malformed emails", () => {
    const dates = byLabel("date");
    expect(dates["leap-day"]?.valid).toBe(true);
    expect(dates["not-a-leap-day"]?.valid).toBe(false);
    expect(dates["month-13"]?.valid).toBe(false);
    const emails = byLabel({ type: "email", maxLength: 30 });
    expect(emails["no-at"]?.valid).toBe(false);
    expect(emails["no-domain"]?.valid).toBe(false);
    expect(emails["plus-address"]?.valid).toBe(true);
    expect(emails.longest).toMatchObject({ valid: true });
    expect([...String(emails.longest?.value)]).toHaveLength(30);
    expect(emails["longest-plus-one"]?.valid).toBe(false);
  });

  it("leaves the field out: valid unless required", () => {
    expect(byLabel("string").missing).toMatchObject({ value: omitted, valid: true });
    expect(byLabel("string", true).missing).toMatchObject({ value: omitted, valid: false });
  });

  it("gives labels usable in scenario ids, each once", () => {
    const cases = boundaryCases(field({ type: "string", enum: ["a b", "c"] }), { required: true });
    const labels = cases.map((entry) => entry.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^[a-z0-9-]+$/);
  });
});
