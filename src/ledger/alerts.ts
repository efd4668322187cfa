/**
 * Budget alerts: when the day's spend of a category, or of the whole budget, reaches 50, 80 or 100% of
 * its limit, a `budget.alert` record is stored, once per threshold, scope and day (a unique key makes a
 * second recording a no-op, even from another process), and returned for the caller to show.
 */
import type { Kysely } from "kysely";
import { type CostCategory, costCategories } from "../contracts/cost-event.js";
import type { BudgetAlertTable, FactoryDatabase } from "../store/factory-database.js";
import type { BudgetDay } from "./budget-day.js";
import { type BudgetPolicy, categoryLimitMicroUsd } from "./budget-policy.js";
import { type CategoryAmounts, totalOf } from "./spend-queries.js";

export type AlertScope = CostCategory | "total";

export interface BudgetAlert {
  kind: "budget.alert";
  at: string;
  day: string;
  scope: AlertScope;
  thresholdPercent: number;
  spentMicroUsd: number;
  limitMicroUsd: number;
}

/** The thresholds reached by the day's spend (already recorded or not), lowest first per scope. */
export function reachedThresholds(
  spent: CategoryAmounts,
  policy: BudgetPolicy,
  day: BudgetDay,
  at: Date,
): BudgetAlert[] {
  const scopes: { scope: AlertScope; spentMicroUsd: number; limitMicroUsd: number }[] = [
    ...costCategories.map((category) => ({
      scope: category,
      spentMicroUsd: spent[category],
      limitMicroUsd: categoryLimitMicroUsd(policy, category),
    })),
    { scope: "total", spentMicroUsd: totalOf(spent), limitMicroUsd: policy.dailyMicroUsd },
  ];
  return scopes.flatMap(({ scope, spentMicroUsd, limitMicroUsd }) =>
    policy.alertPercents
      .filter((percent) => spentMicroUsd > 0 && spentMicroUsd * 100 >= percent * limitMicroUsd)
      .map((thresholdPercent) => ({
        kind: "budget.alert" as const,
        at: at.toISOString(),
        day: day.key,
        scope,
        thresholdPercent,
        spentMicroUsd,
        limitMicroUsd,
      })),
  );
}

/** Stores the alerts not stored yet and returns those, the new ones. */
export async function recordNewAlerts(
  database: Kysely<FactoryDatabase>,
  alerts: readonly BudgetAlert[],
  newId: () => string,
): Promise<BudgetAlert[]> {
  const recorded: BudgetAlert[] = [];
  for (const alert of alerts) {
    const result = await database
      .insertInto("budget_alert")
      .values({
        id: newId(),
        at: alert.at,
        day: alert.day,
        scope: alert.scope,
        threshold_percent: alert.thresholdPercent,
        spent_micro_usd: alert.spentMicroUsd,
        limit_micro_usd: alert.limitMicroUsd,
      })
      .onConflict((conflict) => conflict.columns(["day", "scope", "threshold_percent"]).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) recorded.push(alert);
  }
  return recorded;
}

export async function alertsOfDay(
  database: Kysely<FactoryDatabase>,
  dayKey: string,
): Promise<BudgetAlert[]> {
  const rows = await database
    .selectFrom("budget_alert")
    .selectAll()
    .where("day", "=", dayKey)
    .orderBy("at")
    .orderBy("threshold_percent")
    .execute();
  return rows.map(alertFromRow);
}

function alertFromRow(row: BudgetAlertTable): BudgetAlert {
  return {
    kind: "budget.alert",
    at: row.at,
    day: row.day,
    scope: row.scope as AlertScope,
    thresholdPercent: row.threshold_percent,
    spentMicroUsd: row.spent_micro_usd,
    limitMicroUsd: row.limit_micro_usd,
  };
}
