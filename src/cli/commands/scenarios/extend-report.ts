/** The report of `scenarios extend`: the new version, what each category had and gained, coverage. */

import type { Scenario } from "../../../contracts/scenario.js";
import { type ScenarioCategory, scenarioCategories } from "../../../contracts/scenario-category.js";
import type { CriterionCoverage } from "../../../scenarios/criteria-coverage.js";
import { textTable } from "../../text-table.js";
import { indent, renderCoverage } from "./criteria-coverage.js";

export interface CategoryGrowth {
  category: ScenarioCategory;
  before: number;
  added: number;
  now: number;
}

export interface ExtendReport {
  /** `name@version`: the new version, or the old one when nothing was new. */
  reference: string;
  created: boolean;
  file: string;
  parent: string;
  /** Ids of the scenarios added. */
  added: string[];
  categories: CategoryGrowth[];
  coverage: CriterionCoverage[];
  uncovered: string[];
  notes: string[];
  next: string;
}

export function categoryGrowth(
  before: readonly Scenario[],
  added: readonly Scenario[],
): CategoryGrowth[] {
  const countOf = (scenarios: readonly Scenario[], category: ScenarioCategory) =>
    scenarios.filter((scenario) => scenario.category === category).length;
  return scenarioCategories.map((category) => ({
    category,
    before: countOf(before, category),
    added: countOf(added, category),
    now: countOf(before, category) + countOf(added, category),
  }));
}

export function renderExtendReport(report: ExtendReport): string {
  const heading =
    report.added.length === 0
      ? [`Nothing new: ${report.reference} is unchanged`]
      : [`Stored ${report.reference}`, `  file: ${report.file}`, `  extends: ${report.parent}`];
  const rows = report.categories.map((growth) => [
    growth.category,
    String(growth.before),
    String(growth.added),
    String(growth.now),
  ]);
  const table = textTable(["category", "before", "added", "now"], rows, [
    "left",
    "right",
    "right",
    "right",
  ]);
  const lines = [
    ...heading,
    "",
    `Scenarios:\n${indent(table)}`,
    "",
    renderCoverage(report.coverage).trimEnd(),
  ];
  if (report.notes.length > 0)
    lines.push("", "Notes:", ...report.notes.map((note) => `  - ${note}`));
  lines.push("", `Next: ${report.next}`, "");
  return lines.join("\n");
}
