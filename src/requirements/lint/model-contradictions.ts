/**
 * The `model-contradiction` rule: the prose (or a criterion) and the model say different things about a
 * field, so the builder follows one and the generated tests the other. Two kinds are read: required
 * against optional ("an optional due date" when the model requires `due`), and ranges ("a priority from
 * 1 to 5" when the model says `max: 3`, "a title over 200 characters is refused" when `maxLength` is
 * 100). A field name shared by several model fields is consistent when any of them agrees.
 */
import type { LintFinding } from "../../contracts/lint.js";
import type { Spec } from "../../contracts/spec.js";
import { type ModelField, modelFields, spokenNames } from "./model-fields.js";
import type { SpecText } from "./spec-text.js";
import { phrasePattern } from "./text-units.js";

/** Field names that are also common words: "required to", "from 1 to 5" say nothing about them. */
const commonWords = new Set(
  "to from in on at by for of as is it if or and not all any no do be with into up out off over id".split(
    " ",
  ),
);
const number = String.raw`(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?|zero)`;
const gap = String.raw`(?:\([^)]*\)\s*)?`;
type Bound = "min" | "max" | "minLength" | "maxLength";
interface Claim {
  bound: Bound;
  value: number;
  text: string;
}

const rangeClaims: { pattern: RegExp; bounds: [Bound, Bound] }[] = [
  {
    pattern: new RegExp(
      String.raw`(?:from|between|outside|within)\s+${number}\s+${gap}(?:to|and|-|–)\s+${number}\s+characters`,
      "i",
    ),
    bounds: ["minLength", "maxLength"],
  },
  {
    pattern: new RegExp(
      String.raw`(?:from|between|outside|within)\s+${number}\s+${gap}(?:to|and|-|–)\s+${number}`,
      "i",
    ),
    bounds: ["min", "max"],
  },
];
const boundClaims: { pattern: RegExp; bound: Bound }[] = [
  {
    pattern: new RegExp(
      String.raw`(?:at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|over|longer\s+than|more\s+than)\s+${number}\s+characters`,
      "i",
    ),
    bound: "maxLength",
  },
  {
    pattern: new RegExp(
      String.raw`(?:at\s+least|no\s+fewer\s+than|shorter\s+than|fewer\s+than)\s+${number}\s+characters`,
      "i",
    ),
    bound: "minLength",
  },
  {
    pattern: new RegExp(
      String.raw`(?:below|under|less\s+than|at\s+least)\s+${number}(?!\d|[.,]\d)(?!\s*characters)`,
      "i",
    ),
    bound: "min",
  },
  {
    pattern: new RegExp(
      String.raw`(?:above|over|more\s+than|greater\s+than|at\s+most|up\s+to)\s+${number}(?!\d|[.,]\d)(?!\s*characters)`,
      "i",
    ),
    bound: "max",
  },
];
const windowWords = 10;

export function modelContradictions(spec: Spec, text: SpecText): LintFinding[] {
  const byName = new Map<string, ModelField[]>();
  for (const field of modelFields(spec.model)) {
    if (commonWords.has(field.name.toLowerCase())) continue;
    for (const spoken of spokenNames(field.name))
      byName.set(spoken, [...(byName.get(spoken) ?? []), field]);
  }
  if (byName.size === 0) return [];
  const names = [...byName.keys()].sort((left, right) => right.length - left.length);
  const anyName = new RegExp(
    `(?<![\\w-])(?:${names.map(phrasePattern).join("|")})(?![\\w-])`,
    "gi",
  );
  const findings: LintFinding[] = [];
  for (const sentence of text.sentences) {
    for (const match of sentence.text.matchAll(anyName)) {
      const spoken = match[0].toLowerCase();
      const fields = byName.get(spoken) ?? [];
      const after = windowAfter(sentence.text, match.index + match[0].length, anyName);
      const before = sentence.text.slice(Math.max(0, match.index - 40), match.index);
      const line = text.lineOf(match[0], sentence.line);
      findings.push(
        ...requiredContradictions(spoken, fields, before, after, line),
        ...rangeContradictions(spoken, fields, after, line),
      );
    }
  }
  return findings;
}

function requiredContradictions(
  spoken: string,
  fields: readonly ModelField[],
  before: string,
  after: string,
  line: number,
): LintFinding[] {
  const saysOptional =
    /optional\s+(?:\w+\s+)?$/i.test(before) ||
    /^\s+(?:\w+\s+)?(?:is|are)\s+optional\b|^\s+(?:\w+\s+)?(?:may|can)\s+be\s+(?:omitted|left\s+out|missing)\b/i.test(
      after,
    );
  const saysRequired =
    /(?:required|mandatory)\s+(?:\w+\s+)?$/i.test(before) ||
    /^\s+(?:\w+\s+)?(?:is|are)\s+(?:always\s+)?(?:required|mandatory)\b|^\s+(?:\w+\s+)?must\s+(?:always\s+)?be\s+(?:given|provided|present|supplied)\b/i.test(
      after,
    );
  if (saysOptional === saysRequired) return [];
  if (fields.some((field) => field.field.required === saysRequired)) return [];
  const place = fields[0]?.place ?? spoken;
  const prose = saysRequired ? "required" : "optional";
  const model = saysRequired ? "optional (required: false)" : "required";
  return [
    contradiction(
      line,
      spoken,
      `the text calls ${spoken} ${prose}; the model makes ${place} ${model}`,
      `make them agree: set \`required: ${saysRequired}\` on ${place}, or change the sentence`,
    ),
  ];
}

function rangeContradictions(
  spoken: string,
  fields: readonly ModelField[],
  after: string,
  line: number,
): LintFinding[] {
  const claims: Claim[] = [];
  for (const { pattern, bounds } of rangeClaims) {
    const match = pattern.exec(after);
    if (match === null) continue;
    claims.push({ bound: bounds[0], value: parseNumber(match[1]), text: match[0] });
    claims.push({ bound: bounds[1], value: parseNumber(match[2]), text: match[0] });
    break;
  }
  for (const { pattern, bound } of boundClaims) {
    const match = pattern.exec(after);
    if (match !== null && !claims.some((claim) => claim.bound === bound))
      claims.push({ bound, value: parseNumber(match[1]), text: match[0] });
  }
  const findings: LintFinding[] = [];
  for (const claim of claims) {
    const textual = claim.bound === "minLength" || claim.bound === "maxLength";
    const applicable = fields.filter((field) =>
      textual
        ? ["string", "email"].includes(field.field.type)
        : ["integer", "number"].includes(field.field.type),
    );
    if (applicable.length === 0 || Number.isNaN(claim.value)) continue;
    if (applicable.some((field) => field.field[claim.bound] === claim.value)) continue;
    const field = applicable[0] as ModelField;
    const modelValue = field.field[claim.bound];
    findings.push(
      contradiction(
        line,
        `${spoken} ${claim.text}`.trim(),
        `the text gives ${spoken} a ${claim.bound} of ${claim.value} ("${claim.text}"); the model's ${field.place} has ${modelValue === undefined ? `no ${claim.bound}` : `${claim.bound}: ${modelValue}`}`,
        `make them agree: \`${claim.bound}: ${claim.value}\` on ${field.place}, or change the sentence`,
      ),
    );
  }
  return findings;
}

/** The words after a field's name, up to the next field name, `;` or `:`, at most `windowWords`. */
function windowAfter(sentence: string, start: number, anyName: RegExp): string {
  const rest = sentence.slice(start);
  const nextName = new RegExp(anyName.source, "i").exec(rest)?.index ?? rest.length;
  const stop = Math.min(nextName, ...[";", ":"].map((mark) => indexOrEnd(rest, mark)));
  return rest
    .slice(0, stop)
    .split(/(?<=\s)/)
    .slice(0, windowWords)
    .join("");
}

function indexOrEnd(text: string, mark: string): number {
  const index = text.indexOf(mark);
  return index === -1 ? text.length : index;
}

function parseNumber(written: string | undefined): number {
  if (written === undefined) return Number.NaN;
  if (written.toLowerCase() === "zero") return 0;
  return Number(written.replaceAll(",", ""));
}

function contradiction(
  line: number,
  text: string,
  message: string,
  suggestion: string,
): LintFinding {
  return { rule: "model-contradiction", severity: "error", line, text, message, suggestion };
}
