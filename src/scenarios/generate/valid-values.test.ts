import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import { isValidValue } from "./is-valid-value.js";
import { validValues } from "./valid-values.js";

const field = (definition: unknown) => FieldDefinition.parse(definition);

const fields = {
  title: field({ type: "string", required: true, minLength: 1, maxLength: 200 }),
  code: field({ type: "string", minLength: 12, maxLength: 12 }),
  sku: field({ type: "string", pattern: "^[A-Z]{3}-[0-9]{4}$" }),
  priority: field({ type: "integer", min: 1, max: 5 }),
  price: field({ type: "number", min: 0.01, max: 10 }),
  negative: field({ type: "integer", max: -10 }),
  done: field("boolean"),
  due: field("date"),
  email: field({ type: "email", maxLength: 24 }),
  state: field({ type: "string", enum: ["open", "closed"] }),
};

describe("validValues", () => {
  it("draws only values the conventions accept", () => {
    for (const [name, definition] of Object.entries(fields)) {
      const values = validValues(definition, 7, 30);
      expect(values, name).toHaveLength(30);
      for (const value of values)
        expect(isValidValue(definition, value), `${name}: ${value}`).toBe(true);
    }
  });

  it("gives the same values for the same seed, and others for another seed", () => {
    expect(validValues(fields.title, 3, 10)).toEqual(validValues(fields.title, 3, 10));
    expect(validValues(fields.title, 3, 10)).not.toEqual(validValues(fields.title, 4, 10));
  });

  it("varies its values", () => {
    expect(new Set(validValues(fields.sku, 1, 20)).size).toBeGreaterThan(10);
    expect(new Set(validValues(fields.state, 1, 20))).toEqual(new Set(["open", "closed"]));
  });

  it("writes dates and numbers the way people do", () => {
    for (const value of validValues(fields.due, 2, 10))
      expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const value of validValues(fields.price, 2, 10)) {
      expect(Math.round((value as number) * 100) / 100).toBe(value);
    }
  });

  it("gives nothing when no value can satisfy the field", () => {
    expect(validValues(field({ type: "boolean", enum: ["x"] }), 1, 5)).toEqual([]);
    expect(validValues(fields.title, 1, 0)).toEqual([]);
  });
});
