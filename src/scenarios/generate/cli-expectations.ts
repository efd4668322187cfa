/**
 * What a cli step expects, per the conventions: a valid command line exits 0 and, trimmed, its stdout
 * matches `output.pattern`; `--help` exits 0 and prints something; a bad command line exits
 * `errors.usage` with a message on stderr and nothing on stdout. Patterns go through `escapeTemplate`,
 * since the runner renders templates in assertions too.
 */
import type { Assertion } from "../../contracts/scenario.js";
import type { CliErrorBehaviour } from "../../contracts/spec.js";
import { escapeTemplate } from "../template.js";

export function successExpectations(output: { pattern: string } | undefined): Assertion[] {
  const expectations: Assertion[] = [{ exitCode: 0 }];
  if (output !== undefined) {
    expectations.push({ stdoutMatches: escapeTemplate(trimmedOutputPattern(output.pattern)) });
  }
  return expectations;
}

/**
 * For a spec whose valid command lines may fail (it shows one that exits `errors.failure`, and the model
 * cannot say which): success as above, or a clean failure — the failure exit code and a message on
 * stderr. The output pattern is checked inside the expression when it means the same without the
 * Unicode flag (expressions compile patterns without flags); otherwise only the exit code is.
 */
export function successOrFailureExpectations(
  output: { pattern: string } | undefined,
  errors: CliErrorBehaviour,
): Assertion[] {
  const failure = `(exitCode == ${errors.failure} and stderr != '')`;
  const pattern = output === undefined ? undefined : trimmedOutputPattern(output.pattern);
  const success =
    pattern !== undefined && sameWithoutUnicodeFlag(pattern)
      ? `(exitCode == 0 and stdout ~= ${expressionString(pattern)})`
      : "exitCode == 0";
  return [{ expression: `${success} or ${failure}` }];
}

/** A string literal of the expression language: only `\\` and `\"` are escapes there. */
function expressionString(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

function sameWithoutUnicodeFlag(pattern: string): boolean {
  // `\p{L}`, `\u{…}` and astral characters mean something else without the flag; `{{` would be
  // escaped for templates, which the expression language cannot read.
  if (/\\[pPu]\{|\{\{|[\u{10000}-\u{10FFFF}]/u.test(pattern)) return false;
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** A valid line whose work fails by a rule of the model: the failure code, a message, no output. */
export function failureExpectations(errors: CliErrorBehaviour): Assertion[] {
  return [{ exitCode: errors.failure }, { stdoutMatches: "^$" }, { stderrMatches: "\\S" }];
}

export function usageExpectations(errors: CliErrorBehaviour): Assertion[] {
  return [{ exitCode: errors.usage }, { stdoutMatches: "^$" }, { stderrMatches: "\\S" }];
}

export function helpExpectations(): Assertion[] {
  return [{ exitCode: 0 }, { stdoutMatches: "\\S" }];
}

/** Exactly `text` once stdout is trimmed (a criterion's example output). */
export function exactOutputExpectations(text: string): Assertion[] {
  const pattern = `^\\s*${escapeRegExp(text.trim())}\\s*$`;
  return [{ exitCode: 0 }, { stdoutMatches: escapeTemplate(pattern) }];
}

export function escapeRegExp(text: string): string {
  // Only syntax characters: `\-` is an error in a Unicode pattern, which is how the runner compiles.
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

/**
 * The model's pattern for the trimmed output, as a pattern for the raw output: surrounding whitespace
 * (a final newline) is allowed, and the pattern's own anchors mean the ends of the trimmed text — a `^`
 * becomes "only whitespace before", a `$` "only whitespace after".
 */
export function trimmedOutputPattern(pattern: string): string {
  let rewritten = "";
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const character = pattern.charAt(index);
    if (character === "\\") {
      rewritten += pattern.slice(index, index + 2);
      index += 1;
    } else if (inClass) {
      rewritten += character;
      if (character === "]") inClass = false;
    } else if (character === "[") {
      inClass = true;
      rewritten += character;
    } else if (character === "^") {
      rewritten += "(?<=^\\s*)";
    } else if (character === "$") {
      rewritten += "(?=\\s*$)";
    } else {
      rewritten += character;
    }
  }
  return `^\\s*(?:${rewritten})\\s*$`;
}
