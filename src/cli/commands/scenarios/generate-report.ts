/**
 * The report of `scenarios generate`: which suite version was stored and where, what each category got
 * against what was asked, which criteria the scenarios cover, what a model added, the generators' notes,
 * and the command to run next.
 */

import type { TargetKind } from "../../../contracts/scenario.js";
import { type ScenarioCategory, scenarioCategories } from "../../../contracts/scenario-category.js";
import type { TokenUsage } from "../../../contracts/token-usage.js";
import type { CriterionCoverage } from "../../../scenarios/criteria-coverage.js";
import { count } from "../../format.js";
import { textTable } from "../../text-table.js";
import { indent, renderCoverage } from "./criteria-coverage.js";

export interface CategoryFigures {
  category: ScenarioCategory;
  requested: number;
  generated: number;
  shortfall: number;
}

export interface ModelFigures {
  model: string;
  proposed: number;
  accepted: number;
  repaired: number;
  dropped: number;
  droppedReasons: string[];
  usage: TokenUsage;
}

export interface GenerateReport {
  /** `name@version`. */
  reference: string;
  /** False when the store already held this exact content. */
  created: boolean;
  file: string;
  spec: { name: string; source: string; hash: string };
  seed: number;
  categories: CategoryFigures[];
  coverage: CriterionCoverage[];
  uncovered: string[];
  llm?: ModelFigures;
  notes: string[];
  next: string;
}

export function categoryFigures(
  requested: Readonly<Record<ScenarioCategory, number>>,
  scenarios: readonly { category: ScenarioCategory }[],
): CategoryFigures[] {
  return scenarioCategories.map((category) => {
    const generated = scenarios.filter((scenario) => scenario.category === category).length;
    return {
      category,
      requested: requested[category],
      generated,
      shortfall: Math.max(0, requested[category] - generated),
    };
  });
}

/**
 * `shopfloor test todo@3f2a9c1b07de --start "COMMAND" --ready /health`: what runs the suite against a
 * build, with what the user fills in written in capitals.
 */
export function nextCommand(reference: string, target: TargetKind, homeArgument: string): string {
  const how =
    target === "http" ? "--start 'COMMAND THAT STARTS THE BUILD' --ready /health" : "--build DIR";
  return `shopfloor test ${reference}${homeArgument} ${how}`;
}

export function renderGenerateReport(report: GenerateReport): string {
  const lines = [
    `${report.created ? "Stored" : "Already stored"} ${report.reference}`,
    `  file: ${report.file}`,
  ];
  const { spec } = report;
  lines.push(
    `  from: ${spec.source} (${spec.name}, sha256 ${spec.hash.slice(0, 12)}), seed ${report.seed}`,
  );
  lines.push(
    "",
    renderCategories(report.categories),
    "",
    renderCoverage(report.coverage).trimEnd(),
  );
  if (report.llm) lines.push("", renderModelFigures(report.llm));
  if (report.notes.length > 0) {
    lines.push("", "Notes:", ...report.notes.map((note) => `  - ${note}`));
  }
  lines.push("", `Next: ${report.next}`, "");
  return lines.join("\n");
}

function renderCategories(categories: readonly CategoryFigures[]): string {
  const total = (pick: (figures: CategoryFigures) => number) =>
    String(categories.reduce((sum, figures) => sum + pick(figures), 0));
  const rows = categories.map((figures) => [
    figures.category,
    String(figures.requested),
    String(figures.generated),
    figures.shortfall === 0 ? "" : String(figures.shortfall),
  ]);
  rows.push([
    "total",
    total((figures) => figures.requested),
    total((figures) => figures.generated),
    total((figures) => figures.shortfall).replace(/^0$/, ""),
  ]);
  return `Scenarios:\n${indent(
    textTable(["category", "requested", "generated", "shortfall"], rows, [
      "left",
      "right",
      "right",
      "right",
    ]),
  )}`;
}

function renderModelFigures(figures: ModelFigures): string {
  const usage = figures.usage;
  const lines = [
    `Model ${figures.model}: proposed ${figures.proposed}, accepted ${figures.accepted}, repaired ${figures.repaired}, dropped ${figures.dropped}`,
    `  ${count(usage.calls)} calls, ${count(usage.inputTokens)} input tokens (${count(usage.cachedInputTokens)} cached), ${count(usage.outputTokens)} output tokens`,
  ];
  const shown = figures.droppedReasons.slice(0, 5);
  for (const reason of shown) lines.push(`  dropped: ${reason}`);
  if (figures.droppedReasons.length > shown.length) {
    lines.push(`  …and ${figures.droppedReasons.length - shown.length} more dropped`);
  }
  return lines.join("\n");
}
