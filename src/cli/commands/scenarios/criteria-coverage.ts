/**
 * The criteria coverage of a suite (src/scenarios/criteria-coverage.ts) as a terminal table, with a
 * warning for each criterion no scenario checks.
 */
import type { CriterionCoverage } from "../../../scenarios/criteria-coverage.js";
import { textTable } from "../../text-table.js";

const textWidth = 60;

export function renderCoverage(coverage: readonly CriterionCoverage[]): string {
  if (coverage.length === 0) return "Acceptance criteria: none listed in the suite\n";
  const uncovered = coverage.filter((criterion) => criterion.scenarios.length === 0);
  const rows = coverage.map((criterion) => [
    criterion.id,
    criterion.scenarios.length === 0 ? "0 UNCOVERED" : String(criterion.scenarios.length),
    cut(criterion.text),
  ]);
  const table = textTable(["criterion", "scenarios", "text"], rows, ["left", "right", "left"]);
  const covered = coverage.length - uncovered.length;
  const warnings = uncovered.map(
    (criterion) =>
      `warning: ${criterion.id} is covered by no scenario: "${cut(criterion.text)}"; add one to the spec's examples or extend the suite`,
  );
  return [
    `Acceptance criteria: ${covered} of ${coverage.length} covered`,
    indent(table),
    ...warnings,
    "",
  ].join("\n");
}

function cut(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length <= textWidth ? oneLine : `${oneLine.slice(0, textWidth - 1)}…`;
}

export function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}
