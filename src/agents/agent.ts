/**
 * The agent port. The factory does not care which agent writes the code; it cares that every agent is
 * run the same way: in its own workspace (a git worktree on its own branch), within limits, with what it
 * spent recorded, and with the gate's feedback as input when it has to try again.
 */
import type { AgentRun, FeedbackReport } from "../contracts/agent-run.js";
import type { Spec } from "../contracts/spec.js";

export interface AgentTask {
  workItem: string;
  /** The spec as read, and its Markdown as written (what a coding agent is given to read). */
  spec: Spec;
  specText: string;
  /** The station's instructions: what to build and how the build is checked. */
  instructions: string;
  /** 1 for the first build; more on regeneration. */
  attempt: number;
  /** On regeneration: what the gate found. Never the holdout suite. */
  feedback?: FeedbackReport;
}

export interface AgentLimits {
  /** Always set: the run is stopped (and its processes killed) when it is reached. */
  wallClockMs: number;
  maxTurns?: number;
  maxOutputTokens?: number;
  /** Passed to agents that can enforce it themselves (Claude Code's --max-budget-usd). */
  maxCostUsd?: number;
}

/** A git worktree the run owns: nobody else writes in it, and its result is a commit on its branch. */
export interface Workspace {
  path: string;
  branch: string;
  /** The commit the branch started from. */
  baseCommit: string;
  /** Where the run's transcript and other artifacts go; outside the worktree. */
  artifactsFolder: string;
}

export interface Agent {
  /** The adapter's name as the config and reports use it: `claude`, `scaffold`, `llm`… */
  readonly name: string;
  run(
    task: AgentTask,
    workspace: Workspace,
    limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun>;
}

/** Whether an agent can run on this machine, and if not, what to install or configure. */
export interface AgentAvailability {
  name: string;
  available: boolean;
  /** The binary or model it would use, or why it cannot run and how to fix that. */
  detail: string;
}
