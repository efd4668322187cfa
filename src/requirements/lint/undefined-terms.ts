/**
 * The `undefined-term` rule (info, and conservative): a capitalised or quoted term in a criterion that
 * the prose, the title and the model never mention ("a Gold Member gets free shipping", "the
 * 'settlement window'"). The builder has to guess what it means. Words that start a sentence, technical
 * acronyms and code are not terms.
 */
import type { LintFinding } from "../../contracts/lint.js";
import type { Spec } from "../../contracts/spec.js";
import type { SpecText } from "./spec-text.js";
import { codePlaceholder } from "./text-units.js";

const commonCapitalised = new Set([
  "i",
  "json",
  "http",
  "https",
  "url",
  "uri",
  "api",
  "id",
  "ids",
  "uuid",
  "utf",
  "csv",
  "sql",
  "html",
  "xml",
  "yaml",
  "cli",
  "ui",
  "ok",
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "head",
  "options",
  "unicode",
  "iso",
  "utc",
  "kib",
  "mib",
  "gib",
  "kb",
  "mb",
  "gb",
  "ms",
  "markdown",
  "javascript",
  "typescript",
  "node",
  "linux",
  "windows",
  "macos",
  "email",
  "pdf",
  "tcp",
  "tls",
  "ssl",
  "dns",
  "ip",
  "ascii",
  "ansi",
  "posix",
  "stdin",
  "stdout",
  "stderr",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
]);
const capitalisedRun = /(?<![\w'-])[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*/g;
/** Double quotes only: apostrophes ("the team's list") would read as quotes. */
const quoted = /["“]([^"”‹›]{2,40})["”]/g;

export function undefinedTerms(spec: Spec, text: SpecText): LintFinding[] {
  const known = vocabulary(spec);
  const reported = new Set<string>();
  const findings: LintFinding[] = [];
  for (const sentence of text.sentences) {
    if (sentence.kind !== "criterion") continue;
    for (const term of termsIn(sentence.text)) {
      const key = term.toLowerCase();
      if (reported.has(key) || isKnown(key, known)) continue;
      reported.add(key);
      findings.push({
        rule: "undefined-term",
        severity: "info",
        line: text.lineOf(term, sentence.line),
        text: term,
        message: `"${term}" is used in a criterion but the prose and the model never say what it is`,
        suggestion: `define it in the prose (e.g. 'A ${term} is …') or use the model's own words`,
      });
    }
  }
  return findings;
}

function termsIn(sentence: string): string[] {
  const terms: string[] = [];
  for (const match of sentence.matchAll(capitalisedRun)) {
    const before = sentence.slice(0, match.index).trimEnd();
    // A sentence's first word, or the first after a colon or "e.g.", is capitalised anyway.
    const opening = before === "" || /[:.!?]$/.test(before) || before.endsWith(codePlaceholder);
    const words = match[0].split(/\s+/).slice(opening ? 1 : 0);
    const term = words.join(" ");
    const meaningful = words.filter((word) => !commonCapitalised.has(word.toLowerCase()));
    if (meaningful.length === 0 || /^AC-?\d+$/i.test(term)) continue;
    if (meaningful.every((word) => /^[A-Z]{1,2}\d*$/.test(word))) continue;
    terms.push(term);
  }
  for (const match of sentence.matchAll(quoted)) {
    const term = (match[1] ?? "").trim();
    if (term !== "" && !/\d/.test(term)) terms.push(term);
  }
  return terms;
}

/** The prose, the title, the description and every string of the model, lower-cased. */
function vocabulary(spec: Spec): { text: string; words: Set<string> } {
  const parts = [
    spec.title,
    spec.frontMatter.name,
    spec.frontMatter.description ?? "",
    ...spec.prose.map((block) => block.text),
    ...modelStrings(spec.model?.model),
  ];
  const text = parts.join("\n").toLowerCase();
  return { text, words: new Set(text.match(/[a-z0-9'-]+/g) ?? []) };
}

function modelStrings(value: unknown): string[] {
  if (typeof value === "string") return [value.replace(/([a-z0-9])([A-Z])/g, "$1 $2")];
  if (typeof value !== "object" || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(modelStrings);
  return Object.entries(value).flatMap(([key, item]) => [
    key.replace(/([a-z0-9])([A-Z])/g, "$1 $2"),
    ...modelStrings(item),
  ]);
}

function isKnown(term: string, known: { text: string; words: Set<string> }): boolean {
  if (known.text.includes(term)) return true;
  const words = term.match(/[a-z0-9'-]+/g) ?? [];
  return words.every((word) => known.words.has(singular(word)) || known.words.has(word));
}

function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("es") && /(s|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith("s") ? word.slice(0, -1) : word;
}
