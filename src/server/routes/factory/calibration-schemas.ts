/**
 * The schemas of a calibration started from the API: the request (`shopfloor calibrate`'s options), the
 * calibration as it runs (mutant by mutant) and the report it ends with, the same report the CLI prints
 * and stores. Checked against the types of src/line/calibrate with `satisfies`. Browser-safe.
 */
import { z } from "@hono/zod-openapi";
import { InjectedFault } from "../../../contracts/agent-run.js";
import { GateDecision } from "../../../contracts/gate-verdict.js";
import type {
  CalibrationReport,
  InjectedMutant,
  UninjectedMutant,
} from "../../../line/calibrate/calibration-report.js";
import type { CalibrationRun } from "../../runtime/calibration-runs.js";
import { namedSchema } from "../named-schema.js";

export const CalibrateRequest = z
  .strictObject({
    /** Mutants to make and judge, one fault each; default 20, at most 1000. */
    mutants: z.int().positive().optional().openapi({ example: 20 }),
    /** Mutant i gets fault seed seed + i; default 1. */
    seed: z.int().nonnegative().optional().openapi({ example: 1 }),
  })
  .openapi("CalibrateRequest");

export const CalibrationParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: "id", in: "path" }, example: "calibration-3f9c2a1b" }),
});

const InjectedFaultSchema = namedSchema(InjectedFault, "InjectedFault");

const mutantBase = {
  mutant: z.int().positive(),
  seed: z.int().nonnegative(),
  /** The mutant's branch in the item's repository, kept so a missed fault can be read again. */
  branch: z.string(),
  commit: z.string().optional(),
};

const MutantOutcomeSchema = z.discriminatedUnion("injected", [
  z.strictObject({
    ...mutantBase,
    injected: z.literal(true),
    fault: InjectedFaultSchema,
    decision: GateDecision,
    /** Not approved: rejected or held back for more trials. */
    caught: z.boolean(),
    reason: z.string(),
    trials: z.int().nonnegative(),
    failedTrials: z.int().nonnegative(),
    cpuSeconds: z.number().nonnegative(),
    costMicroUsd: z.int().nonnegative(),
  }) satisfies z.ZodType<InjectedMutant>,
  z.strictObject({
    ...mutantBase,
    injected: z.literal(false),
    reason: z.string(),
  }) satisfies z.ZodType<UninjectedMutant>,
]);

export const CalibrationReportSchema = z
  .strictObject({
    workItem: z.string(),
    build: z.string(),
    commit: z.string(),
    /** `NAME@VERSION`: the suite that approved the build. */
    suite: z.string(),
    profile: z.string(),
    seed: z.int().nonnegative(),
    mutants: z.int().positive(),
    /** Mutants that got a fault: the figures' denominator. */
    injected: z.int().nonnegative(),
    caught: z.int().nonnegative(),
    /** caught / injected; null when no fault could be injected. */
    share: z.number().min(0).max(1).nullable(),
    interval: z.strictObject({
      method: z.literal("clopper-pearson"),
      confidence: z.number(),
      lower: z.number().min(0).max(1),
      upper: z.number().min(0).max(1),
    }),
    kinds: z.array(
      z.strictObject({
        kind: z.string(),
        injected: z.int().nonnegative(),
        caught: z.int().nonnegative(),
        rejected: z.int().nonnegative(),
      }),
    ),
    misses: z.array(
      z.strictObject({
        mutant: z.int().positive(),
        seed: z.int().nonnegative(),
        branch: z.string(),
        fault: InjectedFaultSchema,
        description: z.string(),
      }),
    ),
    notInjected: z.array(
      z.strictObject({
        mutant: z.int().positive(),
        seed: z.int().nonnegative(),
        reason: z.string(),
      }),
    ),
    outcomes: z.array(MutantOutcomeSchema),
    trials: z.int().nonnegative(),
    cpuSeconds: z.number().nonnegative(),
    costMicroUsd: z.int().nonnegative(),
    startedAt: z.string(),
    endedAt: z.string(),
  })
  .openapi("CalibrationReport") satisfies z.ZodType<CalibrationReport>;

export const CalibrationSchema = z
  .strictObject({
    id: z.string(),
    workItem: z.string(),
    /** The token that started it. */
    by: z.string(),
    mutants: z.int().positive(),
    seed: z.int().nonnegative(),
    state: z.enum(["running", "done", "failed"]),
    startedAt: z.string(),
    endedAt: z.string().optional(),
    progress: z.strictObject({
      /** Mutants judged, or found to have no site for a fault. */
      done: z.int().nonnegative(),
      injected: z.int().nonnegative(),
      caught: z.int().nonnegative(),
      /** The mutant being made or tested now. */
      current: z
        .strictObject({
          mutant: z.int().positive(),
          seed: z.int().nonnegative(),
          fault: InjectedFaultSchema.optional(),
          trialsDone: z.int().nonnegative().optional(),
          trialsTotal: z.int().nonnegative().optional(),
        })
        .optional(),
    }),
    /** Once done: what `shopfloor calibrate` prints. */
    report: CalibrationReportSchema.optional(),
    /** Content hash of the stored report (artifact kind `calibration`). */
    artifact: z.string().optional(),
    /** The sequence of its `calibration.end` event in the line's log. */
    event: z.int().positive().optional(),
    /** Why it stopped without a report. */
    error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
    sandboxWarning: z.string().optional(),
  })
  .openapi("Calibration") satisfies z.ZodType<CalibrationRun>;
export type CalibrationAnswer = z.infer<typeof CalibrationSchema>;

export const CalibrationList = z
  .strictObject({ calibrations: z.array(CalibrationSchema) })
  .openapi("CalibrationList");
