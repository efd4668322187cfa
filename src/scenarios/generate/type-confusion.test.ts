import { describe, expect, it } from "vitest";
import { FieldDefinition, fieldTypes } from "../../contracts/spec.js";
import { isValidValue } from "./is-valid-value.js";
import { typeConfusionValues } from "./type-confusion.js";

describe("typeConfusionValues", () => {
  it("gives only values of the wrong type, null among them, for every type", () => {
    for (const type of fieldTypes) {
      const field = FieldDefinition.parse(type);
      const values = typeConfusionValues(field);
      expect(values).toContain(null);
      for (const value of values) expect(isValidValue(field, value), `${type}`).toBe(false);
    }
  });

  it("includes numbers as strings and fractions for integers", () => {
    const values = typeConfusionValues(FieldDefinition.parse("integer"));
    expect(values).toContain("3");
    expect(values).toContain(3.5);
    expect(typeConfusionValues(FieldDefinition.parse("boolean"))).toContain("true");
  });
});
