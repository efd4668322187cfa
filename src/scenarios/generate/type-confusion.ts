/**
 * Values of the wrong JSON type for a field: what a service that trusts its input's types gets wrong
 * (`"3"` for an integer, `3.5` for an integer, `null` for anything, arrays and objects for scalars).
 * Every value returned is one the conventions refuse.
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import { isValidValue } from "./is-valid-value.js";

export function typeConfusionValues(field: FieldDefinition): unknown[] {
  const common: unknown[] = [null, [], {}, ["a"], { value: 1 }];
  return [...common, ...wrongScalars(field)].filter((value) => !isValidValue(field, value));
}

function wrongScalars(field: FieldDefinition): unknown[] {
  switch (field.type) {
    case "integer":
      return ["3", "", true, 3.5, 1.000001, [3]];
    case "number":
      return ["3.5", "", true, "NaN", [3.5]];
    case "boolean":
      return ["true", "false", 1, 0, "yes", [true]];
    case "string":
      return [42, 0, true, false, [stringSample(field)]];
    case "date":
      return [20240105, 1704412800000, true, ["2024-01-05"]];
    case "email":
      return [42, true, ["first.last@example.com"]];
  }
}

function stringSample(field: FieldDefinition): string {
  const first = field.enum?.find((value) => typeof value === "string");
  return typeof first === "string" ? first : "text";
}
