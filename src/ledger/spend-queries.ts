/**
 * The sums the budget is checked against: what was spent in a day (by category), what is reserved and
 * not yet settled, and what one work item or run has spent and reserved over its life. Plain SQL that
 * SQLite and PostgreSQL both run; sums are read back as numbers whatever type the driver returns.
 */
import type { Kysely } from "kysely";
import { type CostCategory, costCategories } from "../contracts/cost-event.js";
import type { FactoryDatabase } from "../store/factory-database.js";
import type { BudgetDay } from "./budget-day.js";

export type CategoryAmounts = Record<CostCategory, number>;

export function noAmounts(): CategoryAmounts {
  return { inference: 0, testing: 0, ci: 0, monitoring: 0 };
}

export async function spentByCategory(
  database: Kysely<FactoryDatabase>,
  day: BudgetDay,
): Promise<CategoryAmounts> {
  const rows = await database
    .selectFrom("cost_event")
    .select(["category", (expression) => expression.fn.sum("amount_micro_usd").as("amount")])
    .where("at", ">=", day.start.toISOString())
    .where("at", "<", day.end.toISOString())
    .groupBy("category")
    .execute();
  return byCategory(rows);
}

/** Open reservations count against today whenever they were made: the money is about to be spent. */
export async function reservedByCategory(
  database: Kysely<FactoryDatabase>,
): Promise<CategoryAmounts> {
  const rows = await database
    .selectFrom("reservation")
    .select(["category", (expression) => expression.fn.sum("amount_micro_usd").as("amount")])
    .where("state", "=", "open")
    .groupBy("category")
    .execute();
  return byCategory(rows);
}

export interface LifetimeAmounts {
  spentMicroUsd: number;
  reservedMicroUsd: number;
}

/** Everything one work item or run has spent and holds reserved, on every day. */
export async function lifetimeAmounts(
  database: Kysely<FactoryDatabase>,
  column: "work_item" | "run",
  value: string,
): Promise<LifetimeAmounts> {
  const spent = await database
    .selectFrom("cost_event")
    .select((expression) => expression.fn.sum("amount_micro_usd").as("amount"))
    .where(column, "=", value)
    .executeTakeFirst();
  const reserved = await database
    .selectFrom("reservation")
    .select((expression) => expression.fn.sum("amount_micro_usd").as("amount"))
    .where(column, "=", value)
    .where("state", "=", "open")
    .executeTakeFirst();
  return { spentMicroUsd: amountOf(spent?.amount), reservedMicroUsd: amountOf(reserved?.amount) };
}

export function totalOf(amounts: CategoryAmounts): number {
  return costCategories.reduce((sum, category) => sum + amounts[category], 0);
}

function byCategory(rows: readonly { category: string; amount: unknown }[]): CategoryAmounts {
  const amounts = noAmounts();
  for (const row of rows) {
    if ((costCategories as readonly string[]).includes(row.category)) {
      amounts[row.category as CostCategory] = amountOf(row.amount);
    }
  }
  return amounts;
}

function amountOf(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
