/**
 * `shopfloor report costs` for a terminal: the spend table, whose rows add up to its total line (amounts
 * rounded by largest remainder, to the cent unless the total is under ten cents), then the economics of the period and today's forecast.
 */
import type { CostRow } from "../../../ledger/cost-report.js";
import type { LedgerReport } from "../../../ledger/ledger-report.js";
import { formatCents, formatUsd, formatUsdExact, microUsdFromUsd } from "../../../ledger/money.js";
import { count, plural } from "../../format.js";
import { textTable } from "../../text-table.js";
import { amountsAddingUp, decimalsFor, permilleAddingUp } from "./apportion.js";

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
    "Amounts are rounded (to the cent from $0.10 up) so that the rows add up to the total; --json and --csv give exact micro-dollars.",
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
  const decimals = decimalsFor(total.amountMicroUsd);
  const { units, totalUnits } = amountsAddingUp(
    rows.map((row) => row.amountMicroUsd),
    decimals,
  );
  const money = (amount: number) => formatUnits(amount, decimals);
  const shares = permilleAddingUp(rows.map((row) => row.amountMicroUsd));
  const line = (row: CostRow, rowUnits: number, permille: number | undefined) => [
    row.key,
    count(row.events),
    count(row.unpricedEvents),
    count(row.inputTokens),
    count(row.outputTokens),
    money(rowUnits),
    permille === undefined ? "–" : `${(permille / 10).toFixed(1)}%`,
  ];
  return textTable(
    [by, "events", "unpriced", "input tokens", "output tokens", "cost", "share"],
    [
      ...rows.map((row, index) => line(row, units[index] ?? 0, shares?.[index])),
      line(total, totalUnits, shares === undefined ? undefined : 1000),
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
      : `${smallAmount(economics.costPerApprovedChangeMicroUsd)}: all spend in the period divided by the changes approved in it`;
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
  if (ratio >= 1) return `${ratio.toFixed(2)}×`;
  if (ratio >= 0.001) return `${ratio.toPrecision(2)}×`;
  return "less than 0.001×";
}

/** Below ten cents, exact to the micro-dollar: "$0.000047", not "$0.00". */
function smallAmount(microUsd: number): string {
  return Math.abs(microUsd) < 100_000 ? formatUsdExact(microUsd) : formatUsd(microUsd);
}

/** 1234 units of 10^-4 dollars → "$0.1234"; thousands separated. */
function formatUnits(units: number, decimals: number): string {
  if (decimals === 2) return formatCents(units);
  const sign = units < 0 ? "-" : "";
  const magnitude = Math.abs(units);
  const scale = 10 ** decimals;
  const dollars = Math.floor(magnitude / scale).toLocaleString("en-US");
  return `${sign}$${dollars}.${String(magnitude % scale).padStart(decimals, "0")}`;
}
