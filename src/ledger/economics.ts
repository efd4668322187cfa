/**
 * The factory's economics over a range of days, as pure figures: the cost per approved change; what it
 * would have cost a human team (a configurable cost per developer-day and changes per developer-day,
 * defaults $800 and 2: stated assumptions, not measurements); the trials sequential testing saved
 * against fixed-size plans and their cost at the period's testing cost per trial; and a forecast of
 * today's spend from the rate so far.
 */
import type { CostEvent } from "../contracts/cost-event.js";
import type { BudgetDay } from "./budget-day.js";
import { microUsdFromUsd } from "./money.js";
import type { TestRunRecord } from "./outcomes.js";

export interface HumanComparison {
  developerDayUsd: number;
  changesPerDeveloperDay: number;
  costPerChangeMicroUsd: number;
  /** What the approved changes would have cost a human team. */
  costOfApprovedChangesMicroUsd: number;
  /** The factory's cost per change ÷ the team's; null with no approved change. */
  factoryToHumanRatio: number | null;
}

export interface SequentialTestingSavings {
  testRuns: number;
  trialsRun: number;
  fixedPlanTrials: number;
  /** fixed − run, summed: negative if sequential testing ran more trials than fixed plans would have. */
  savedTrials: number;
  /** savedTrials ÷ fixedPlanTrials. */
  savedShare: number;
  /** The period's testing spend ÷ trials run; null with no trial run. */
  testingCostPerTrialMicroUsd: number | null;
  savedCostMicroUsd: number | null;
}

export interface DayForecast {
  day: string;
  spentMicroUsd: number;
  limitMicroUsd: number;
  /** The share of the day gone by, 0 to 1. */
  elapsedShare: number;
  /** Spend at the end of the day at the rate so far; null at the very start of the day. */
  forecastMicroUsd: number | null;
}

export interface Economics {
  spentMicroUsd: number;
  approvedChanges: number;
  costPerApprovedChangeMicroUsd: number | null;
  human: HumanComparison;
  /** Null when no test run was recorded: the report says "no data". */
  sequentialTesting: SequentialTestingSavings | null;
}

export interface EconomicsInput {
  events: readonly CostEvent[];
  approvedChanges: number;
  testRuns: readonly TestRunRecord[];
  developerDayUsd: number;
  changesPerDeveloperDay: number;
}

export function economics(input: EconomicsInput): Economics {
  const spentMicroUsd = sum(input.events.map((event) => event.amountMicroUsd));
  const costPerApprovedChangeMicroUsd =
    input.approvedChanges === 0 ? null : Math.round(spentMicroUsd / input.approvedChanges);
  const costPerChangeMicroUsd = Math.round(
    microUsdFromUsd(input.developerDayUsd, "developerDayUsd") / input.changesPerDeveloperDay,
  );
  const testingSpent = sum(
    input.events
      .filter((event) => event.category === "testing")
      .map((event) => event.amountMicroUsd),
  );
  return {
    spentMicroUsd,
    approvedChanges: input.approvedChanges,
    costPerApprovedChangeMicroUsd,
    human: {
      developerDayUsd: input.developerDayUsd,
      changesPerDeveloperDay: input.changesPerDeveloperDay,
      costPerChangeMicroUsd,
      costOfApprovedChangesMicroUsd: costPerChangeMicroUsd * input.approvedChanges,
      factoryToHumanRatio:
        costPerApprovedChangeMicroUsd === null
          ? null
          : costPerApprovedChangeMicroUsd / costPerChangeMicroUsd,
    },
    sequentialTesting: sequentialTestingSavings(input.testRuns, testingSpent),
  };
}

export function sequentialTestingSavings(
  testRuns: readonly TestRunRecord[],
  testingSpentMicroUsd: number,
): SequentialTestingSavings | null {
  if (testRuns.length === 0) return null;
  const trialsRun = sum(testRuns.map((run) => run.trialsRun));
  const fixedPlanTrials = sum(testRuns.map((run) => run.fixedPlanTrials));
  const savedTrials = fixedPlanTrials - trialsRun;
  const testingCostPerTrialMicroUsd =
    trialsRun === 0 ? null : Math.round(testingSpentMicroUsd / trialsRun);
  return {
    testRuns: testRuns.length,
    trialsRun,
    fixedPlanTrials,
    savedTrials,
    savedShare: fixedPlanTrials === 0 ? 0 : savedTrials / fixedPlanTrials,
    testingCostPerTrialMicroUsd,
    savedCostMicroUsd:
      trialsRun === 0 ? null : Math.round((savedTrials * testingSpentMicroUsd) / trialsRun),
  };
}

export function forecastDay(
  day: BudgetDay,
  now: Date,
  spentMicroUsd: number,
  limitMicroUsd: number,
): DayForecast {
  const length = day.end.getTime() - day.start.getTime();
  const elapsed = Math.min(Math.max(now.getTime() - day.start.getTime(), 0), length);
  return {
    day: day.key,
    spentMicroUsd,
    limitMicroUsd,
    elapsedShare: elapsed / length,
    forecastMicroUsd: elapsed === 0 ? null : Math.round((spentMicroUsd * length) / elapsed),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
