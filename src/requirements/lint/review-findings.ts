/**
 * Checking what a language model proposes before it reaches a report: each finding must match the
 * schema, name a line the spec has, and quote words that are on that line (give or take one line
 * before and two after, as a wrapped sentence runs on). Anything else is dropped and counted; a finding
 * that repeats one the rules already made is left out.
 */
import type { LintFinding } from "../../contracts/lint.js";
import { ProposedFinding } from "./review-prompt.js";

export interface CheckedFindings {
  kept: LintFinding[];
  dropped: number;
}

const longestQuote = 300;

export function checkProposedFindings(
  proposed: readonly unknown[],
  specText: string,
  known: readonly LintFinding[],
): CheckedFindings {
  const lines = specText.split(/\r?\n/);
  const kept: LintFinding[] = [];
  let dropped = 0;
  for (const raw of proposed) {
    const parsed = ProposedFinding.safeParse(raw);
    if (!parsed.success || !quotesTheSpec(parsed.data.line, parsed.data.text, lines)) {
      dropped += 1;
      continue;
    }
    const { line, severity, message, suggestion } = parsed.data;
    const text = parsed.data.text.trim();
    if ([...known, ...kept].some((finding) => repeats(finding, line, text))) continue;
    kept.push({
      rule: "llm-review",
      severity,
      line,
      text,
      message: message.trim(),
      suggestion: suggestion.trim(),
    });
  }
  return { kept, dropped };
}

function quotesTheSpec(line: number, text: string, lines: readonly string[]): boolean {
  const quote = normalise(text);
  if (quote === "" || text.length > longestQuote) return false;
  if (line < 1 || line > lines.length) return false;
  const nearby = normalise(lines.slice(Math.max(0, line - 2), line + 2).join(" "));
  return nearby.includes(quote);
}

/** Quotes are compared without Markdown's emphasis and backticks, whitespace collapsed, any case. */
function normalise(text: string): string {
  return text
    .replace(/[`*_]/g, "")
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function repeats(finding: LintFinding, line: number, text: string): boolean {
  if (finding.line !== line || finding.text === "") return false;
  const left = normalise(finding.text);
  const right = normalise(text);
  return left.includes(right) || right.includes(left);
}
