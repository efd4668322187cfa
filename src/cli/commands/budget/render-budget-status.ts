/** `shopfloor budget` for a terminal: today's limits, spend and reservations, alerts, and where each value comes from. */
import type { BudgetAlert } from "../../../ledger/alerts.js";
import type {
  BudgetPolicy,
  BudgetSettingName,
  SettingSource,
} from "../../../ledger/budget-policy.js";
import type { BudgetLine, BudgetStatus } from "../../../ledger/budget-status.js";
import { formatUsd } from "../../../ledger/money.js";
import { textTable } from "../../text-table.js";
import { splitText } from "./budget-options.js";

export function renderBudgetStatus(status: BudgetStatus): string {
  const { policy } = status;
  const elapsed =
    (new Date(status.now).getTime() - new Date(status.day.start).getTime()) /
    (new Date(status.day.end).getTime() - new Date(status.day.start).getTime());
  const sections = [
    `Budget for ${status.day.key} (${policy.timeZone}, the day starts at ${policy.dayStart}; ${percentText(elapsed)} of it has gone by)`,
    "",
    budgetTable(status),
    "",
    `Caps: per work item ${capText(policy.itemCapMicroUsd)}, per run ${capText(policy.runCapMicroUsd)}.`,
    ...alertSection(status.alerts),
    "",
    "Where the values come from (shopfloor budget set overrides the config file):",
    settingsTable(policy),
  ];
  return `${sections.join("\n")}\n`;
}

export function settingsTable(policy: BudgetPolicy): string {
  const values: Record<BudgetSettingName, string> = {
    dailyUsd: formatUsd(policy.dailyMicroUsd),
    split: splitText(policy.split),
    timeZone: policy.timeZone,
    dayStart: policy.dayStart,
    itemCapUsd: capText(policy.itemCapMicroUsd),
    runCapUsd: capText(policy.runCapMicroUsd),
  };
  const labels: Record<BudgetSettingName, string> = {
    dailyUsd: "daily budget",
    split: "split (%)",
    timeZone: "time zone",
    dayStart: "day starts",
    itemCapUsd: "work item cap",
    runCapUsd: "run cap",
  };
  const names = Object.keys(labels) as BudgetSettingName[];
  const rows = names.map((name) => [
    `  ${labels[name]}`,
    values[name],
    sourceText(policy.sources[name]),
  ]);
  return textTable(["  value", "now", "from"], rows, ["left", "left", "left"]);
}

function budgetTable(status: BudgetStatus): string {
  const row = (name: string, share: number, line: BudgetLine) => [
    name,
    percentText(share),
    formatUsd(line.limitMicroUsd),
    formatUsd(line.spentMicroUsd),
    formatUsd(line.reservedMicroUsd),
    formatUsd(line.leftMicroUsd),
    line.limitMicroUsd === 0
      ? "–"
      : percentText((line.spentMicroUsd + line.reservedMicroUsd) / line.limitMicroUsd),
  ];
  return textTable(
    ["category", "share", "limit", "spent", "reserved", "left", "used"],
    [
      ...status.categories.map((line) => row(line.category, line.share, line)),
      row("total", 1, status.total),
    ],
    ["left", "right", "right", "right", "right", "right", "right"],
  );
}

function alertSection(alerts: readonly BudgetAlert[]): string[] {
  if (alerts.length === 0) return ["Alerts today: none."];
  return [
    "Alerts today:",
    ...alerts.map(
      (alert) =>
        `  ${alert.at.slice(11, 16)}Z  ${alert.scope} reached ${alert.thresholdPercent}% (${formatUsd(alert.spentMicroUsd)} of ${formatUsd(alert.limitMicroUsd)})`,
    ),
  ];
}

function sourceText(source: SettingSource): string {
  switch (source.from) {
    case "default":
      return "default";
    case "config":
      return "config file";
    case "database":
      return `set by ${source.by} at ${source.at}: "${source.reason}"`;
  }
}

function capText(microUsd: number | undefined): string {
  return microUsd === undefined ? "none" : formatUsd(microUsd);
}

function percentText(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1).replace(/\.0$/, "")}%`;
}
