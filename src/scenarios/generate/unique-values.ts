/**
 * Values that must not collide between parallel trials and repeats of a scenario (unique fields). A value
 * is built with a stand-in for `{{ trial.token }}` (ten characters of the same alphabet, so lengths and
 * validity stay exact), checked like any value, and turned into a template only when written into a step.
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import { escapeTemplate } from "../template.js";
import { codePointLength, isValidValue } from "./is-valid-value.js";

/** Stands for `{{ trial.token }}` (ten characters of [a-z0-9]) until a value is written into a step. */
export const tokenStandIn = "t0k3nt0k3n";
const tokenPlaceholder = "{{ trial.token }}";

/**
 * A value as it goes into a step: every string escaped (so `{{` reaches the target as written), then the
 * stand-in replaced by the trial's token. Arrays and plain objects are converted recursively.
 */
export function toTemplate(value: unknown): unknown {
  if (typeof value === "string") {
    return escapeTemplate(value).replaceAll(tokenStandIn, tokenPlaceholder);
  }
  if (Array.isArray(value)) return value.map(toTemplate);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toTemplate(item)]));
  }
  return value;
}

/** Whether a field's values can carry the trial's token: free text of 16 or more characters, or email. */
export function canCarryToken(field: FieldDefinition): boolean {
  if (field.enum !== undefined) return false;
  if (field.type === "email") return field.maxLength === undefined || field.maxLength >= 23;
  if (field.type !== "string" || field.pattern !== undefined) return false;
  return field.maxLength === undefined || field.maxLength >= 16;
}

/**
 * `value` made unique to the trial when the field allows it, or undefined when it cannot carry the token
 * or the result would not be valid. `append` (normal values) cuts the text to make room and appends the
 * token; `keep-length` (boundary cases) replaces the end of the text so its length stays the same. An
 * index keeps several records of one trial apart; an email becomes `u<index><token>@example.com`.
 */
export function withToken(
  field: FieldDefinition,
  value: unknown,
  mode: "append" | "keep-length",
  index = 0,
): string | undefined {
  if (!canCarryToken(field)) return undefined;
  const token = index === 0 ? tokenStandIn : `${tokenStandIn}${index}`;
  const candidate =
    field.type === "email"
      ? `u${index}${tokenStandIn}@example.com`
      : mode === "append"
        ? appendToken(field, String(value), token)
        : replaceEnd(String(value), token);
  return candidate !== undefined && isValidValue(field, candidate) ? candidate : undefined;
}

function appendToken(field: FieldDefinition, text: string, token: string): string {
  const room = (field.maxLength ?? Number.POSITIVE_INFINITY) - codePointLength(token) - 1;
  const kept = [...text].slice(0, Math.max(0, room)).join("").trimEnd();
  return kept === "" ? token : `${kept} ${token}`;
}

function replaceEnd(text: string, token: string): string | undefined {
  const codePoints = [...text];
  const tokenSize = codePointLength(token);
  if (codePoints.length < tokenSize) return undefined;
  if (codePoints.length === tokenSize) return token;
  return `${codePoints.slice(0, codePoints.length - tokenSize - 1).join("")} ${token}`;
}

/** Whether a value holds the token (so trials cannot collide on it). */
export function holdsToken(value: unknown): boolean {
  return typeof value === "string" && value.includes(tokenStandIn);
}
