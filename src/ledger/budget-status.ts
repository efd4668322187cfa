/**
 * Today's budget at a glance: for each category and in total, the limit, what was spent, what is
 * reserved and what is left; the alerts recorded today; the policy with the origin of each value.
 */
import type { Kysely } from "kysely";
import { type CostCategory, costCategories } from "../contracts/cost-event.js";
import type { FactoryDatabase } from "../store/factory-database.js";
import { alertsOfDay, type BudgetAlert } from "./alerts.js";
import type { BudgetDay } from "./budget-day.js";
import { type BudgetPolicy, categoryLimitMicroUsd } from "./budget-policy.js";
import { reservedByCategory, spentByCategory, totalOf } from "./spend-queries.js";

export interface BudgetLine {
  limitMicroUsd: number;
  spentMicroUsd: number;
  reservedMicroUsd: number;
  /** limit − spent − reserved; negative when actual costs overran their estimates. */
  leftMicroUsd: number;
}

export interface CategoryBudgetLine extends BudgetLine {
  category: CostCategory;
  share: number;
}

export interface BudgetStatus {
  now: string;
  day: { key: string; start: string; end: string };
  categories: CategoryBudgetLine[];
  total: BudgetLine;
  alerts: BudgetAlert[];
  policy: BudgetPolicy;
}

export async function budgetStatus(
  database: Kysely<FactoryDatabase>,
  policy: BudgetPolicy,
  day: BudgetDay,
  now: Date,
): Promise<BudgetStatus> {
  const spent = await spentByCategory(database, day);
  const reserved = await reservedByCategory(database);
  const line = (limitMicroUsd: number, spentMicroUsd: number, reservedMicroUsd: number) => ({
    limitMicroUsd,
    spentMicroUsd,
    reservedMicroUsd,
    leftMicroUsd: limitMicroUsd - spentMicroUsd - reservedMicroUsd,
  });
  return {
    now: now.toISOString(),
    day: { key: day.key, start: day.start.toISOString(), end: day.end.toISOString() },
    categories: costCategories.map((category) => ({
      category,
      share: policy.split[category],
      ...line(categoryLimitMicroUsd(policy, category), spent[category], reserved[category]),
    })),
    total: line(policy.dailyMicroUsd, totalOf(spent), totalOf(reserved)),
    alerts: await alertsOfDay(database, day.key),
    policy,
  };
}
