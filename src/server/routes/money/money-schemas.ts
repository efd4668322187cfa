/**
 * The money area's schemas: today's budget (limits, spend, reservations, alerts, the policy with where
 * each value comes from, the day's forecast), a change to the budget, and the cost report. Answers are
 * checked against the ledger's interfaces so the two cannot drift. Amounts are integer micro-dollars.
 */
import { z } from "@hono/zod-openapi";
import type { BudgetAlert } from "../../../ledger/alerts.js";
import type { BudgetPolicy } from "../../../ledger/budget-policy.js";
import type {
  BudgetLine,
  BudgetStatus,
  CategoryBudgetLine,
} from "../../../ledger/budget-status.js";
import type { CostDimension, CostReport, CostRow } from "../../../ledger/cost-report.js";
import type {
  DayForecast,
  Economics,
  HumanComparison,
  SequentialTestingSavings,
} from "../../../ledger/economics.js";
import type { LedgerReport } from "../../../ledger/ledger-report.js";

/** What JSON makes of an interface: a key whose value may be undefined may be missing. */
type AsJson<Shape> = {
  [Key in keyof Shape as undefined extends Shape[Key] ? never : Key]: Shape[Key];
} & {
  [Key in keyof Shape as undefined extends Shape[Key] ? Key : never]?: Shape[Key];
};

const MicroUsd = z.int();
const Share = z.number().min(0).max(1);
const CostCategory = z.enum(["inference", "testing", "ci", "monitoring"]);
const DayKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date such as 2026-11-24")
  .refine(isCalendarDate, "a date that exists, such as 2026-11-24");
const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day as HH:MM, such as 06:00");

export const BudgetSplit = z
  .strictObject({ inference: Share, testing: Share, ci: Share, monitoring: Share })
  .openapi("BudgetSplit");

const SettingSource = z
  .discriminatedUnion("from", [
    z.strictObject({ from: z.literal("default") }),
    z.strictObject({ from: z.literal("config") }),
    z.strictObject({
      from: z.literal("database"),
      by: z.string(),
      at: z.string(),
      reason: z.string(),
    }),
  ])
  .openapi("BudgetSettingSource");

export const BudgetPolicySchema = z
  .strictObject({
    timeZone: z.string(),
    dayStart: TimeOfDay,
    dailyMicroUsd: MicroUsd,
    split: BudgetSplit,
    /** Absent: no cap. */
    itemCapMicroUsd: MicroUsd.optional(),
    runCapMicroUsd: MicroUsd.optional(),
    alertPercents: z.array(z.number()),
    reservationMinutes: z.number(),
    developerDayUsd: z.number(),
    changesPerDeveloperDay: z.number(),
    sources: z.strictObject({
      dailyUsd: SettingSource,
      split: SettingSource,
      timeZone: SettingSource,
      dayStart: SettingSource,
      itemCapUsd: SettingSource,
      runCapUsd: SettingSource,
    }),
  })
  .openapi("BudgetPolicy") satisfies z.ZodType<AsJson<BudgetPolicy>>;

const budgetLineShape = {
  limitMicroUsd: MicroUsd,
  spentMicroUsd: MicroUsd,
  reservedMicroUsd: MicroUsd,
  leftMicroUsd: MicroUsd,
};

const BudgetLineSchema = z.strictObject(budgetLineShape) satisfies z.ZodType<BudgetLine>;

const CategoryBudgetLineSchema = z.strictObject({
  category: CostCategory,
  share: Share,
  ...budgetLineShape,
}) satisfies z.ZodType<CategoryBudgetLine>;

const BudgetAlertSchema = z.strictObject({
  kind: z.literal("budget.alert"),
  at: z.string(),
  day: DayKey,
  scope: z.enum(["inference", "testing", "ci", "monitoring", "total"]),
  thresholdPercent: z.number(),
  spentMicroUsd: MicroUsd,
  limitMicroUsd: MicroUsd,
}) satisfies z.ZodType<BudgetAlert>;

export const DayForecastSchema = z
  .strictObject({
    day: DayKey,
    spentMicroUsd: MicroUsd,
    limitMicroUsd: MicroUsd,
    elapsedShare: Share,
    /** Spend at the end of the day at the rate so far; null at the very start of the day. */
    forecastMicroUsd: MicroUsd.nullable(),
  })
  .openapi("DayForecast") satisfies z.ZodType<DayForecast>;

const budgetStatusShape = {
  now: z.string(),
  day: z.strictObject({ key: DayKey, start: z.string(), end: z.string() }),
  categories: z.array(CategoryBudgetLineSchema),
  total: BudgetLineSchema,
  alerts: z.array(BudgetAlertSchema),
  policy: BudgetPolicySchema,
};

z.strictObject(budgetStatusShape) satisfies z.ZodType<
  Omit<BudgetStatus, "policy"> & { policy: AsJson<BudgetPolicy> }
>;

/** Today's budget as the ledger has it, and the spend at the end of the day at today's rate. */
export const BudgetAnswer = z
  .strictObject({ ...budgetStatusShape, forecast: DayForecastSchema })
  .openapi("BudgetStatus");
export type BudgetAnswer = z.infer<typeof BudgetAnswer>;

const UsdAmount = z.number().positive("must be more than 0 dollars");
/** A cap in dollars; 0 or null removes it. */
const CapUsd = z.number().min(0, "must be 0 or more (0 removes the cap)").nullable();

/** What `shopfloor budget set` can change; values left out stay as they are. */
export const BudgetChangeRequest = z
  .strictObject({
    /** Why: kept with the change in the budget's history. */
    reason: z.string().trim().min(1, "say why the budget changes: it is kept with the change"),
    dailyUsd: UsdAmount.optional(),
    split: BudgetSplit.refine(
      (split) => Math.abs(split.inference + split.testing + split.ci + split.monitoring - 1) < 1e-9,
      "the shares of inference, testing, ci and monitoring must add up to 1",
    ).optional(),
    /** IANA time zone of the budget day, such as Europe/Paris. */
    timeZone: z.string().min(1).optional(),
    dayStart: TimeOfDay.optional(),
    itemCapUsd: CapUsd.optional(),
    runCapUsd: CapUsd.optional(),
  })
  .openapi("BudgetChange");
export type BudgetChangeRequest = z.infer<typeof BudgetChangeRequest>;

export const costDimensionNames = ["day", "category", "station", "agent", "model"] as const;

export const CostsQuery = z.strictObject({
  /** First budget day; default 29 days before `until`. */
  since: DayKey.optional(),
  /** Last budget day, included; default today. */
  until: DayKey.optional(),
  by: (z.enum(costDimensionNames) satisfies z.ZodType<CostDimension>).default("category"),
});

const CostRowSchema = z
  .strictObject({
    key: z.string(),
    events: z.int(),
    unpricedEvents: z.int(),
    inputTokens: z.int(),
    outputTokens: z.int(),
    amountMicroUsd: MicroUsd,
  })
  .openapi("CostRow") satisfies z.ZodType<CostRow>;

const CostReportSchema = z.strictObject({
  since: DayKey,
  until: DayKey,
  timeZone: z.string(),
  dayStart: TimeOfDay,
  by: z.enum(costDimensionNames),
  rows: z.array(CostRowSchema),
  total: CostRowSchema,
}) satisfies z.ZodType<CostReport>;

const HumanComparisonSchema = z.strictObject({
  developerDayUsd: z.number(),
  changesPerDeveloperDay: z.number(),
  costPerChangeMicroUsd: MicroUsd,
  costOfApprovedChangesMicroUsd: MicroUsd,
  factoryToHumanRatio: z.number().nullable(),
}) satisfies z.ZodType<HumanComparison>;

const SequentialTestingSavingsSchema = z.strictObject({
  testRuns: z.int(),
  trialsRun: z.int(),
  fixedPlanTrials: z.int(),
  savedTrials: z.int(),
  savedShare: z.number(),
  testingCostPerTrialMicroUsd: MicroUsd.nullable(),
  savedCostMicroUsd: MicroUsd.nullable(),
}) satisfies z.ZodType<SequentialTestingSavings>;

const EconomicsSchema = z.strictObject({
  spentMicroUsd: MicroUsd,
  approvedChanges: z.int(),
  costPerApprovedChangeMicroUsd: MicroUsd.nullable(),
  human: HumanComparisonSchema,
  sequentialTesting: SequentialTestingSavingsSchema.nullable(),
}) satisfies z.ZodType<Economics>;

/** Spend over a range of budget days grouped one way, the range's economics, today's forecast. */
export const CostsAnswer = z
  .strictObject({
    costs: CostReportSchema,
    economics: EconomicsSchema,
    forecast: DayForecastSchema,
  })
  .openapi("CostReport") satisfies z.ZodType<LedgerReport>;

function isCalendarDate(key: string): boolean {
  const instant = Date.parse(`${key}T00:00:00Z`);
  return !Number.isNaN(instant) && new Date(instant).toISOString().slice(0, 10) === key;
}
