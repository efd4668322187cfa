/**
 * Realistic valid values for a field, drawn with fast-check from a seed: words for text, values matching a
 * pattern, enum members, calendar dates, plain email addresses, numbers within their bounds. The same
 * field, seed and count always give the same values, so a suite can be generated again byte for byte.
 */
import fc from "fast-check";
import type { FieldDefinition } from "../../contracts/spec.js";
import { isValidValue, wholePattern } from "./is-valid-value.js";

/** How many draws to try per wanted value before giving up on a hard-to-satisfy field. */
const drawsPerValue = 20;
/** Text without a maximum is kept readable: most values are at most this many code points. */
const readableLength = 40;

/** `count` valid values for `field` (fewer only when the field's constraints leave none to draw). */
export function validValues(field: FieldDefinition, seed: number, count: number): unknown[] {
  if (count <= 0) return [];
  const draws = fc.sample(arbitraryFor(field), { seed, numRuns: count * drawsPerValue });
  const valid = draws.filter((value) => isValidValue(field, value));
  if (valid.length === 0) return [];
  // Repeats are fine for a field with few values (an enum, a boolean); cycle through what was drawn.
  return Array.from({ length: count }, (_, index) => valid[index % valid.length] as unknown);
}

function arbitraryFor(field: FieldDefinition): fc.Arbitrary<unknown> {
  if (field.enum !== undefined) return fc.constantFrom(...field.enum);
  switch (field.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
      return integers(field);
    case "number":
      return decimals(field);
    case "date":
      return dates();
    case "email":
      return emails(field);
    case "string":
      return field.pattern === undefined ? texts(field) : patterned(field, field.pattern);
  }
}

function integers(field: FieldDefinition): fc.Arbitrary<number> {
  const [low, high] = readableRange(field);
  return fc.integer({ min: Math.ceil(low), max: Math.floor(high) });
}

/** Decimals with two places, like prices and measures; exact bounds are covered by the boundaries. */
function decimals(field: FieldDefinition): fc.Arbitrary<number> {
  const [low, high] = readableRange(field);
  const cents = fc.integer({ min: Math.ceil(low * 100), max: Math.floor(high * 100) });
  return cents.map((value) => (value === 0 ? 0 : value / 100));
}

/** Within min..max, and within ±1000 of where the field's range starts when it is open. */
function readableRange(field: FieldDefinition): [number, number] {
  const limit = Number.MAX_SAFE_INTEGER / 100;
  const low = field.min ?? (field.max !== undefined && field.max < 0 ? field.max - 1000 : 0);
  const high = field.max ?? low + 1000;
  return [Math.max(low, -limit), Math.min(high, limit, Math.max(low, -limit) + 1_000_000)];
}

function dates(): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
}

const domains = ["example.com", "example.org", "mail.example.net"];

function emails(field: FieldDefinition): fc.Arbitrary<string> {
  const word = fc.lorem({ maxCount: 1 });
  return fc
    .tuple(word, word, fc.nat({ max: 99 }), fc.constantFrom(...domains))
    .map(([first, last, number, domain]) => fitEmail(`${first}.${last}${number}`, domain, field));
}

/** Mostly words, sometimes any printable text, sometimes letters from other scripts. */
function texts(field: FieldDefinition): fc.Arbitrary<string> {
  const most = Math.min(
    field.maxLength ?? readableLength,
    Math.max(readableLength, field.minLength ?? 0),
  );
  const words = fc
    .lorem({ maxCount: 6 })
    .map((text) => text.charAt(0).toUpperCase() + text.slice(1));
  const printable = fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: most });
  const international = fc.string({ unit: "grapheme-composite", minLength: 1, maxLength: most });
  return fc
    .oneof(
      { arbitrary: words, weight: 6 },
      { arbitrary: printable, weight: 2 },
      { arbitrary: international, weight: 1 },
    )
    .map((text) => fitLength(text.trim() === "" ? "x" : text, field));
}

function patterned(field: FieldDefinition, pattern: string): fc.Arbitrary<string> {
  const maxLength = field.maxLength ?? Math.max(readableLength, field.minLength ?? 0);
  return fc.stringMatching(wholePattern(pattern), { maxLength });
}

/** Pads with letters to minLength and cuts (by code points) to maxLength. */
function fitLength(text: string, field: FieldDefinition): string {
  const codePoints = [...text];
  const minLength = field.minLength ?? 0;
  while (codePoints.length < minLength)
    codePoints.push(fillerLetters[codePoints.length % 26] ?? "x");
  if (field.maxLength === undefined || codePoints.length <= field.maxLength) {
    return codePoints.join("");
  }
  return codePoints.slice(0, field.maxLength).join("");
}

const fillerLetters = "abcdefghijklmnopqrstuvwxyz";

/** An address whose local part is padded or cut so the whole fits the field's lengths. */
function fitEmail(local: string, domain: string, field: FieldDefinition): string {
  const suffix = `@${domain}`;
  const localField = {
    ...field,
    minLength: Math.max(1, (field.minLength ?? 0) - suffix.length),
    maxLength: field.maxLength === undefined ? undefined : field.maxLength - suffix.length,
  };
  if (localField.maxLength !== undefined && localField.maxLength < 1) return `${local}${suffix}`;
  return `${fitLength(local, localField)}${suffix}`;
}
