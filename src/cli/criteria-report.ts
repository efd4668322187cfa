/**
 * The acceptance criteria after a run, for a terminal: which the build meets (every covering scenario
 * passed), which it does not, and which no scenario tests.
 */
import type { CriterionEvidence } from "../gate/criteria-evidence.js";
import { textTable } from "./text-table.js";

const textWidth = 60;

export function renderCriteriaReport(evidence: readonly CriterionEvidence[]): string {
  if (evidence.length === 0) return "";
  const met = evidence.filter((criterion) => criterion.scenarios > 0 && criterion.failed === 0);
  const notMet = evidence.filter((criterion) => criterion.failed > 0);
  const untested = evidence.filter((criterion) => criterion.scenarios === 0);
  const summary = [
    `${met.length} met`,
    `${notMet.length} not met`,
    ...(untested.length > 0 ? [`${untested.length} untested`] : []),
  ].join(", ");
  const rows = evidence.map((criterion) => [
    criterion.id,
    verdictOf(criterion),
    String(criterion.scenarios),
    String(criterion.failed),
    cut(criterion.text),
  ]);
  const table = textTable(["criterion", "", "scenarios", "failed", "text"], rows, [
    "left",
    "left",
    "right",
    "right",
    "left",
  ]);
  const failures = notMet.map(
    (criterion) =>
      `  ${criterion.id} fails in ${criterion.failedScenarios.join(", ")}${criterion.failed > criterion.failedScenarios.length ? ", …" : ""}`,
  );
  return [
    `Acceptance criteria: ${evidence.length} ${evidence.length === 1 ? "criterion" : "criteria"}, ${summary}`,
    indent(table),
    ...failures,
    "",
  ].join("\n");
}

function verdictOf(criterion: CriterionEvidence): string {
  if (criterion.scenarios === 0) return "untested";
  if (criterion.failed > 0) return "not met";
  if (criterion.notRun > 0) return "partly run";
  return "met";
}

function cut(text: string): string {
  return text.length <= textWidth ? text : `${text.slice(0, textWidth - 1)}…`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
