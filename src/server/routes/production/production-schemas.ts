/**
 * The production API's schemas: releases, incidents, a person's rollback, a monitor cycle's report and
 * what the monitor knows of each live release. The answers the line already types are checked against
 * those types with `satisfies`, so the two cannot drift. Browser-safe: the dashboard imports these.
 */
import { z } from "@hono/zod-openapi";
import {
  Incident,
  ProbeResult,
  Release,
  ReleaseState,
  releaseStates,
} from "../../../contracts/release.js";
import type {
  MonitorCycleReport,
  MonitorStatus,
  RollbackOutcome,
} from "../../../line/factory-line.js";
import { WorkItemSchema } from "../line/line-schemas.js";
import { namedSchema } from "../named-schema.js";

export const ReleaseSchema = namedSchema(Release, "Release");
export const IncidentSchema = namedSchema(Incident, "Incident");
export const ProbeResultSchema = namedSchema(ProbeResult, "ProbeResult");

export const ReleaseList = z.strictObject({ releases: z.array(ReleaseSchema) });
export const IncidentList = z.strictObject({ incidents: z.array(IncidentSchema) });

/** `?service=todo-api&state=live,standby`: each state must be one a release can be in. */
export const ReleasesQuery = z.strictObject({
  service: z.string().min(1).optional().openapi({ example: "todo-api" }),
  state: z
    .string()
    .superRefine((text, context) => {
      const unknown = text.split(",").filter((state) => !ReleaseState.safeParse(state).success);
      if (unknown.length > 0) {
        context.addIssue({
          code: "custom",
          message: `unknown release state ${unknown.map((state) => `"${state}"`).join(", ")}; states are ${releaseStates.join(", ")}`,
        });
      }
    })
    .transform((text) => text.split(",") as ReleaseState[])
    .optional()
    .openapi({ description: "Comma-separated states, e.g. `live,standby`", example: "live" }),
});

export const IncidentsQuery = z.strictObject({
  service: z.string().min(1).optional().openapi({ example: "todo-api" }),
});

export const WorkItemParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .openapi({
      param: { name: "id", in: "path" },
      description: "A work item id or a unique prefix",
    }),
});

export const RollbackRequest = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(1, "say why: it is kept with the incident")
      .max(2000)
      .openapi({ example: "orders are lost since the deploy" }),
  })
  .openapi("RollbackRequest");

export const RollbackOutcomeSchema = z
  .strictObject({
    /** The release taken out, now rolled back. */
    release: ReleaseSchema,
    /** The release live again; none when the rolled-back one was its service's first. */
    to: ReleaseSchema.optional(),
    incident: IncidentSchema,
  })
  .openapi("RollbackOutcome") satisfies z.ZodType<RollbackOutcome>;

const Count = z.int().nonnegative();

/** The monitor's sequential-test counts since the window started at `startedCycle`. */
export const SloWindowSchema = z
  .strictObject({ startedCycle: z.int().positive(), probes: Count, failures: Count, slow: Count })
  .openapi("SloWindow");

const SloVerdict = z.enum(["healthy", "watching", "breach"]);

const SprtOutcome = z
  .strictObject({
    decision: z.enum(["accept", "reject", "continue"]),
    logLikelihoodRatio: z.number(),
  })
  .openapi("SprtOutcome");

const SloWatch = z
  .strictObject({
    window: SloWindowSchema,
    decision: SloVerdict,
    reason: z.string(),
    evidence: z.strictObject({
      probes: Count,
      failures: Count,
      slow: Count,
      errorRate: z.number().min(0).max(1).nullable(),
      p95LatencyMs: z.number().nonnegative().nullable(),
    }),
    errors: SprtOutcome,
    latency: SprtOutcome,
  })
  .openapi("SloWatch");

const BreachOutcome = z
  .strictObject({
    incident: IncidentSchema,
    rolledBackTo: ReleaseSchema.optional(),
    fixItem: WorkItemSchema.optional(),
  })
  .openapi("BreachOutcome");

const ReleaseCheck = z
  .strictObject({
    release: ReleaseSchema,
    item: WorkItemSchema,
    results: z.array(ProbeResultSchema),
    watch: SloWatch,
    breach: BreachOutcome.optional(),
    /** Why the scenario probes did not run this cycle (the monitoring budget refused them). */
    refused: z.string().optional(),
  })
  .openapi("ReleaseCheck");

export const MonitorCycleReportSchema = z
  .strictObject({ cycle: z.int().positive(), at: z.string(), checks: z.array(ReleaseCheck) })
  .openapi("MonitorCycleReport") satisfies z.ZodType<MonitorCycleReport>;

const SloTestPlan = z
  .strictObject({
    errorRate: z.number(),
    p95LatencyMs: z.number(),
    breachFactor: z.number(),
    alpha: z.number(),
    beta: z.number(),
  })
  .openapi("SloTestPlan");

const ReleaseMonitorStatus = z
  .strictObject({
    release: ReleaseSchema,
    profile: z.string(),
    slo: SloTestPlan.optional(),
    state: z.enum(["unprobed", "healthy", "watching", "breach"]),
    reason: z.string(),
    window: SloWindowSchema.optional(),
    lastCycle: z
      .strictObject({ cycle: z.int().positive(), at: z.string(), probes: Count, failures: Count })
      .optional(),
    lastProbes: z.array(ProbeResultSchema),
  })
  .openapi("ReleaseMonitorStatus");

export const MonitorStatusSchema = z
  .strictObject({
    intervalSeconds: z.number().positive(),
    probesPerCycle: z.int().positive(),
    releases: z.array(ReleaseMonitorStatus),
  })
  .openapi("MonitorStatus") satisfies z.ZodType<MonitorStatus>;
