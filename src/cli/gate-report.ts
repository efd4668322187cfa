/** The gate verdict as a report a person reads in a terminal: the evidence first, the decision last. */
import type { GateVerdict } from "../contracts/index.js";
import { count, milliseconds, optionalPercent, plural } from "./format.js";
import { textTable } from "./text-table.js";

const methodNames = {
  "clopper-pearson": "Clopper–Pearson",
  wilson: "Wilson",
  jeffreys: "Jeffreys",
} as const;
const shownClusters = 5;
const shownFlaky = 10;

export function renderGateReport(verdict: GateVerdict, source: string): string {
  const scenarios = verdict.categories.reduce((sum, report) => sum + report.scenarios, 0);
  const confidences = [
    ...new Set(
      verdict.categories.flatMap((report) =>
        report.confidence === null ? [] : [report.confidence],
      ),
    ),
  ];
  const bounds =
    verdict.mode === "point"
      ? "point mode: raw rates, no confidence bounds"
      : `${methodNames[verdict.method]} one-sided bounds at ${confidences.map(optionalPercent).join("/")} confidence`;
  const sections = [
    `shopfloor gate · profile ${verdict.profile} · ${bounds}`,
    `${source}: ${count(verdict.latency.count)} trials of ${count(scenarios)} scenarios`,
    "",
    categoryTable(verdict),
    "",
    latencyTable(verdict),
    ...errorClusterSection(verdict),
    ...flakySection(verdict),
    "",
    `decision: ${verdict.decision}`,
    `reason: ${verdict.reason}`,
  ];
  return `${sections.join("\n")}\n`;
}

function categoryTable(verdict: GateVerdict): string {
  const rows = verdict.categories.map((report) => [
    report.category,
    count(report.scenarios),
    count(report.passed),
    count(report.failed),
    optionalPercent(report.passRate),
    optionalPercent(report.lowerBound),
    optionalPercent(report.upperBound),
    report.threshold === null
      ? "–"
      : `${optionalPercent(report.threshold)}${report.zeroTolerance ? " (0 failures)" : ""}`,
    report.status === "inconclusive"
      ? `inconclusive (+${report.additionalScenariosNeeded})`
      : report.status,
  ]);
  return textTable(
    ["category", "scenarios", "passed", "failed", "rate", "lower", "upper", "threshold", "status"],
    rows,
    ["left", "right", "right", "right", "right", "right", "right", "left", "left"],
  );
}

function latencyTable(verdict: GateVerdict): string {
  const rows = [
    ...verdict.categories.map((report) => ({ name: report.category, latency: report.latency })),
    { name: "all", latency: verdict.latency },
  ].map(({ name, latency }) => [
    name,
    count(latency.count),
    milliseconds(latency.p50),
    milliseconds(latency.p95),
    milliseconds(latency.p99),
    milliseconds(latency.max),
  ]);
  return textTable(["latency ms", "trials", "p50", "p95", "p99", "max"], rows, [
    "left",
    "right",
    "right",
    "right",
    "right",
    "right",
  ]);
}

function errorClusterSection(verdict: GateVerdict): string[] {
  if (verdict.errorClusters.length === 0) return [];
  const lines = ["", `error clusters (${verdict.errorClusters.length}, by failed trials)`];
  for (const cluster of verdict.errorClusters.slice(0, shownClusters)) {
    lines.push(
      `  ${String(cluster.trials).padStart(4)} × ${cluster.signature}  [${cluster.categories.join(", ")}; ${plural(cluster.scenarios, "scenario")}]`,
    );
    lines.push(`         e.g. ${cluster.example.scenario}: ${cluster.example.error}`);
  }
  if (verdict.errorClusters.length > shownClusters) {
    lines.push(
      `  …and ${verdict.errorClusters.length - shownClusters} more clusters (--json lists all)`,
    );
  }
  return lines;
}

function flakySection(verdict: GateVerdict): string[] {
  if (verdict.flakyScenarios.length === 0) return [];
  const lines = [
    "",
    `flaky scenarios (${verdict.flakyScenarios.length}; each counts once, as failed)`,
  ];
  for (const flaky of verdict.flakyScenarios.slice(0, shownFlaky)) {
    lines.push(
      `  ${flaky.scenario} [${flaky.category}]: ${flaky.passed} of ${flaky.trials} trials passed`,
    );
  }
  if (verdict.flakyScenarios.length > shownFlaky) {
    lines.push(`  …and ${verdict.flakyScenarios.length - shownFlaky} more (--json lists all)`);
  }
  return lines;
}
