/**
 * A function's `returns` field as a JSON Schema (draft-07, as the `jsonSchema` assertion reads it): its
 * type, bounds, lengths (code points, as Ajv counts them), pattern (anchored: it applies to the whole
 * value), enum, and the conventions' date and email formats. Strings are escaped for the runner's
 * templates, so a `{{` in a pattern stays a `{{`.
 */
import { emailPattern, type FieldDefinition } from "../../contracts/spec.js";
import { escapeTemplate } from "../template.js";

export function returnsSchema(field: FieldDefinition): Record<string, unknown> {
  const schema: Record<string, unknown> = { ...typeSchema(field) };
  if (field.min !== undefined) schema.minimum = field.min;
  if (field.max !== undefined) schema.maximum = field.max;
  if (field.minLength !== undefined) schema.minLength = field.minLength;
  if (field.maxLength !== undefined) schema.maxLength = field.maxLength;
  if (field.pattern !== undefined) schema.pattern = escapeTemplate(`^(?:${field.pattern})$`);
  if (field.enum !== undefined) {
    schema.enum = field.enum.map((value) =>
      typeof value === "string" ? escapeTemplate(value) : value,
    );
  }
  return schema;
}

function typeSchema(field: FieldDefinition): Record<string, unknown> {
  switch (field.type) {
    case "string":
    case "integer":
    case "number":
    case "boolean":
      return { type: field.type };
    case "date":
      return { type: "string", format: "date" };
    case "email":
      return { type: "string", pattern: emailPattern };
  }
}
