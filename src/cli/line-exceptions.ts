/**
 * `shopfloor exceptions` for a terminal: what the line could not decide, oldest first, each with its
 * reason, age, summary, the key evidence, and the `shopfloor decide` command a person runs next.
 */
import {
  type DecisionAction,
  decisionsForReason,
  type ExceptionReason,
  type LineException,
} from "../contracts/index.js";
import { plural } from "./format.js";
import { ageText, evidenceText, secondsBetween } from "./line-format.js";

const shownEvidence = 4;

/** How `shopfloor decide` is told each decision. */
const decisionFlags: Record<DecisionAction, string> = {
  approve: "--approve",
  reject: "--reject",
  retry: "--retry",
  clarify: "--clarify FILE",
  "change-profile": "--profile NAME",
  "raise-budget": "--raise-budget USD",
};

/** The `decide` flags that make sense for each reason, the likeliest first. */
export function suggestedActions(reason: ExceptionReason): string[] {
  return decisionsForReason[reason].map((action) => decisionFlags[action]);
}

export function renderExceptions(
  exceptions: readonly LineException[],
  now: Date,
  scope: "open" | "decided" | "all",
): string {
  if (exceptions.length === 0) {
    return scope === "open"
      ? "No open exceptions: the line decided everything itself.\n"
      : "No exceptions.\n";
  }
  const oldestFirst = [...exceptions].sort((left, right) =>
    left.openedAt.localeCompare(right.openedAt),
  );
  const title = `${plural(exceptions.length, scope === "all" ? "exception" : `${scope} exception`)}, oldest first:`;
  return `${[title, ...oldestFirst.map((exception) => renderException(exception, now))].join("\n\n")}\n`;
}

export function renderException(exception: LineException, now: Date): string {
  const age = ageText(secondsBetween(exception.openedAt, now));
  const build = exception.build === undefined ? "" : ` (build ${exception.build})`;
  const lines = [
    `${exception.id}  ${exception.workItem}${build}  ${exception.reason}  ${exception.state === "open" ? `open for ${age}` : "decided"}`,
    `  ${exception.summary}`,
    ...evidenceLines(exception.evidence),
  ];
  if (exception.state === "open") lines.push(`  decide: ${decideHint(exception)}`);
  return lines.join("\n");
}

function evidenceLines(evidence: Record<string, unknown>): string[] {
  const entries = Object.entries(evidence);
  const shown = entries
    .slice(0, shownEvidence)
    .map(
      ([key, value], index) =>
        `  ${index === 0 ? "evidence:" : "         "} ${key}: ${evidenceText(value)}`,
    );
  const more = entries.length - shownEvidence;
  if (more > 0) shown.push(`            … and ${more} more (shopfloor exceptions --json)`);
  return shown;
}

/** e.g. `shopfloor decide ex-7 --retry --reason "…"   (or --profile NAME, --approve, --reject)`. */
export function decideHint(exception: LineException): string {
  const [first = "--reject", ...others] = suggestedActions(exception.reason);
  const alternatives = others.length === 0 ? "" : `   (or ${others.join(", ")})`;
  return `shopfloor decide ${exception.id} ${first} --reason "…"${alternatives}`;
}
