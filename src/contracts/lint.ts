/**
 * The requirements lint's report: what the intake station found in a spec before any money is spent
 * (docs/requirements-lint.md). Each finding names a stable rule id, its severity, the line in the spec's
 * Markdown, the offending words and a concrete rewrite; the report adds the score, the profile's minimum
 * and the decision, `pass` or `clarify`.
 */
import { z } from "zod";

/** The deterministic rules, and `llm-review` for what a language model's review adds. */
export const lintRuleIds = [
  "vague-word",
  "unmeasurable-quantity",
  "passive-without-actor",
  "weak-modal",
  "missing-criteria",
  "untestable-criterion",
  "missing-error-behaviour",
  "unconstrained-field",
  "model-contradiction",
  "undefined-term",
  "llm-review",
] as const;
export const LintRuleId = z.enum(lintRuleIds);
export type LintRuleId = z.infer<typeof LintRuleId>;

export const lintSeverities = ["error", "warning", "info"] as const;
export const LintSeverity = z.enum(lintSeverities);
export type LintSeverity = z.infer<typeof LintSeverity>;

export const LintFinding = z.strictObject({
  rule: LintRuleId,
  severity: LintSeverity,
  /** 1-based line in the spec's Markdown file. */
  line: z.int().positive(),
  /** The offending words, as written; "" when the finding is about something missing. */
  text: z.string(),
  message: z.string().min(1),
  /** A concrete rewrite, or what to add. */
  suggestion: z.string().min(1),
});
export type LintFinding = z.infer<typeof LintFinding>;

export const LintDecision = z.enum(["pass", "clarify"]);
export type LintDecision = z.infer<typeof LintDecision>;

const UsageFigures = z.strictObject({
  inputTokens: z.int().nonnegative(),
  cachedInputTokens: z.int().nonnegative(),
  outputTokens: z.int().nonnegative(),
  reasoningTokens: z.int().nonnegative(),
  calls: z.int().nonnegative(),
});

/** What a language model's review added: findings kept, findings dropped as invalid, tokens spent. */
export const LintModelReview = z.strictObject({
  model: z.string().min(1),
  findings: z.int().nonnegative(),
  dropped: z.int().nonnegative(),
  usage: UsageFigures.optional(),
  /** Why the review did not happen (the model did not answer); the deterministic findings stand. */
  error: z.string().optional(),
});
export type LintModelReview = z.infer<typeof LintModelReview>;

export const LintReport = z.strictObject({
  /** The spec's file, as the findings' lines refer to it. */
  spec: z.string(),
  score: z.number().min(0).max(100),
  minimumScore: z.number().min(0).max(100),
  decision: LintDecision,
  findings: z.array(LintFinding),
  llm: LintModelReview.optional(),
});
export type LintReport = z.infer<typeof LintReport>;
