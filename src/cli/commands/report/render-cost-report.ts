/**
 * `shopfloor report costs` for a terminal: the spend table, whose rows add up to its total line (amounts
 * rounded to the cent by largest remainder), then the economics of the period and today's forecast.
 */
import type { CostRow } from "../../../ledger/cost-report.js";
import type { LedgerReport } from "../../../ledger/ledger-report.js";
import { formatCents, formatUsd, formatUsdExact, microUsdFromUsd } from "../../../ledger/money.js";
import { count, plural } from "../../format.js";
import { textTable } from "../../text-table.js";
import { centsAddingUp, permilleAddingUp } from "./apportion.js";

export function renderCostReport(report: LedgerReport): string {
  const { costs } = report;
  const unpriced = costs.total.unpricedEvents;
  const sections = [
    `Costs by ${costs.by}, ${costs.since} to ${costs.until} (budget days in ${costs.timeZone}, starting ${costs.dayStart})`,
    "",
    costs.rows.length === 0
      ? "No cost recorded in this period."
      : costTable(costs.rows, costs.total, costs.by),
    "",
    "Amounts are rounded to the cent so that the rows add up to the total; --json and --csv give exact micro-dollars.",
    ...(unpriced === 0
      ? []
      : [
          `${plural(unpriced, "event")} had no known price and count $0: set the model's price in the config (prices: MODEL: {inputUsdPerMillion, outputUsdPerMillion}).`,
        ]),
    "",
    ...economicsSection(report),
  ];
  return `${sections.join("\n")}\n`;
}

function costTable(rows: readonly CostRow[], total: CostRow, by: string): string {
  const { cents, totalCents } = centsAddingUp(rows.map((row) => row.amountMicroUsd));
  const shares = permilleAddingUp(rows.map((row) => row.amountMicroUsd));
  const line = (row: CostRow, rowCents: number, permille: number | undefined) => [
    row.key,
    count(row.events),
    count(row.unpricedEvents),
    count(row.inputTokens),
    count(row.outputTokens),
    formatCents(rowCents),
    permille === undefined ? "–" : `${(permille / 10).toFixed(1)}%`,
  ];
  return textTable(
    [by, "events", "unpriced", "input tokens", "output tokens", "cost", "share"],
    [
      ...rows.map((row, index) => line(row, cents[index] ?? 0, shares?.[index])),
      line(total, totalCents, shares === undefined ? undefined : 1000),
    ],
    ["left", "right", "right", "right", "right", "right", "right"],
  );
}

function economicsSection(report: LedgerReport): string[] {
  const { economics, forecast } = report;
  const { human } = economics;
  const perChange =
    economics.costPerApprovedChangeMicroUsd === null
      ? "no approved change in the period"
      : `${formatUsd(economics.costPerApprovedChangeMicroUsd)}: all spend in the period divided by the changes approved in it`;
  const ratio =
    human.factoryToHumanRatio === null
      ? ""
      : `; the factory costs ${ratioText(human.factoryToHumanRatio)} as much per change (the team: ${formatUsd(human.costOfApprovedChangesMicroUsd)} for ${plural(economics.approvedChanges, "change")})`;
  const sequential = economics.sequentialTesting;
  const saved =
    sequential === null
      ? "no data: no test run recorded in the period"
      : `${count(sequential.trialsRun)} trials run instead of ${count(sequential.fixedPlanTrials)} under fixed-size plans: ${count(sequential.savedTrials)} saved (${(sequential.savedShare * 100).toFixed(1)}%)${
          sequential.savedCostMicroUsd === null || sequential.testingCostPerTrialMicroUsd === null
            ? ""
            : `, about ${formatUsd(sequential.savedCostMicroUsd)} at the period's ${formatUsdExact(sequential.testingCostPerTrialMicroUsd)} of testing per trial`
        }`;
  const projected =
    forecast.forecastMicroUsd === null
      ? `the day ${forecast.day} has just begun: no rate yet`
      : `${formatUsd(forecast.spentMicroUsd)} spent in ${(forecast.elapsedShare * 100).toFixed(1)}% of ${forecast.day}: about ${formatUsd(forecast.forecastMicroUsd)} by its end (${((forecast.forecastMicroUsd / forecast.limitMicroUsd) * 100).toFixed(1)}% of the ${formatUsd(forecast.limitMicroUsd)} budget)`;
  const rows = [
    ["approved changes", count(economics.approvedChanges)],
    ["cost per approved change", perChange],
    [
      "a human team",
      `${formatUsd(human.costPerChangeMicroUsd)} per change: a developer-day at ${formatUsd(microUsdFromUsd(human.developerDayUsd))} yields ${human.changesPerDeveloperDay} changes (assumptions; set budget.humanComparison)${ratio}`,
    ],
    ["sequential testing", saved],
    ["forecast for today", projected],
  ];
  const width = Math.max(...rows.map(([label]) => (label ?? "").length));
  return [
    "Economics of the period",
    ...rows.map(([label, text]) => `  ${(label ?? "").padEnd(width)}  ${text}`),
  ];
}

function ratioText(ratio: number): string {
  return `${ratio >= 1 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;
}
