import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import {
  boundaryCases,
  isValidValue,
  omitted,
  typeConfusionValues,
  validValues,
} from "./field-values.js";

const fields = [
  { type: "string", required: true, minLength: 1, maxLength: 200 },
  { type: "string", unique: true, pattern: "^[A-Z]{3}-[0-9]{4}$" },
  { type: "integer", min: 0, default: 0 },
  { type: "number", min: -1.5, max: 1e6 },
  { type: "boolean", default: false },
  { type: "date", required: true },
  { type: "email", maxLength: 64 },
  { type: "string", enum: ["low", "high"], default: "low" },
  { type: "integer", enum: [1, 2, 3] },
].map((definition) => FieldDefinition.parse(definition));

describe("field values together", () => {
  it("agree with the validator: valid draws, decided boundaries, refused confusions", () => {
    for (const field of fields) {
      for (const value of validValues(field, 11, 15)) expect(isValidValue(field, value)).toBe(true);
      for (const entry of boundaryCases(field, { required: field.required })) {
        expect(entry.valid, `${field.type} ${entry.label}`).toBe(isValidValue(field, entry.value));
      }
      for (const value of typeConfusionValues(field))
        expect(isValidValue(field, value)).toBe(false);
    }
  });

  it("has at least one valid and one invalid boundary for every constrained field", () => {
    for (const field of fields) {
      const cases = boundaryCases(field, { required: true });
      expect(cases.some((entry) => entry.valid)).toBe(true);
      expect(cases.some((entry) => !entry.valid)).toBe(true);
      expect(cases.find((entry) => entry.value === omitted)?.valid).toBe(false);
    }
  });
});
