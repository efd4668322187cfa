/**
 * Which acceptance criteria a suite's scenarios cover (by their `covers`), and which none does: an
 * uncovered criterion is a promise of the spec that the holdout never checks.
 */
import type { Scenario, SuiteCriterion } from "../../../contracts/scenario.js";
import { textTable } from "../../text-table.js";

export interface CriterionCoverage {
  id: string;
  text: string;
  /** The ids of the scenarios that cover it. */
  scenarios: string[];
}

export function criteriaCoverage(
  criteria: readonly SuiteCriterion[],
  scenarios: readonly Scenario[],
): CriterionCoverage[] {
  return criteria.map((criterion) => ({
    id: criterion.id,
    text: criterion.text,
    scenarios: scenarios
      .filter((scenario) => scenario.covers?.includes(criterion.id))
      .map((scenario) => scenario.id),
  }));
}

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
