/**
 * Every boundary case of a field, by type: numbers at and past their bounds (and zero, negatives, huge
 * and unsafe integers), text at and past its lengths and in other scripts, pattern near misses, calendar
 * edge dates, malformed emails, each enum value and a wrong-case one, and the field left out.
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import { type BoundaryCase, type CaseDraft, decideCases, labelPart } from "./boundary-case.js";
import { omitted } from "./is-valid-value.js";
import { emailDrafts, stringDrafts } from "./text-boundary-cases.js";

export type { BoundaryCase } from "./boundary-case.js";

export function boundaryCases(
  field: FieldDefinition,
  options: { required: boolean },
): BoundaryCase[] {
  const effective: FieldDefinition = { ...field, required: options.required };
  const drafts = [...enumDrafts(field), ...typeDrafts(field)];
  drafts.push({
    label: "missing",
    value: omitted,
    note: options.required ? "left out although required" : "left out (optional)",
  });
  return byRevealingPower(decideCases(effective, drafts));
}

// A value just past a limit finds a missing validation, the most common fault; a value at a limit finds
// an off-by-one. Suites are cut to a count, so these come first, in a stable order.
const justPast = new Set([
  "below-min",
  "above-max",
  "shortest-minus-one",
  "longest-plus-one",
  "pattern-near-miss",
  "not-in-enum",
]);
const atLimit = new Set(["min", "max", "shortest", "longest", "pattern-match"]);

function byRevealingPower(cases: BoundaryCase[]): BoundaryCase[] {
  const rank = (boundary: BoundaryCase) => {
    if (justPast.has(boundary.label) || (boundary.label === "missing" && !boundary.valid)) return 0;
    return atLimit.has(boundary.label) ? 1 : 2;
  };
  return cases
    .map((boundary, index) => ({ boundary, index }))
    .sort((left, right) => rank(left.boundary) - rank(right.boundary) || left.index - right.index)
    .map(({ boundary }) => boundary);
}

function typeDrafts(field: FieldDefinition): CaseDraft[] {
  switch (field.type) {
    case "integer":
    case "number":
      return numberDrafts(field);
    case "string":
      return stringDrafts(field);
    case "email":
      return emailDrafts(field);
    case "date":
      return dateDrafts;
    case "boolean":
      return [
        { label: "true", value: true, note: "true" },
        { label: "false", value: false, note: "false" },
      ];
  }
}

function enumDrafts(field: FieldDefinition): CaseDraft[] {
  if (field.enum === undefined) return [];
  const values = field.enum;
  const drafts: CaseDraft[] = values.map((value, index) => ({
    label: `enum-${labelPart(value, index)}`,
    value,
    note: `the allowed value ${JSON.stringify(value)}`,
  }));
  const wrongCase = values
    .filter((value): value is string => typeof value === "string")
    .map(swapCase)
    .find((value) => !values.includes(value));
  if (wrongCase !== undefined) {
    drafts.push({
      label: "enum-wrong-case",
      value: wrongCase,
      note: `${JSON.stringify(wrongCase)}: an allowed value in the wrong case`,
    });
  }
  const numbers = values.filter((value): value is number => typeof value === "number");
  const outside = numbers.length > 0 ? Math.max(...numbers) + 1 : "not-a-listed-value";
  drafts.push({
    label: "not-in-enum",
    value: outside,
    note: `${JSON.stringify(outside)}: not listed`,
  });
  return drafts;
}

function swapCase(text: string): string {
  const upper = text.toUpperCase();
  return upper === text ? text.toLowerCase() : upper;
}

function numberDrafts(field: FieldDefinition): CaseDraft[] {
  const integer = field.type === "integer";
  const drafts: CaseDraft[] = [];
  if (field.min !== undefined) {
    const min = integer ? Math.ceil(field.min) : field.min;
    const below = integer ? min - 1 : nextDown(min);
    drafts.push(
      { label: "min", value: min, note: `the minimum, ${min}` },
      { label: "below-min", value: below, note: `${below}, just below the minimum ${min}` },
    );
    if (integer) drafts.push({ label: "min-plus-one", value: min + 1, note: `${min + 1}` });
  }
  if (field.max !== undefined) {
    const max = integer ? Math.floor(field.max) : field.max;
    const above = integer ? max + 1 : nextUp(max);
    drafts.push(
      { label: "max", value: max, note: `the maximum, ${max}` },
      { label: "above-max", value: above, note: `${above}, just above the maximum ${max}` },
    );
    if (integer) drafts.push({ label: "max-minus-one", value: max - 1, note: `${max - 1}` });
  }
  drafts.push(
    { label: "zero", value: 0, note: "zero" },
    { label: "negative", value: integer ? -1 : -0.5, note: "a negative number" },
    { label: "huge", value: 1e308, note: "1e308, near the largest double" },
    {
      label: "unsafe-integer",
      value: 2 ** 53 + 1,
      note: "2^53 + 1, past the integers a double holds exactly (sent as 9007199254740992)",
    },
  );
  if (!integer) {
    drafts.push(
      { label: "negative-zero", value: -0, note: "-0" },
      { label: "fraction", value: 0.1, note: "0.1, not exact in binary" },
    );
  }
  return drafts;
}

/** The next double above `value` (the nearest representable step). */
export function nextUp(value: number): number {
  if (value === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, value > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

export function nextDown(value: number): number {
  return -nextUp(-value);
}

const dateDrafts: CaseDraft[] = [
  { label: "leap-day", value: "2024-02-29", note: "29 February of a leap year" },
  { label: "not-a-leap-day", value: "2023-02-29", note: "29 February of a common year" },
  { label: "month-13", value: "2024-13-01", note: "month 13" },
  { label: "april-31", value: "2024-04-31", note: "31 April" },
  { label: "day-zero", value: "2024-01-00", note: "day 0" },
  { label: "year-end", value: "1999-12-31", note: "the last day of a year" },
  { label: "epoch", value: "1970-01-01", note: "1 January 1970" },
  { label: "far-future", value: "9999-12-31", note: "the last day of year 9999" },
  { label: "unpadded", value: "2024-1-5", note: "month and day without leading zeros" },
  { label: "with-time", value: "2024-01-05T10:00:00Z", note: "a date with a time" },
  { label: "other-format", value: "05/01/2024", note: "day/month/year" },
  { label: "empty", value: "", note: "an empty string" },
];
