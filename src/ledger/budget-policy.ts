/**
 * The budget in force: the config file's values, overridden value by value by the changes recorded with
 * `shopfloor budget set` (the latest change of each value wins), each value knowing where it came from.
 */
import type { BudgetConfig } from "../contracts/config.js";
import { type CostCategory, costCategories } from "../contracts/cost-event.js";
import type { DayBoundary } from "./budget-day.js";
import { microUsdFromUsd } from "./money.js";

export type BudgetSplit = Record<CostCategory, number>;

export const defaultBudget = {
  dailyUsd: 1000,
  split: { inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 } as BudgetSplit,
  timeZone: "UTC",
  dayStart: "00:00",
  alertPercents: [50, 80, 100],
  reservationMinutes: 60,
  developerDayUsd: 800,
  changesPerDeveloperDay: 2,
} as const;

/** The values `shopfloor budget set` can change. */
export const budgetSettingNames = [
  "dailyUsd",
  "split",
  "timeZone",
  "dayStart",
  "itemCapUsd",
  "runCapUsd",
] as const;
export type BudgetSettingName = (typeof budgetSettingNames)[number];

export type SettingSource =
  | { from: "default" }
  | { from: "config" }
  | { from: "database"; by: string; at: string; reason: string };

/** One recorded `budget set`: only the values it gave; a cap of 0 removes the cap. */
export interface StoredBudgetSetting {
  at: string;
  by: string;
  reason: string;
  dailyMicroUsd?: number;
  split?: BudgetSplit;
  timeZone?: string;
  dayStart?: string;
  itemCapMicroUsd?: number;
  runCapMicroUsd?: number;
}

export interface BudgetPolicy extends DayBoundary {
  dailyMicroUsd: number;
  split: BudgetSplit;
  itemCapMicroUsd: number | undefined;
  runCapMicroUsd: number | undefined;
  alertPercents: number[];
  reservationMinutes: number;
  developerDayUsd: number;
  changesPerDeveloperDay: number;
  sources: Record<BudgetSettingName, SettingSource>;
}

/** `settings` in the order they were made: the last change of each value wins. */
export function resolveBudgetPolicy(
  config: BudgetConfig,
  settings: readonly StoredBudgetSetting[],
): BudgetPolicy {
  const sources = {} as Record<BudgetSettingName, SettingSource>;
  const latest = <Value>(
    name: BudgetSettingName,
    stored: (setting: StoredBudgetSetting) => Value | undefined,
    configured: Value,
    isDefault: boolean,
  ): Value => {
    const setting = settings.findLast((candidate) => stored(candidate) !== undefined);
    if (setting !== undefined) {
      sources[name] = { from: "database", by: setting.by, at: setting.at, reason: setting.reason };
      return stored(setting) as Value;
    }
    sources[name] = isDefault ? { from: "default" } : { from: "config" };
    return configured;
  };
  const capOf = (usd: number | undefined) => (usd === undefined ? undefined : microUsdFromUsd(usd));
  const itemCap = latest(
    "itemCapUsd",
    (setting) => setting.itemCapMicroUsd,
    capOf(config.itemCapUsd),
    config.itemCapUsd === undefined,
  );
  const runCap = latest(
    "runCapUsd",
    (setting) => setting.runCapMicroUsd,
    capOf(config.runCapUsd),
    config.runCapUsd === undefined,
  );
  return {
    dailyMicroUsd: latest(
      "dailyUsd",
      (setting) => setting.dailyMicroUsd,
      microUsdFromUsd(config.dailyUsd, "dailyUsd"),
      config.dailyUsd === defaultBudget.dailyUsd,
    ),
    split: latest(
      "split",
      (setting) => setting.split,
      config.split,
      costCategories.every((category) => config.split[category] === defaultBudget.split[category]),
    ),
    timeZone: latest(
      "timeZone",
      (setting) => setting.timeZone,
      config.timeZone,
      config.timeZone === defaultBudget.timeZone,
    ),
    dayStart: latest(
      "dayStart",
      (setting) => setting.dayStart,
      config.dayStart ?? defaultBudget.dayStart,
      config.dayStart === undefined,
    ),
    itemCapMicroUsd: itemCap === 0 ? undefined : itemCap,
    runCapMicroUsd: runCap === 0 ? undefined : runCap,
    alertPercents: [...(config.alertPercents ?? defaultBudget.alertPercents)].sort(
      (left, right) => left - right,
    ),
    reservationMinutes: config.reservationMinutes ?? defaultBudget.reservationMinutes,
    developerDayUsd: config.humanComparison?.developerDayUsd ?? defaultBudget.developerDayUsd,
    changesPerDeveloperDay:
      config.humanComparison?.changesPerDeveloperDay ?? defaultBudget.changesPerDeveloperDay,
    sources,
  };
}

/** A category's share of the day, in micro-dollars, rounded half up. */
export function categoryLimitMicroUsd(policy: BudgetPolicy, category: CostCategory): number {
  return Math.round(policy.dailyMicroUsd * policy.split[category]);
}
