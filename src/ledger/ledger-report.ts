/**
 * The report behind `shopfloor report costs`: spend over a range of budget days grouped one way, and
 * the economics of the same range (cost per approved change, the human comparison, what sequential
 * testing saved), with a forecast of today's spend.
 */
import type { Kysely } from "kysely";
import type { FactoryDatabase } from "../store/factory-database.js";
import { addDays, budgetDayOf } from "./budget-day.js";
import type { BudgetPolicy } from "./budget-policy.js";
import {
  type CostDimension,
  type CostRange,
  type CostReport,
  loadCostEvents,
  rangeInstants,
  summarizeCosts,
} from "./cost-report.js";
import { type DayForecast, type Economics, economics, forecastDay } from "./economics.js";
import { spentByCategory, totalOf } from "./spend-queries.js";

export const defaultReportDays = 30;

export interface LedgerReportRequest {
  /** Default: 29 days before `until`. */
  since?: string;
  /** Default: today's budget day. */
  until?: string;
  by: CostDimension;
}

export interface LedgerReport {
  costs: CostReport;
  economics: Economics;
  forecast: DayForecast;
}

export async function ledgerReport(
  database: Kysely<FactoryDatabase>,
  request: LedgerReportRequest,
  policy: BudgetPolicy,
  now: Date,
): Promise<LedgerReport> {
  const today = budgetDayOf(now, policy);
  const until = request.until ?? today.key;
  const range: CostRange = { since: request.since ?? addDays(until, 1 - defaultReportDays), until };
  const { start, end } = rangeInstants(range, policy);
  const events = await loadCostEvents(database, range, policy);
  const approved = await database
    .selectFrom("change_outcome")
    .select("id")
    .where("outcome", "=", "approved")
    .where("at", ">=", start.toISOString())
    .where("at", "<", end.toISOString())
    .execute();
  const testRuns = await database
    .selectFrom("test_run")
    .select(["trials_run", "fixed_plan_trials"])
    .where("at", ">=", start.toISOString())
    .where("at", "<", end.toISOString())
    .execute();
  const spentToday = totalOf(await spentByCategory(database, today));
  return {
    costs: summarizeCosts(events, request.by, policy, range),
    economics: economics({
      events,
      approvedChanges: approved.length,
      testRuns: testRuns.map((run) => ({
        trialsRun: run.trials_run,
        fixedPlanTrials: run.fixed_plan_trials,
      })),
      developerDayUsd: policy.developerDayUsd,
      changesPerDeveloperDay: policy.changesPerDeveloperDay,
    }),
    forecast: forecastDay(today, now, spentToday, policy.dailyMicroUsd),
  };
}
