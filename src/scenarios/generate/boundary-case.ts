/**
 * A boundary case: one value at or just past the edge of what a field accepts, labelled for scenario ids
 * (`longest-plus-one`), with whether the conventions accept it. Validity is never guessed: it is what
 * `isValidValue` says, so an expected outcome cannot disagree with the validator.
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import type { Omitted } from "./is-valid-value.js";
import { isValidValue } from "./is-valid-value.js";

export interface BoundaryCase {
  /** Lower-case words joined by '-', usable in a scenario id: `longest-plus-one`. */
  label: string;
  value: unknown | Omitted;
  valid: boolean;
  /** What the case is, for a scenario's title: `one code point more than maxLength (200)`. */
  note: string;
}

/** A case before its validity is decided. */
export interface CaseDraft {
  label: string;
  value: unknown;
  note: string;
}

/** Decides each draft's validity and drops later drafts whose value repeats an earlier one. */
export function decideCases(field: FieldDefinition, drafts: readonly CaseDraft[]): BoundaryCase[] {
  const cases: BoundaryCase[] = [];
  for (const draft of drafts) {
    if (cases.some((existing) => Object.is(existing.value, draft.value))) continue;
    if (cases.some((existing) => existing.label === draft.label)) continue;
    cases.push({ ...draft, valid: isValidValue(field, draft.value) });
  }
  return cases;
}

/** A label part made from a value: `enum-high`, or `enum-2` when the value is not a plain word. */
export function labelPart(value: unknown, index: number): string {
  const text = String(value).toLowerCase();
  return /^[a-z0-9][a-z0-9-]{0,30}$/.test(text) ? text : String(index + 1);
}
