/**
 * Whether a value fits a field of the model, as docs/spec-conventions.md defines it: the type, min/max,
 * length in code points, the pattern as a whole, the enum, a real calendar date, the email pattern. Used to
 * refuse a `default` its own field would refuse, and enum values of the wrong type.
 */
import {
  datePattern,
  emailPattern,
  type FieldDefinition,
  type FieldType,
} from "../contracts/spec.js";

/** Why `value` does not fit `field`, or undefined when it does. */
export function valueProblem(field: FieldDefinition, value: unknown): string | undefined {
  const shown = JSON.stringify(value);
  if (!hasType(field.type, value)) return `${shown} is not a valid ${field.type}`;
  if (typeof value === "number") {
    if (field.min !== undefined && value < field.min) return `${shown} is below min ${field.min}`;
    if (field.max !== undefined && value > field.max) return `${shown} is above max ${field.max}`;
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (field.minLength !== undefined && length < field.minLength)
      return `${shown} is shorter than minLength ${field.minLength}`;
    if (field.maxLength !== undefined && length > field.maxLength)
      return `${shown} is longer than maxLength ${field.maxLength}`;
    if (field.pattern !== undefined && !matchesWhole(field.pattern, value))
      return `${shown} does not match pattern ${JSON.stringify(field.pattern)}`;
  }
  if (field.enum !== undefined && !field.enum.includes(value as string | number))
    return `${shown} is not one of the enum values ${field.enum.map((item) => JSON.stringify(item)).join(", ")}`;
  return undefined;
}

/** Whether `value` is of the field type `type`, before any constraint. */
export function hasType(type: FieldType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "email":
      return typeof value === "string" && new RegExp(emailPattern, "u").test(value);
    case "date":
      return typeof value === "string" && isCalendarDate(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
  }
}

function matchesWhole(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, "u").test(value);
  } catch {
    // An invalid pattern is a problem of its own, reported by the schema.
    return true;
  }
}

function isCalendarDate(text: string): boolean {
  if (!new RegExp(datePattern, "u").test(text)) return false;
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
