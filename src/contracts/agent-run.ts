/**
 * What every agent run comes to, whichever agent did the work: a status, the commit it left, what it
 * changed, what it spent (tokens, and cost both as the agent reported it and as our price table computes
 * it), how long it took, and where its transcript is. The line stores it and the ledger charges it.
 */
import { z } from "zod";

export const agentRunStatuses = [
  "succeeded",
  "failed",
  "timed-out",
  "over-budget",
  "cancelled",
] as const;
export const AgentRunStatus = z.enum(agentRunStatuses);
export type AgentRunStatus = z.infer<typeof AgentRunStatus>;

const Count = z.int().nonnegative();

export const AgentTokens = z.strictObject({
  inputTokens: Count,
  /** Part of inputTokens read from a prompt cache. */
  cachedInputTokens: Count,
  outputTokens: Count,
  /** Part of outputTokens a reasoning model spent thinking. */
  reasoningTokens: Count,
});
export type AgentTokens = z.infer<typeof AgentTokens>;

export const noAgentTokens: AgentTokens = Object.freeze({
  inputTokens: 0,
  cachedInputTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
});

/** A fault the fault-injection wrapper put into the build: labelled wherever the build appears. */
export const InjectedFault = z.strictObject({
  /** e.g. `drop-validation`, `flip-comparison`, `break-error-path`. */
  kind: z.string().min(1),
  file: z.string().min(1),
  line: z.int().positive(),
  description: z.string().min(1),
});
export type InjectedFault = z.infer<typeof InjectedFault>;

export const AgentRun = z.strictObject({
  /** The adapter: llm, claude, codex, opencode, gemini, aider, command, scaffold (or a wrapper of one). */
  agent: z.string().min(1),
  model: z.string().min(1).optional(),
  status: AgentRunStatus,
  /** What the agent said it did, or why it failed, in a sentence or two. */
  summary: z.string(),
  /** The commit the run left on its branch; absent when it changed nothing or failed before. */
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  filesChanged: z.array(z.string()),
  turns: Count,
  tokens: AgentTokens,
  /** The agent's own cost figure, when it reports one (Claude Code's total_cost_usd, opencode's cost). */
  reportedCostMicroUsd: Count.optional(),
  /** Ours, from the token counts and the price table; absent when the model has no known price. */
  computedCostMicroUsd: Count.optional(),
  durationMs: z.number().nonnegative(),
  /** Path of the transcript artifact (the agent's raw event stream or conversation). */
  transcript: z.string().min(1),
  injectedFaults: z.array(InjectedFault).default([]),
  /**
   * False when the agent knows that trying again cannot help (the scaffold agent asked for a kind of
   * product it does not build); absent when it cannot tell.
   */
  retryable: z.boolean().optional(),
});
export type AgentRun = z.infer<typeof AgentRun>;

/**
 * What the gate tells an agent that has to try again: how far each category fell short and what the
 * failures look like. Never the holdout suite itself: no scenario's steps, only error messages.
 */
export const FeedbackReport = z.strictObject({
  decision: z.enum(["regenerate", "more-trials", "escalate"]),
  reason: z.string(),
  categories: z.array(
    z.strictObject({
      category: z.enum(["normal", "edge", "malicious"]),
      passed: Count,
      failed: Count,
      passRate: z.number().nullable(),
      threshold: z.number().nullable(),
    }),
  ),
  /** Failures grouped by signature, most frequent first. */
  errorClusters: z.array(
    z.strictObject({ signature: z.string(), count: Count, example: z.string() }),
  ),
  /** A few failures in full: the scenario's title and the error, never its steps. */
  examples: z.array(z.strictObject({ title: z.string(), error: z.string() })),
});
export type FeedbackReport = z.infer<typeof FeedbackReport>;
