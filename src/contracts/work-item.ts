/**
 * A work item: one spec travelling down the line, and what the line records about it. The states are the
 * stations it waits at or has reached; every change of state is a `work-item.transition` event written
 * before the change takes effect (line-event.ts). A build is one agent run of one attempt: best-of-N
 * line-ups make several builds per attempt, each tested and gated on its own.
 */
import { z } from "zod";
import { AgentRun, FeedbackReport } from "./agent-run.js";
import { GateVerdict } from "./gate-verdict.js";
import { TrialResult } from "./trial-result.js";

export const workItemStates = [
  "intake",
  "build",
  "scenarios",
  "trials",
  "gate",
  "approved",
  "deploy",
  "live",
  "rolled-back",
  "exception",
  "rejected",
] as const;
export const WorkItemState = z.enum(workItemStates);
export type WorkItemState = z.infer<typeof WorkItemState>;

/**
 * States the line leaves an item in: only a person's decision, the deploy station (approved) or the
 * monitor (live) moves it on.
 */
export const settledWorkItemStates: readonly WorkItemState[] = [
  "approved",
  "live",
  "rolled-back",
  "exception",
  "rejected",
];

/** The stations that do work; each has its own job queue and concurrency limit. */
export const stationNames = ["intake", "build", "scenarios", "trials", "gate", "deploy"] as const;
export const StationName = z.enum(stationNames);
export type StationName = z.infer<typeof StationName>;

/** One agent of a line-up, optionally wrapped in fault injection (labelled as injected everywhere). */
export const LineUpAgent = z.strictObject({
  /** An adapter name from the agent registry: scaffold, llm, claude, codex, opencode, gemini, aider, command. */
  agent: z.string().min(1),
  /** A model role or name from the config's `models`, for agents that take one. */
  model: z.string().min(1).optional(),
  faults: z
    .strictObject({
      probability: z.number().min(0).max(1),
      seed: z.int().nonnegative().default(1),
      kinds: z.array(z.string().min(1)).min(1).optional(),
      /** The attempts it may inject into (1 = the first build); default every attempt. */
      attempts: z.array(z.int().positive()).min(1).optional(),
    })
    .optional(),
});
export type LineUpAgent = z.infer<typeof LineUpAgent>;

/**
 * How the build station combines agents: one agent; best-of-N (N candidates built in parallel from the
 * listed agents in turn, all gated, the best approved one wins, every candidate charged); or a fallback
 * chain (the next agent after `afterFailures` failed attempts of the current one).
 */
export const LineUp = z.discriminatedUnion("pattern", [
  z.strictObject({ pattern: z.literal("single"), agent: LineUpAgent }),
  z.strictObject({
    pattern: z.literal("best-of"),
    candidates: z.int().min(2).max(16),
    agents: z.array(LineUpAgent).min(1),
  }),
  z.strictObject({
    pattern: z.literal("fallback"),
    agents: z.array(LineUpAgent).min(2),
    afterFailures: z.int().positive().default(1),
  }),
]);
export type LineUp = z.infer<typeof LineUp>;

export const WorkItem = z.strictObject({
  /** e.g. `todo-api-3f9c2a`: the spec's name and a short random suffix. */
  id: z.string().min(1),
  /** The spec's name (its front matter `name`, else its file name). */
  name: z.string().min(1),
  /** The spec file as given, absolute. */
  specPath: z.string().min(1),
  /** Content hash of the spec text the item runs on (an artifact). */
  specHash: z.string().min(1),
  profile: z.string().min(1),
  lineUp: LineUp,
  state: WorkItemState,
  /** 1 for the first build; each regeneration adds one. */
  attempt: z.int().positive(),
  /** The stored suite that judges it, `NAME@VERSION`, once the scenarios station ran. */
  suite: z.string().min(1).optional(),
  /** The build that was approved. */
  approvedBuild: z.string().min(1).optional(),
  /** The item this one continues (a clarified spec, a fix). */
  parent: z.string().min(1).optional(),
  /** Set on a fix work item: the production incident it repairs (the monitor opened it). */
  fixes: z.string().min(1).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const buildStates = ["building", "built", "failed", "testing", "tested", "gated"] as const;
export const BuildState = z.enum(buildStates);
export type BuildState = z.infer<typeof BuildState>;

export const Build = z.strictObject({
  /** `<work item>.<attempt>.<candidate>`, e.g. `todo-api-3f9c2a.2.1`. */
  id: z.string().min(1),
  workItem: z.string().min(1),
  attempt: z.int().positive(),
  /** 1..N within the attempt (N > 1 only for best-of-N). */
  candidate: z.int().positive(),
  agent: z.string().min(1),
  model: z.string().min(1).optional(),
  state: BuildState,
  branch: z.string().min(1).optional(),
  run: AgentRun.optional(),
  /** The feedback the agent was given (attempt > 1). */
  feedback: FeedbackReport.optional(),
  verdict: GateVerdict.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Build = z.infer<typeof Build>;

export const exceptionReasons = [
  "spec-too-vague",
  "retries-spent",
  "budget-reached",
  "inconclusive-gate",
  "agent-cannot-build",
  "deploy-failed",
  "monitor-regression",
] as const;
export const ExceptionReason = z.enum(exceptionReasons);
export type ExceptionReason = z.infer<typeof ExceptionReason>;

export const LineException = z.strictObject({
  id: z.string().min(1),
  workItem: z.string().min(1),
  build: z.string().min(1).optional(),
  reason: ExceptionReason,
  /** One sentence a person reads first. */
  summary: z.string().min(1),
  /** What the line knew: lint findings, the verdict, the budget status, the agent's summary… */
  evidence: z.record(z.string(), z.unknown()),
  state: z.enum(["open", "decided"]),
  openedAt: z.string(),
});
export type LineException = z.infer<typeof LineException>;

export const decisionActions = [
  "approve",
  "reject",
  "clarify",
  "change-profile",
  "raise-budget",
  "retry",
] as const;
export const DecisionAction = z.enum(decisionActions);
export type DecisionAction = z.infer<typeof DecisionAction>;

/** The decisions that fit each reason, the likeliest first: what the CLI suggests and the dashboard offers. */
export const decisionsForReason: Record<ExceptionReason, readonly DecisionAction[]> = {
  "spec-too-vague": ["clarify", "approve", "reject"],
  "retries-spent": ["retry", "change-profile", "approve", "reject"],
  "budget-reached": ["raise-budget", "retry", "reject"],
  "inconclusive-gate": ["change-profile", "retry", "approve", "reject"],
  "agent-cannot-build": ["retry", "clarify", "reject"],
  "deploy-failed": ["retry", "reject"],
  "monitor-regression": ["retry", "reject"],
};

/** A person's decision on an exception: what, who, when and why. */
export const Decision = z.strictObject({
  id: z.string().min(1),
  exception: z.string().min(1),
  workItem: z.string().min(1),
  action: DecisionAction,
  by: z.string().min(1),
  reason: z.string().min(1),
  at: z.string(),
  /** The action's argument: the clarified spec's hash, the new profile, the new daily budget… */
  details: z.record(z.string(), z.unknown()).default({}),
});
export type Decision = z.infer<typeof Decision>;

/** One trial as the line stores it: its result, keyed by (build, scenario, attempt) and counted once. */
export const StoredTrial = z.strictObject({
  build: z.string().min(1),
  result: TrialResult,
  at: z.string(),
});
export type StoredTrial = z.infer<typeof StoredTrial>;
