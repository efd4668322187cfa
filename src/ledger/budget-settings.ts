/**
 * The budget changes recorded in the factory database by `shopfloor budget set`: who, when, why and the
 * values given, numbered in the order they were made. They are never updated or deleted, so the table is
 * also the budget's history.
 */
import type { Kysely } from "kysely";
import { costCategories } from "../contracts/cost-event.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import type { BudgetSettingTable, FactoryDatabase } from "../store/factory-database.js";
import { inImmediateTransaction } from "../store/immediate-transaction.js";
import { checkTimeZone, dayStartMinutes } from "./budget-day.js";
import type { BudgetSplit, StoredBudgetSetting } from "./budget-policy.js";
import { microUsdFromUsd } from "./money.js";

/** A change to the budget; values left out stay as they are. A cap of 0 removes the cap. */
export interface BudgetChange {
  by: string;
  reason: string;
  dailyUsd?: number;
  split?: BudgetSplit;
  timeZone?: string;
  dayStart?: string;
  itemCapUsd?: number;
  runCapUsd?: number;
}

/** The recorded changes, oldest first. */
export async function readBudgetSettings(
  database: Kysely<FactoryDatabase>,
): Promise<StoredBudgetSetting[]> {
  const rows = await database
    .selectFrom("budget_setting")
    .selectAll()
    .orderBy("sequence")
    .execute();
  return rows.map(settingFromRow);
}

/** Appends a change after the last one, numbered in the same write transaction. */
export async function recordBudgetSetting(
  database: Kysely<FactoryDatabase>,
  change: BudgetChange,
  id: string,
  at: Date,
): Promise<void> {
  const values = rowFromChange(change, id, at);
  await inImmediateTransaction(database, async (transaction) => {
    const last = await transaction
      .selectFrom("budget_setting")
      .select((expression) => expression.fn.max("sequence").as("sequence"))
      .executeTakeFirst();
    const sequence = Number(last?.sequence ?? 0) + 1;
    await transaction
      .insertInto("budget_setting")
      .values({ ...values, sequence })
      .execute();
  });
}

export function rowFromChange(
  change: BudgetChange,
  id: string,
  at: Date,
): Omit<BudgetSettingTable, "sequence"> {
  checkChange(change);
  const optional = <Value, Stored>(value: Value | undefined, convert: (value: Value) => Stored) =>
    value === undefined ? null : convert(value);
  return {
    id,
    at: at.toISOString(),
    changed_by: change.by.trim(),
    reason: change.reason.trim(),
    daily_micro_usd: optional(change.dailyUsd, (usd) => microUsdFromUsd(usd, "dailyUsd")),
    split: optional(change.split, (split) => JSON.stringify(split)),
    time_zone: change.timeZone ?? null,
    day_start: change.dayStart ?? null,
    item_cap_micro_usd: optional(change.itemCapUsd, (usd) => microUsdFromUsd(usd, "itemCapUsd")),
    run_cap_micro_usd: optional(change.runCapUsd, (usd) => microUsdFromUsd(usd, "runCapUsd")),
  };
}

function settingFromRow(row: BudgetSettingTable): StoredBudgetSetting {
  const setting: StoredBudgetSetting = { at: row.at, by: row.changed_by, reason: row.reason };
  if (row.daily_micro_usd !== null) setting.dailyMicroUsd = row.daily_micro_usd;
  if (row.split !== null) setting.split = JSON.parse(row.split) as BudgetSplit;
  if (row.time_zone !== null) setting.timeZone = row.time_zone;
  if (row.day_start !== null) setting.dayStart = row.day_start;
  if (row.item_cap_micro_usd !== null) setting.itemCapMicroUsd = row.item_cap_micro_usd;
  if (row.run_cap_micro_usd !== null) setting.runCapMicroUsd = row.run_cap_micro_usd;
  return setting;
}

function checkChange(change: BudgetChange): void {
  if (change.reason.trim() === "") {
    throw new InvalidArgumentError("a budget change needs a reason", "reason");
  }
  if (change.by.trim() === "") {
    throw new InvalidArgumentError("a budget change needs the name of who made it", "by");
  }
  const values = [
    change.dailyUsd,
    change.split,
    change.timeZone,
    change.dayStart,
    change.itemCapUsd,
    change.runCapUsd,
  ];
  if (values.every((value) => value === undefined)) {
    throw new InvalidArgumentError(
      "a budget change needs at least one value: daily budget, split, time zone, day start or a cap",
      "dailyUsd",
    );
  }
  if (change.dailyUsd !== undefined && !(change.dailyUsd > 0)) {
    throw new InvalidArgumentError(
      `the daily budget must be above 0; got ${change.dailyUsd}`,
      "dailyUsd",
    );
  }
  for (const [field, cap] of [
    ["itemCapUsd", change.itemCapUsd],
    ["runCapUsd", change.runCapUsd],
  ] as const) {
    if (cap !== undefined && !(cap >= 0)) {
      throw new InvalidArgumentError(`${field} must be 0 (no cap) or more; got ${cap}`, field);
    }
  }
  if (change.split !== undefined) checkSplit(change.split);
  if (change.timeZone !== undefined) checkTimeZone(change.timeZone);
  if (change.dayStart !== undefined) dayStartMinutes(change.dayStart);
}

function checkSplit(split: BudgetSplit): void {
  const shares = costCategories.map((category) => split[category]);
  if (shares.some((share) => !(share >= 0 && share <= 1))) {
    throw new InvalidArgumentError("each share of the split must be between 0 and 1", "split");
  }
  const sum = shares.reduce((total, share) => total + share, 0);
  if (Math.abs(sum - 1) > 1e-9) {
    throw new InvalidArgumentError(
      `the shares of inference, testing, ci and monitoring must add up to 100%; they add up to ${Math.round(sum * 10_000) / 100}%`,
      "split",
    );
  }
}
