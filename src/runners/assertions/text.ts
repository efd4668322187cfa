/**
 * Text assertions: `matches` (a regular expression), `contains` and `notContains` (plain text), on the
 * step's main text or on a command's stdout or stderr. Messages quote the start of the text, or for
 * `notContains` the place where the unwanted text was found.
 */
import { quote } from "../../scenarios/preview.js";
import { compilePattern } from "../../scenarios/text-pattern.js";

export interface Text {
  /** How messages name it: "the body", "stdout", "stderr", "the return value". */
  name: string;
  text: string;
}

export function checkMatches(pattern: string, subject: Text): string | undefined {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) return compiled.error;
  if (compiled.value.test(subject.text)) return undefined;
  return `expected ${subject.name} to match /${pattern}/; ${subject.name}: ${quote(subject.text)}`;
}

export function checkContains(needle: string, subject: Text): string | undefined {
  if (subject.text.includes(needle)) return undefined;
  return `expected ${subject.name} to contain ${quote(needle)}; ${subject.name}: ${quote(subject.text)}`;
}

const contextLength = 30;

export function checkNotContains(needle: string, subject: Text): string | undefined {
  const position = subject.text.indexOf(needle);
  if (position === -1) return undefined;
  const start = Math.max(0, position - contextLength);
  const excerpt = subject.text.slice(start, position + needle.length + contextLength);
  return `expected ${subject.name} not to contain ${quote(needle)}; found at character ${position}: ${quote(`${start > 0 ? "…" : ""}${excerpt}`, 120)}`;
}
