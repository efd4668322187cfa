/**
 * The gate's feedback for an agent that has to try again: built from a verdict (how far each category
 * fell short, the error clusters, a few failures by title) and rendered as text for a prompt. It never
 * carries a scenario's steps, only titles and error messages: the holdout suite stays hidden.
 */
import type { FeedbackReport } from "../contracts/agent-run.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import type { GateVerdict } from "../contracts/gate-verdict.js";

/** Failures shown in full, and the longest error text kept of each. */
const exampleCount = 5;
const errorCharacters = 600;

/**
 * The feedback of a verdict that did not approve. `titles` gives each scenario's title by id; a
 * scenario without one is named by its id.
 */
export function feedbackFromVerdict(
  verdict: GateVerdict,
  titles: Readonly<Record<string, string>> = {},
): FeedbackReport {
  if (verdict.decision === "approve") {
    throw new InvalidArgumentError("an approved build needs no feedback", "decision");
  }
  const clusters = [...verdict.errorClusters].sort((left, right) => right.trials - left.trials);
  return {
    decision: verdict.decision,
    reason: verdict.reason,
    categories: verdict.categories.map((category) => ({
      category: category.category,
      passed: category.passed,
      failed: category.failed,
      passRate: category.passRate,
      threshold: category.threshold,
    })),
    errorClusters: clusters.map((cluster) => ({
      signature: cluster.signature,
      count: cluster.trials,
      example: shorten(cluster.example.error),
    })),
    examples: clusters.slice(0, exampleCount).map((cluster) => ({
      title: titles[cluster.example.scenario] ?? cluster.example.scenario,
      error: shorten(cluster.example.error),
    })),
  };
}

/** The feedback as Markdown a coding agent reads before its next attempt. */
export function renderFeedback(report: FeedbackReport): string {
  const lines = [
    "## What the quality gate found in the previous build",
    "",
    `Decision: ${report.decision}. ${report.reason}`,
    "",
    "| category | passed | failed | pass rate | required |",
    "| --- | --- | --- | --- | --- |",
    ...report.categories.map(
      (category) =>
        `| ${category.category} | ${category.passed} | ${category.failed} | ${rate(category.passRate)} | ${rate(category.threshold)} |`,
    ),
  ];
  if (report.errorClusters.length > 0) {
    lines.push("", "### Failures by kind, most frequent first", "");
    for (const cluster of report.errorClusters) {
      lines.push(`- ${cluster.count}× ${cluster.signature}`, `  e.g. ${oneLine(cluster.example)}`);
    }
  }
  if (report.examples.length > 0) {
    lines.push("", "### Failing scenarios", "");
    for (const example of report.examples) {
      lines.push(`- "${example.title}": ${oneLine(example.error)}`);
    }
  }
  lines.push(
    "",
    "The scenarios themselves are held out: fix the behaviour the spec asks for, not these examples.",
  );
  return `${lines.join("\n")}\n`;
}

function rate(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toFixed(1)}%`;
}

function shorten(text: string): string {
  return text.length > errorCharacters ? `${text.slice(0, errorCharacters)}…` : text;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ⏎ ");
}
