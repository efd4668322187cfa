/**
 * Boundary cases of text fields (strings, with or without a pattern, and emails): empty, shortest,
 * longest and one past, text in other scripts counted in code points, and near misses of a pattern.
 */
import fc from "fast-check";
import type { FieldDefinition } from "../../contracts/spec.js";
import type { CaseDraft } from "./boundary-case.js";
import { isValidValue, wholePattern } from "./is-valid-value.js";

/** Long enough to show a field without a maximum takes long text, well under a request's size limit. */
const longTextLength = 5000;

/** Text of `length` code points made of `unit` repeated (cut by code points). */
export function repeatText(unit: string, length: number): string {
  const codePoints = [...unit];
  return Array.from({ length }, (_, index) => codePoints[index % codePoints.length]).join("");
}

/** `text` padded with "x" to minLength and cut (by code points) to maxLength. */
export function fitText(text: string, field: FieldDefinition): string {
  const codePoints = [...text];
  const padded = codePoints.concat(
    Array.from({ length: Math.max(0, (field.minLength ?? 0) - codePoints.length) }, () => "x"),
  );
  return padded.slice(0, field.maxLength ?? padded.length).join("");
}

const scripts: readonly CaseDraft[] = [
  { label: "emoji", value: "🚀✨👍 ok 🎉", note: "emoji outside the Basic Multilingual Plane" },
  {
    label: "combining-marks",
    value: "Cafe\u0301 nai\u0308ve",
    note: "letters with combining accents",
  },
  { label: "right-to-left", value: "שלום עולם مرحبا", note: "Hebrew and Arabic, right to left" },
  { label: "mixed-scripts", value: "Ünïcødé ✓ 日本語", note: "Latin, symbols and CJK together" },
  {
    label: "surrounding-spaces",
    value: "  spaced out  ",
    note: "leading and trailing spaces kept",
  },
  { label: "line-breaks", value: "first line\nsecond\tline", note: "a newline and a tab" },
];

export function stringDrafts(field: FieldDefinition): CaseDraft[] {
  const drafts: CaseDraft[] = [{ label: "empty", value: "", note: "an empty string" }];
  drafts.push(...lengthDrafts(field));
  for (const script of scripts) {
    drafts.push({ ...script, value: fitText(String(script.value), field) });
  }
  if (field.pattern !== undefined) drafts.push(...patternDrafts(field, field.pattern));
  return drafts;
}

function lengthDrafts(field: FieldDefinition): CaseDraft[] {
  const drafts: CaseDraft[] = [];
  const { minLength, maxLength } = field;
  if (minLength !== undefined && minLength > 0) {
    drafts.push({
      label: "shortest",
      value: repeatText("x", minLength),
      note: `exactly minLength (${minLength}) characters`,
    });
    if (minLength > 1) {
      drafts.push({
        label: "shortest-minus-one",
        value: repeatText("x", minLength - 1),
        note: `one character fewer than minLength (${minLength})`,
      });
    }
  } else {
    drafts.push({ label: "single-character", value: "x", note: "a single character" });
  }
  if (maxLength === undefined) {
    drafts.push({
      label: "very-long",
      value: repeatText("lorem ipsum ", longTextLength),
      note: `${longTextLength} characters (no maxLength)`,
    });
    return drafts;
  }
  drafts.push(
    {
      label: "longest",
      value: repeatText("x", maxLength),
      note: `exactly maxLength (${maxLength}) characters`,
    },
    {
      label: "longest-plus-one",
      value: repeatText("x", maxLength + 1),
      note: `one character more than maxLength (${maxLength})`,
    },
    {
      label: "longest-emoji",
      value: repeatText("😀", maxLength),
      note: `maxLength (${maxLength}) emoji: code points, not UTF-16 units, are counted`,
    },
    {
      label: "longest-emoji-plus-one",
      value: repeatText("😀", maxLength + 1),
      note: `maxLength + 1 (${maxLength + 1}) emoji`,
    },
  );
  return drafts;
}

/** A value that matches, and small changes to it that should not: the pattern applies to the whole. */
function patternDrafts(field: FieldDefinition, pattern: string): CaseDraft[] {
  const matching = fc
    .sample(fc.stringMatching(wholePattern(pattern), { maxLength: field.maxLength ?? 40 }), {
      seed: 1,
      numRuns: 50,
    })
    .find((value) => isValidValue(field, value));
  if (matching === undefined) return [];
  const drafts: CaseDraft[] = [
    { label: "pattern-match", value: matching, note: `a value matching ${pattern}` },
  ];
  const nearMiss = nearMisses(matching).find((value) => !isValidValue(field, value));
  if (nearMiss !== undefined) {
    drafts.push({
      label: "pattern-near-miss",
      value: nearMiss,
      note: `one character away from matching ${pattern}`,
    });
  }
  drafts.push(
    {
      label: "pattern-trailing-newline",
      value: `${matching}\n`,
      note: "a match followed by a newline (the whole value must match)",
    },
    {
      label: "pattern-prefix",
      value: `${matching}!`,
      note: "a match followed by more text (the whole value must match)",
    },
  );
  return drafts;
}

/** Changes of one character: case swapped, a digit made a letter, a letter a digit, one dropped. */
function nearMisses(text: string): string[] {
  const codePoints = [...text];
  const variants: string[] = [];
  for (const [index, character] of codePoints.entries()) {
    const swapped =
      character === character.toUpperCase() ? character.toLowerCase() : character.toUpperCase();
    const replacement = /\d/.test(character) ? "O" : /[A-Za-z]/.test(character) ? "0" : "x";
    for (const changed of [swapped, replacement]) {
      if (changed !== character) {
        variants.push(
          [...codePoints.slice(0, index), changed, ...codePoints.slice(index + 1)].join(""),
        );
      }
    }
  }
  if (codePoints.length > 1) variants.push(codePoints.slice(0, -1).join(""));
  return variants;
}

const emailCases: readonly CaseDraft[] = [
  { label: "plus-address", value: "first.last+tag@example.com", note: "a plus address" },
  { label: "unicode-local-part", value: "jörg.müller@example.com", note: "non-ASCII letters" },
  { label: "mixed-case", value: "First.Last@Example.COM", note: "upper-case letters" },
  { label: "subdomain", value: "a@mail.example.co.uk", note: "a domain of several labels" },
  { label: "no-at", value: "first.last.example.com", note: "no @" },
  { label: "no-domain", value: "first.last@", note: "nothing after the @" },
  { label: "no-top-level-domain", value: "first.last@example", note: "a domain without a dot" },
  { label: "two-at", value: "first@last@example.com", note: "two @ signs" },
  { label: "space-inside", value: "first last@example.com", note: "a space in the address" },
  { label: "empty", value: "", note: "an empty string" },
];

export function emailDrafts(field: FieldDefinition): CaseDraft[] {
  const drafts = [...emailCases];
  const suffix = "@example.com";
  const { minLength, maxLength } = field;
  if (maxLength !== undefined && maxLength > suffix.length) {
    const local = maxLength - suffix.length;
    drafts.push(
      {
        label: "longest",
        value: `${repeatText("x", local)}${suffix}`,
        note: `exactly maxLength (${maxLength}) characters`,
      },
      {
        label: "longest-plus-one",
        value: `${repeatText("x", local + 1)}${suffix}`,
        note: `one character more than maxLength (${maxLength})`,
      },
    );
  }
  if (minLength !== undefined && minLength > suffix.length + 1) {
    drafts.push({
      label: "shortest-minus-one",
      value: `${repeatText("x", minLength - 1 - suffix.length)}${suffix}`,
      note: `one character fewer than minLength (${minLength})`,
    });
  }
  return drafts;
}
