/**
 * The text the lint reads: code masked out (a code span is a value, not prose), then cut into sentences.
 * A code span becomes a placeholder the rules treat as a concrete value; without the Markdown, code-like
 * tokens (`{"title": "x"}`, `--from`, `/todos/{id}`, `HAM-0001`) are masked by their shape.
 */

/** What a code span becomes: rules never match inside it, and it counts as a concrete value. */
export const codePlaceholder = "‹code›";

const abbreviations = new Set([
  "e.g",
  "i.e",
  "etc",
  "vs",
  "cf",
  "approx",
  "incl",
  "no",
  "mr",
  "dr",
]);

/** `` `…` `` spans, as raw Markdown writes them, become the placeholder. */
export function maskBacktickSpans(text: string): string {
  return text.replace(/(`+)(?:(?!\1)[\s\S])+?\1/g, codePlaceholder);
}

/**
 * Exact code values (from the Markdown's inline code) become the placeholder, longest first so that a
 * value inside another is not masked twice.
 */
export function maskCodeValues(text: string, values: readonly string[]): string {
  let masked = text;
  const sorted = [...new Set(values)].filter((value) => value.trim() !== "");
  sorted.sort((left, right) => right.length - left.length);
  for (const value of sorted) masked = masked.split(value).join(codePlaceholder);
  return masked;
}

/** Tokens shaped like code rather than words: JSON, paths, options, identifiers with `_` or `=`. */
export function maskCodeLikeTokens(text: string): string {
  const withoutObjects = maskBalanced(text);
  return withoutObjects
    .split(/(\s+)/)
    .map((token) => (looksLikeCode(token) ? codePlaceholder : token))
    .join("");
}

function looksLikeCode(token: string): boolean {
  if (token.trim() === "" || token.includes(codePlaceholder)) return false;
  const bare = token.replace(/^[("']+|[)"'.,;:!?]+$/g, "");
  if (bare === "") return false;
  if (/[{}[\]<>=_/\\|$]/.test(bare)) return true;
  if (/^--?[a-z]/i.test(bare)) return true;
  if (/^[A-Z]{2,}-\d+$/.test(bare)) return true;
  return /[a-z][A-Z]/.test(bare) && !/^[A-Z]/.test(bare);
}

/** `{…}` and `[…]` groups, nested or not, as one placeholder each. */
function maskBalanced(text: string): string {
  let result = "";
  let depth = 0;
  for (const character of text) {
    if (character === "{" || character === "[") {
      if (depth === 0) result += codePlaceholder;
      depth += 1;
      continue;
    }
    if ((character === "}" || character === "]") && depth > 0) {
      depth -= 1;
      continue;
    }
    if (depth === 0) result += character;
  }
  return result;
}

/**
 * Sentences: a cut after `.`, `!` or `?` followed by a space and a capital letter, a digit or a
 * placeholder, except after an abbreviation (`e.g.`, `etc.` inside a sentence) or inside a number.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?](?=\s+(?:[A-Z0-9"“(]|‹code›))/g;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + 1;
    const before = text.slice(start, match.index);
    const lastWord = (/([A-Za-z.]+)$/.exec(before)?.[1] ?? "").toLowerCase();
    if (abbreviations.has(lastWord)) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  sentences.push(text.slice(start).trim());
  return sentences.filter((sentence) => sentence !== "");
}

/** Whole words of a sentence, lower-cased, placeholders dropped. */
export function wordsOf(sentence: string): string[] {
  return (sentence
    .replaceAll(codePlaceholder, " ")
    .toLowerCase()
    .match(/[a-z0-9][a-z0-9'-]*/g) ?? []) as string[];
}

/** A regular expression for a list of words or phrases, matched whole, any case. */
export function wordPattern(phrases: readonly string[], flags = "gi"): RegExp {
  const alternatives = [...phrases]
    .sort((left, right) => right.length - left.length)
    .map(phrasePattern);
  return new RegExp(`(?<![\\w-])(?:${alternatives.join("|")})(?![\\w-])`, flags);
}

/** A phrase as a regular expression: its characters literal, any whitespace between its words. */
export function phrasePattern(phrase: string): string {
  return escapeRegExp(phrase).replace(/ /g, "\\s+");
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
