/**
 * What each coding CLI adapter supplies: how to invoke the program and how to read what it prints.
 * The shared runner (cli-agent.ts) does the rest the same way for all of them.
 */
import type { AgentRunStatus, AgentTokens } from "../../contracts/agent-run.js";
import type { AgentLimits, AgentTask, Workspace } from "../agent.js";
import type { AgentProcessResult, StdoutFormat } from "../process/agent-process.js";
import type { TranscriptFormat } from "../workspace/transcript.js";

/** What a run has spent so far, as read from the output. */
export interface RunProgress {
  turns: number;
  tokens: AgentTokens;
  /** The CLI's own cost figure, in micro-dollars, when it reports one. */
  reportedCostMicroUsd?: number;
  /** The model the CLI says it used. */
  model?: string;
  /** Tokens per model, when the CLI breaks them down (each is priced on its own). */
  tokensByModel?: ReadonlyArray<{ model: string; tokens: AgentTokens }>;
}

/** What the output says of how the run ended; only read when the program exited by itself. */
export interface RunOutcome {
  status: Extract<AgentRunStatus, "succeeded" | "failed" | "over-budget">;
  summary: string;
}

export interface OutputReader {
  onEvent?(event: unknown): void;
  onLine?(line: string): void;
  progress(): RunProgress;
  outcome(result: AgentProcessResult): RunOutcome;
}

export interface InvocationInput {
  task: AgentTask;
  prompt: string;
  model?: string;
  limits: AgentLimits;
  workspace: Workspace;
}

export interface Invocation {
  args: string[];
  stdin?: string;
  /** Variables added to the agent's environment. */
  environment?: Record<string, string>;
}

export interface CliAgentDefinition {
  /** The adapter's name: claude, codex, opencode, gemini, aider, command. */
  name: string;
  /** The program's usual name on PATH. */
  defaultBinary: string;
  installHint: string;
  stdoutFormat: StdoutFormat;
  transcriptFormat: TranscriptFormat;
  /** The provider in the price list (anthropic, openai, google), when the models are all of one. */
  priceProvider?: string;
  /** Paths the CLI leaves in the worktree that are not part of the build (its caches). */
  commitExclude?: readonly string[];
  /** Limits the CLI enforces itself, so the runner does not stop it for them. */
  enforces?: { turns?: boolean; cost?: boolean };
  invocation(input: InvocationInput): Invocation | Promise<Invocation>;
  createReader(): OutputReader;
}

/** The first few hundred characters of a text, on one line: a summary fits in a report. */
export function shortSummary(text: string, limit = 500): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > limit ? `${oneLine.slice(0, limit - 1)}…` : oneLine;
}

/** What a failed exit says: its code and the end of stderr. */
export function exitFailure(name: string, result: AgentProcessResult): string {
  const how =
    result.exitSignal === null
      ? `exited with code ${result.exitCode}`
      : `was killed by ${result.exitSignal}`;
  const stderr = shortSummary(result.stderrTail.split("\n").slice(-5).join(" "), 300);
  return stderr === "" ? `${name} ${how}` : `${name} ${how}: ${stderr}`;
}

export function usdToMicroUsd(usd: number): number {
  return Math.max(0, Math.round(usd * 1_000_000));
}
