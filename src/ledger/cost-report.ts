/**
 * Spend over a range of budget days, grouped by day, category, station, agent or model: events, unpriced
 * events, tokens and micro-dollars per group, and a total that is, by construction, the sum of the rows.
 */
import type { Kysely } from "kysely";
import { type CostEvent, costCategories } from "../contracts/cost-event.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import type { FactoryDatabase } from "../store/factory-database.js";
import { budgetDayByKey, budgetDayOf, type DayBoundary } from "./budget-day.js";
import { eventFromRow } from "./cost-event-rows.js";

export const costDimensions = ["day", "category", "station", "agent", "model"] as const;
export type CostDimension = (typeof costDimensions)[number];

/** The key of events that do not carry the dimension (a trial has no model). */
export const noKey = "(none)";

export interface CostRow {
  key: string;
  events: number;
  unpricedEvents: number;
  inputTokens: number;
  outputTokens: number;
  amountMicroUsd: number;
}

export interface CostRange {
  /** First budget day, YYYY-MM-DD. */
  since: string;
  /** Last budget day, included. */
  until: string;
}

export interface CostReport extends CostRange, DayBoundary {
  by: CostDimension;
  rows: CostRow[];
  total: CostRow;
}

export async function loadCostEvents(
  database: Kysely<FactoryDatabase>,
  range: CostRange,
  boundary: DayBoundary,
): Promise<CostEvent[]> {
  const { start, end } = rangeInstants(range, boundary);
  const rows = await database
    .selectFrom("cost_event")
    .selectAll()
    .where("at", ">=", start.toISOString())
    .where("at", "<", end.toISOString())
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map(eventFromRow);
}

export function rangeInstants(range: CostRange, boundary: DayBoundary): { start: Date; end: Date } {
  const first = budgetDayByKey(range.since, boundary);
  const last = budgetDayByKey(range.until, boundary);
  if (last.key < first.key) {
    throw new InvalidArgumentError(
      `the range ends (${range.until}) before it starts (${range.since})`,
      "until",
    );
  }
  return { start: first.start, end: last.end };
}

export function summarizeCosts(
  events: readonly CostEvent[],
  by: CostDimension,
  boundary: DayBoundary,
  range: CostRange,
): CostReport {
  const groups = new Map<string, CostRow>();
  for (const event of events) {
    const key = keyOf(event, by, boundary);
    const row = groups.get(key) ?? emptyRow(key);
    addTo(row, event);
    groups.set(key, row);
  }
  const rows = [...groups.values()].sort(orderFor(by));
  const total = emptyRow("total");
  for (const row of rows) {
    total.events += row.events;
    total.unpricedEvents += row.unpricedEvents;
    total.inputTokens += row.inputTokens;
    total.outputTokens += row.outputTokens;
    total.amountMicroUsd += row.amountMicroUsd;
  }
  return { ...range, ...boundary, by, rows, total };
}

function keyOf(event: CostEvent, by: CostDimension, boundary: DayBoundary): string {
  switch (by) {
    case "day":
      return budgetDayOf(new Date(event.at), boundary).key;
    case "category":
      return event.category;
    case "station":
      return event.station ?? noKey;
    case "agent":
      return event.agent ?? noKey;
    case "model":
      return event.model ?? noKey;
  }
}

function orderFor(by: CostDimension): (left: CostRow, right: CostRow) => number {
  if (by === "day") return (left, right) => left.key.localeCompare(right.key);
  if (by === "category") {
    const rank = (key: string) => costCategories.indexOf(key as (typeof costCategories)[number]);
    return (left, right) => rank(left.key) - rank(right.key);
  }
  return (left, right) =>
    right.amountMicroUsd - left.amountMicroUsd || left.key.localeCompare(right.key);
}

function emptyRow(key: string): CostRow {
  return { key, events: 0, unpricedEvents: 0, inputTokens: 0, outputTokens: 0, amountMicroUsd: 0 };
}

function addTo(row: CostRow, event: CostEvent): void {
  row.events += 1;
  if (!event.priced) row.unpricedEvents += 1;
  row.inputTokens += event.usage.inputTokens;
  row.outputTokens += event.usage.outputTokens;
  row.amountMicroUsd += event.amountMicroUsd;
}
