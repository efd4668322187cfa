/**
 * The conventions' validator for one field (docs/spec-conventions.md): the one place that decides whether
 * a value is one a correct service accepts, so that the generated scenarios and their expected outcomes
 * agree with what the scaffold builds.
 */
import { datePattern, emailPattern, type FieldDefinition } from "../../contracts/spec.js";

/** The marker for "leave this field out of the request", where other cases hold a value. */
export const omitted: unique symbol = Symbol("omitted");
export type Omitted = typeof omitted;

/** Whether a service following the conventions accepts `value` for `field` (`omitted` = left out). */
export function isValidValue(field: FieldDefinition, value: unknown): boolean {
  if (value === omitted) return !field.required;
  if (!hasFieldType(field, value)) return false;
  if (field.enum !== undefined && !field.enum.some((allowed) => allowed === value)) return false;
  if (typeof value === "number") return withinRange(field, value);
  if (typeof value === "string") return textAllowed(field, value);
  return true;
}

/** The length the conventions count: Unicode code points, not UTF-16 units. */
export function codePointLength(text: string): number {
  return [...text].length;
}

/** A regular expression that matches the field's pattern as a whole. */
export function wholePattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, "u");
}

function hasFieldType(field: FieldDefinition, value: unknown): boolean {
  switch (field.type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return typeof value === "string" && isCalendarDate(value);
    case "email":
      return typeof value === "string" && new RegExp(emailPattern, "u").test(value);
  }
}

function withinRange(field: FieldDefinition, value: number): boolean {
  if (field.min !== undefined && value < field.min) return false;
  return field.max === undefined || value <= field.max;
}

function textAllowed(field: FieldDefinition, value: string): boolean {
  const length = codePointLength(value);
  if (field.minLength !== undefined && length < field.minLength) return false;
  if (field.maxLength !== undefined && length > field.maxLength) return false;
  return field.pattern === undefined || wholePattern(field.pattern).test(value);
}

/** `YYYY-MM-DD` naming a day that exists in the proleptic Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  if (!new RegExp(datePattern).test(text)) return false;
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
