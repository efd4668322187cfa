/**
 * The line API's schemas: what it answers (the line's status, work items and their histories, exceptions,
 * decisions, lint reports, events) and what it accepts (submissions, decisions, queries). Answers whose
 * types the line already defines are checked against them with `satisfies`, so the two cannot drift.
 * Browser-safe: the dashboard imports these.
 */
import { z } from "@hono/zod-openapi";
import { CostCategory } from "../../../contracts/cost-event.js";
import { LintReport } from "../../../contracts/lint.js";
import { ScenarioCategory } from "../../../contracts/scenario-category.js";
import {
  Build,
  Decision,
  DecisionAction,
  LineException,
  StationName,
  WorkItem,
  WorkItemState,
  workItemStates,
} from "../../../contracts/work-item.js";
import type { LineStatus } from "../../../line/line-status.js";
import type { WorkItemHistory } from "../../../line/work-item-history.js";
import { LineUpSchema } from "../factory/factory-schemas.js";
import { namedSchema } from "../named-schema.js";
import { LineEventSchema } from "./line-event-schema.js";

export { LatencyHistogram } from "./latency-histogram-schema.js";
export { LineEventSchema } from "./line-event-schema.js";

const MicroUsd = z.int().nonnegative();

export const WorkItemSchema = namedSchema(WorkItem, "WorkItem");
export const LineExceptionSchema = namedSchema(LineException, "LineException");
export const DecisionSchema = namedSchema(Decision, "Decision");
export const LintReportSchema = namedSchema(LintReport, "LintReport");

const StationCounts = z.strictObject({
  waiting: z.int().nonnegative(),
  leased: z.int().nonnegative(),
  done: z.int().nonnegative(),
  dead: z.int().nonnegative(),
});

export const LineStatusSchema = z
  .strictObject({
    states: z.record(WorkItemState, z.int().nonnegative()),
    items: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        state: WorkItemState,
        attempt: z.int().positive(),
        updatedAt: z.string(),
        ageSeconds: z.number().nonnegative(),
      }),
    ),
    outcomes: z.strictObject({
      approved: z.int().nonnegative(),
      rejected: z.int().nonnegative(),
      exception: z.int().nonnegative(),
      approvalRate: z.number().min(0).max(1).nullable(),
    }),
    passRates: z.record(ScenarioCategory, z.number().min(0).max(1).nullable()),
    spendToday: z.strictObject({
      totalMicroUsd: MicroUsd,
      byCategory: z.record(CostCategory, MicroUsd),
      limitMicroUsd: MicroUsd,
    }),
    queue: z.record(StationName, StationCounts),
    openExceptions: z.int().nonnegative(),
  })
  .openapi("LineStatus") satisfies z.ZodType<LineStatus>;

export const WorkItemCostsSchema = z
  .strictObject({
    totalMicroUsd: MicroUsd,
    byCategory: z.record(CostCategory, MicroUsd),
    byStation: z.record(z.string(), MicroUsd),
    byAgentModel: z.array(
      z.strictObject({ agent: z.string(), model: z.string().nullable(), microUsd: MicroUsd }),
    ),
  })
  .openapi("WorkItemCosts");

export const WorkItemHistorySchema = z
  .strictObject({
    item: WorkItemSchema,
    events: z.array(LineEventSchema),
    /** Each with its agent run and, once gated, its verdict. */
    builds: z.array(namedSchema(Build, "Build")),
    exceptions: z.array(LineExceptionSchema),
    decisions: z.array(DecisionSchema),
    costs: WorkItemCostsSchema,
  })
  .openapi("WorkItemHistory") satisfies z.ZodType<WorkItemHistory>;

export const WorkItemList = z.strictObject({ items: z.array(WorkItemSchema) });
export const ExceptionList = z.strictObject({ exceptions: z.array(LineExceptionSchema) });
export const EventList = z.strictObject({ events: z.array(LineEventSchema) });

/** `?state=trials,gate`: any of these states; each must be one the line knows. */
export const ItemsQuery = z.strictObject({
  state: z
    .string()
    .superRefine((text, context) => {
      const unknown = text.split(",").filter((state) => !WorkItemState.safeParse(state).success);
      if (unknown.length > 0) {
        context.addIssue({
          code: "custom",
          message: `unknown state ${unknown.map((state) => `"${state}"`).join(", ")}; states are ${workItemStates.join(", ")}`,
        });
      }
    })
    .transform((text) => text.split(",") as WorkItemState[])
    .optional()
    .openapi({ description: "Comma-separated states, e.g. `trials,gate`", example: "exception" }),
});

export const ExceptionsQuery = z.strictObject({
  state: z.enum(["open", "decided", "all"]).default("open"),
});

const Sequence = z.coerce.number().int().nonnegative();

export const EventsQuery = z.strictObject({
  after: Sequence.optional().openapi({ description: "Only events after this sequence number" }),
  workItem: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: "Only this work item's events (its full id)" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(200)
    .openapi({ description: "At most this many events: 200 unless asked, 1000 at most" }),
  newest: z.coerce.number().int().min(1).max(1000).optional().openapi({
    description: "Only the newest this many events (still oldest first), e.g. a feed's",
  }),
});

export const EventStreamQuery = z.strictObject({
  /** Start after this sequence (else after `Last-Event-ID`, else at the end of the log: new events only). */
  after: Sequence.optional(),
});

/** Browsers send the last id they saw when they reconnect; an `after` in the query wins over it. */
export const EventStreamHeaders = z.object({ "last-event-id": Sequence.optional() });

export const ItemParams = z.strictObject({
  id: z.string().min(1).openapi({ description: "A work item's id, or a prefix only it has" }),
});
export const BuildParams = z.strictObject({
  build: z.string().min(1).openapi({ description: "A build's id, e.g. `todo-api-3f9c2a.2.1`" }),
});
export const ExceptionParams = z.strictObject({
  id: z.string().min(1).openapi({ description: "An exception's id, or a prefix only it has" }),
});

/** What a spec is known by: a Markdown file's name, with no folder. */
const SpecName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.md$/,
    "a Markdown file's name without a folder, such as todo-api.md",
  );
const SpecText = z.string().min(1, "the spec is empty").max(1_000_000, "a spec is at most 1 MB");

export const SubmitBody = z
  .strictObject({
    name: SpecName,
    /** The spec's Markdown text. */
    spec: SpecText,
    /** Default: the spec's front matter `profile`, else the config's default profile. */
    profile: z.string().min(1).optional(),
    /**
     * This item's line-up instead of the config's, as `shopfloor run --agent/--best-of/--faults` give
     * one: every agent it names must exist and be able to run here.
     */
    lineUp: LineUpSchema.optional(),
  })
  .openapi("SubmitRequest");

export const LintBody = z
  .strictObject({
    name: SpecName,
    spec: SpecText,
    /** Whose intake minimum applies; default the spec's `profile`, else the config's default. */
    profile: z.string().min(1).optional(),
  })
  .openapi("LintRequest");

/** What each action needs besides a reason; checked here so the field named is the request's. */
const neededFor: Partial<Record<DecisionAction, "clarifiedSpec" | "profile" | "dailyBudgetUsd">> = {
  clarify: "clarifiedSpec",
  "change-profile": "profile",
  "raise-budget": "dailyBudgetUsd",
};

export const DecisionBody = z
  .strictObject({
    action: DecisionAction,
    /** Why, for the record. */
    reason: z.string().trim().min(1, "say why"),
    /** change-profile: the profile to judge the item under. */
    profile: z.string().min(1).optional(),
    /** raise-budget: the new daily budget in dollars. */
    dailyBudgetUsd: z.number().positive().optional(),
    /** clarify: the new spec's Markdown text; it goes down the line as a new item. */
    clarifiedSpec: SpecText.optional(),
  })
  .superRefine((body, context) => {
    const needed = neededFor[body.action];
    if (needed !== undefined && body[needed] === undefined) {
      context.addIssue({
        code: "custom",
        path: [needed],
        message: `${body.action} needs ${needed}`,
      });
    }
  })
  .openapi("DecisionRequest");
