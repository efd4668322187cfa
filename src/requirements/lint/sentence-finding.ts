/** What a sentence-level rule reports: a finding without its line, which the caller knows. */
import type { LintFinding } from "../../contracts/lint.js";

export type SentenceFinding = Omit<LintFinding, "line">;

/** A sentence-level rule: the findings in one sentence, already masked of code. */
export type SentenceRule = (sentence: string) => SentenceFinding[];

/** Every match of a global pattern, with its index, skipping those `keep` refuses. */
export function matchesOf(
  pattern: RegExp,
  sentence: string,
  keep: (match: RegExpExecArray) => boolean = () => true,
): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
  );
  for (let match = global.exec(sentence); match !== null; match = global.exec(sentence)) {
    if (keep(match)) found.push(match);
  }
  return found;
}

/**
 * A measure within `words` words of a position: "large files up to 10 MB" is measured. A status or an
 * exit code ("is refused with 400", "exits 2") measures nothing.
 */
export function numberNear(sentence: string, index: number, length: number, words = 6): boolean {
  const before = sentence.slice(0, index).split(/\s+/).slice(-words).join(" ");
  const after = sentence
    .slice(index + length)
    .split(/\s+/)
    .slice(0, words + 1)
    .join(" ");
  return [before, after].some((text) => /\d/.test(text.replace(outcomeCode, "")));
}

const outcomeCode =
  /(?<![\w-])(?:with|answers?|answered|returns?|exits?|status|code|gets?)\s+(?:[1-5]\d\d|[1-5]xx|\d{1,3})(?!\w|\.\d)/gi;
