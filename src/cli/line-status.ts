/**
 * `shopfloor status` for a terminal: the line at a glance. Items per state, the items in flight with
 * their age, outcomes and today's per-category pass rates, today's spend against the budget per
 * category, the job queue per station, and the open exceptions.
 */
import {
  costCategories,
  settledWorkItemStates,
  stationNames,
  workItemStates,
} from "../contracts/index.js";
import type { BudgetStatus } from "../ledger/budget-status.js";
import { formatUsd } from "../ledger/money.js";
import type { LineStatus } from "../line/factory-line.js";
import { count, optionalPercent, plural } from "./format.js";
import { ageText } from "./line-format.js";
import { textTable } from "./text-table.js";

const shownItems = 20;

export function renderLineStatus(status: LineStatus, budget: BudgetStatus): string {
  const inFlight = status.items.filter((item) => !settledWorkItemStates.includes(item.state));
  const sections = [
    headline(status, inFlight.length),
    "",
    `Items per state: ${workItemStates.map((state) => `${state} ${count(status.states[state])}`).join(" · ")}`,
    "",
    ...inFlightSection(inFlight),
    passRatesLine(status),
    "",
    `Spend today (${budget.day.key}, ${budget.policy.timeZone}):`,
    spendTable(budget),
    "",
    "Queue:",
    queueTable(status),
    "",
    exceptionsLine(status.openExceptions),
  ];
  return `${sections.join("\n")}\n`;
}

function headline(status: LineStatus, inFlight: number): string {
  const { outcomes } = status;
  const rate =
    outcomes.approvalRate === null
      ? ""
      : `; approval rate ${optionalPercent(outcomes.approvalRate)}`;
  return `The line: ${plural(inFlight, "item")} in flight, ${count(outcomes.approved)} approved, ${count(outcomes.exception)} sent to exceptions, ${count(outcomes.rejected)} rejected${rate}`;
}

function inFlightSection(items: LineStatus["items"]): string[] {
  if (items.length === 0) return ["Nothing in flight.", ""];
  const oldestFirst = [...items].sort((left, right) => right.ageSeconds - left.ageSeconds);
  const rows = oldestFirst
    .slice(0, shownItems)
    .map((item) => [item.id, item.state, String(item.attempt), ageText(item.ageSeconds)]);
  const more =
    items.length > shownItems
      ? [`… and ${items.length - shownItems} more (shopfloor status --json)`]
      : [];
  return [
    "In flight, oldest first:",
    textTable(["item", "state", "attempt", "age"], rows, ["left", "left", "right", "right"]),
    ...more,
    "",
  ];
}

function passRatesLine(status: LineStatus): string {
  const rates = (["normal", "edge", "malicious"] as const)
    .map((category) => `${category} ${optionalPercent(status.passRates[category])}`)
    .join(" · ");
  return `Pass rates of the builds gated today: ${rates}`;
}

function spendTable(budget: BudgetStatus): string {
  const row = (
    name: string,
    line: {
      spentMicroUsd: number;
      reservedMicroUsd: number;
      limitMicroUsd: number;
      leftMicroUsd: number;
    },
  ) => [
    name,
    formatUsd(line.spentMicroUsd),
    formatUsd(line.reservedMicroUsd),
    formatUsd(line.limitMicroUsd),
    formatUsd(line.leftMicroUsd),
    line.limitMicroUsd === 0 ? "–" : optionalPercent(line.spentMicroUsd / line.limitMicroUsd),
  ];
  const byCategory = new Map(budget.categories.map((line) => [line.category, line]));
  const rows = costCategories.flatMap((category) => {
    const line = byCategory.get(category);
    return line === undefined ? [] : [row(category, line)];
  });
  return textTable(
    ["category", "spent", "reserved", "limit", "left", "used"],
    [...rows, row("total", budget.total)],
    ["left", "right", "right", "right", "right", "right"],
  );
}

function queueTable(status: LineStatus): string {
  const rows = stationNames.map((station) => {
    const counts = status.queue[station];
    return [
      station,
      count(counts.waiting),
      count(counts.leased),
      count(counts.done),
      count(counts.dead),
    ];
  });
  return textTable(["station", "waiting", "running", "done", "dead"], rows, [
    "left",
    "right",
    "right",
    "right",
    "right",
  ]);
}

function exceptionsLine(open: number): string {
  if (open === 0) return "No open exceptions.";
  return `${plural(open, "open exception")}: shopfloor exceptions`;
}
