/**
 * The gate's verdict on a set of trial results: the decision, the reason a person can read, and the
 * evidence behind it. It is what `shopfloor gate --json` prints and what the line stores.
 */
import { z } from "zod";
import { GateMode, IntervalMethodName } from "./quality-profile.js";
import { ScenarioCategory } from "./scenario-category.js";

export const GateDecision = z.enum(["approve", "regenerate", "more-trials"]);
export type GateDecision = z.infer<typeof GateDecision>;

/** pass: clears its threshold; fail: cannot clear it (or broke zero tolerance); inconclusive: needs evidence. */
export const CategoryStatus = z.enum(["pass", "fail", "inconclusive", "not-gated"]);
export type CategoryStatus = z.infer<typeof CategoryStatus>;

export const LatencySummary = z.object({
  count: z.int().nonnegative(),
  min: z.number().nullable(),
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
  max: z.number().nullable(),
});
export type LatencySummary = z.infer<typeof LatencySummary>;

export const CategoryReport = z.object({
  category: ScenarioCategory,
  /** Scenarios, the unit of evidence: repeats of one scenario count once. */
  scenarios: z.int().nonnegative(),
  passed: z.int().nonnegative(),
  failed: z.int().nonnegative(),
  /** Executions including repeats; used for latency and flakiness, not as evidence. */
  trials: z.int().nonnegative(),
  passRate: z.number().nullable(),
  lowerBound: z.number().nullable(),
  upperBound: z.number().nullable(),
  threshold: z.number().nullable(),
  confidence: z.number().nullable(),
  zeroTolerance: z.boolean(),
  status: CategoryStatus,
  /** For an inconclusive category: further scenarios needed if all of them pass. */
  additionalScenariosNeeded: z.int().nonnegative().nullable(),
  reason: z.string(),
  latency: LatencySummary,
});
export type CategoryReport = z.infer<typeof CategoryReport>;

export const ErrorClusterReport = z.object({
  signature: z.string(),
  trials: z.int().positive(),
  scenarios: z.int().positive(),
  categories: z.array(ScenarioCategory),
  example: z.object({ scenario: z.string(), category: ScenarioCategory, error: z.string() }),
});
export type ErrorClusterReport = z.infer<typeof ErrorClusterReport>;

export const FlakyScenario = z.object({
  scenario: z.string(),
  category: ScenarioCategory,
  trials: z.int().positive(),
  passed: z.int().nonnegative(),
});
export type FlakyScenario = z.infer<typeof FlakyScenario>;

export const GateVerdict = z.object({
  decision: GateDecision,
  reason: z.string(),
  profile: z.string(),
  method: IntervalMethodName,
  mode: GateMode,
  categories: z.array(CategoryReport),
  latency: LatencySummary,
  errorClusters: z.array(ErrorClusterReport),
  flakyScenarios: z.array(FlakyScenario),
  /** For `more-trials`: the further scenarios the planner says are needed, summed over categories. */
  additionalScenariosNeeded: z.int().nonnegative().nullable(),
});
export type GateVerdict = z.infer<typeof GateVerdict>;
