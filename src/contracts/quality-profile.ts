/**
 * A quality profile: what a build must demonstrate, per scenario category, before the gate approves it.
 * Thresholds are pass rates a one-sided confidence bound must clear, never raw rates, unless a profile asks
 * for `mode: point` explicitly.
 */
import { z } from "zod";
import { ScenarioCategory } from "./scenario-category.js";

export const Probability = z
  .number()
  .gt(0, "must be greater than 0")
  .lt(1, "must be less than 1 (a bound can never demonstrate 100%)");

export const IntervalMethodName = z.enum(["clopper-pearson", "wilson", "jeffreys"]);

export const GateMode = z.enum(["bound", "point"]);
export type GateMode = z.infer<typeof GateMode>;

export const CategoryPolicy = z.strictObject({
  /** The pass rate the category must demonstrate. */
  threshold: Probability,
  /** Overrides the profile's confidence for this category. */
  confidence: Probability.optional(),
  /** Any failed scenario in this category sends the build back, whatever the bounds say. */
  zeroTolerance: z.boolean().default(false),
});
export type CategoryPolicy = z.infer<typeof CategoryPolicy>;

/** Changes to a category's policy in a profile that extends another: no defaults, so nothing is reset. */
export const CategoryPolicyChange = z.strictObject({
  threshold: Probability.optional(),
  confidence: Probability.optional(),
  zeroTolerance: z.boolean().optional(),
});

/**
 * What the intake station asks of a spec before any money is spent: its requirements-lint score
 * (0–100, docs/requirements-lint.md) must be at least this; below it the spec goes back for
 * clarification.
 */
export const IntakePolicy = z.strictObject({
  minimumScore: z.number().min(0).max(100),
});
export type IntakePolicy = z.infer<typeof IntakePolicy>;

/** The intake minimum of a profile that does not say one (a profile written from scratch). */
export const defaultIntakeMinimumScore = 75;

/**
 * What a live release must show, judged on the probes: the share of failed probes, and the 95th
 * percentile of their latency (judged as "at most 5% of probes slower than this").
 */
export const SloPolicy = z.strictObject({
  /** The failure rate of probes a healthy release stays under. */
  errorRate: Probability.default(0.02),
  p95LatencyMs: z.number().positive().default(1_000),
});
export type SloPolicy = z.infer<typeof SloPolicy>;

export const defaultSloPolicy: SloPolicy = SloPolicy.parse({});

export const QualityProfile = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(""),
  /** Confidence of the one-sided bounds the gate compares with the thresholds. */
  confidence: Probability.default(0.95),
  method: IntervalMethodName.default("clopper-pearson"),
  mode: GateMode.default("bound"),
  /** Only the categories listed here are gated; others are reported but cannot block a build. */
  categories: z
    .partialRecord(ScenarioCategory, CategoryPolicy)
    .refine(
      (categories) => Object.keys(categories).length > 0,
      "a profile must gate at least one category",
    ),
  /** The lint score a spec needs at intake; `defaultIntakeMinimumScore` when absent. */
  intake: IntakePolicy.optional(),
  /** Builds the line tries for one work item before it goes to the exception queue (the first counts). */
  maxAttempts: z.int().min(1).max(20).default(3),
  /**
   * Rounds of trials one build may get: the first run of the suite, then sequential rounds on
   * `more-trials`, each with new scenarios, within the testing budget. Then the item is escalated.
   */
  maxTrialRounds: z.int().min(1).max(20).default(3),
  /** What the monitor holds a live release of this profile to. */
  slo: SloPolicy.default(defaultSloPolicy),
});
export type QualityProfile = z.infer<typeof QualityProfile>;
export type QualityProfileInput = z.input<typeof QualityProfile>;
