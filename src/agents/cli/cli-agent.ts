/**
 * One way of running every coding CLI: the prompt built from the task, the program started in the
 * worktree through the agent process runner, its output read by the adapter's reader, the limits
 * enforced (wall clock always; turns, output tokens and cost when the CLI does not enforce them
 * itself), what it changed committed, and its spending turned into an AgentRun. An agent's failure
 * is a run with status `failed`, never an exception; a missing program is a config error.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AgentRun, type AgentRunStatus } from "../../contracts/agent-run.js";
import type { PricesConfig } from "../../contracts/cost-event.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../agent.js";
import {
  type AgentProcessResult,
  type ProcessControl,
  runAgentProcess,
} from "../process/agent-process.js";
import { commitWorkspace, type WorkspaceCommit } from "../workspace/commit-workspace.js";
import { transcriptPath } from "../workspace/transcript.js";
import { buildAgentPrompt } from "./agent-prompt.js";
import type { CliAgentDefinition, OutputReader, RunOutcome } from "./output-reader.js";
import { shortSummary } from "./output-reader.js";
import { computedCostMicroUsd } from "./run-cost.js";

export interface CliAgentOptions {
  /** The program, when not the CLI's usual name on PATH. */
  binary?: string;
  model?: string;
  /** Added after the adapter's own arguments. */
  extraArgs?: readonly string[];
  /** The agent's environment: PATH, HOME, its API keys. */
  environment: Readonly<Record<string, string | undefined>>;
  now(): number;
  prices?: PricesConfig;
  /** Between SIGTERM and SIGKILL when the run is stopped; default 2 s. */
  killGraceMs?: number;
}

/** Variables that would point the agent's own git commands away from its worktree. */
const gitVariables = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR"];

export class CliAgent implements Agent {
  readonly name: string;
  readonly #definition: CliAgentDefinition;
  readonly #options: CliAgentOptions;

  constructor(definition: CliAgentDefinition, options: CliAgentOptions) {
    this.name = definition.name;
    this.#definition = definition;
    this.#options = options;
  }

  async run(
    task: AgentTask,
    workspace: Workspace,
    limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun> {
    const { now } = this.#options;
    const started = now();
    const definition = this.#definition;
    const prompt = buildAgentPrompt(task);
    const transcript = transcriptPath(workspace, definition.name, definition.transcriptFormat);
    await mkdir(workspace.artifactsFolder, { recursive: true });
    await writeFile(join(workspace.artifactsFolder, `${definition.name}-prompt.md`), prompt);
    const invocation = await definition.invocation({
      task,
      prompt,
      model: this.#options.model,
      limits,
      workspace,
    });
    const reader = definition.createReader();
    let limitStatus: AgentRunStatus = "failed";
    const checkLimits = (control: ProcessControl) => {
      const exceeded = this.exceededLimit(reader, limits);
      if (exceeded === undefined) return;
      limitStatus = exceeded.status;
      control.stop(exceeded.reason);
    };
    let result: AgentProcessResult;
    try {
      result = await runAgentProcess({
        command: this.#options.binary ?? definition.defaultBinary,
        args: [...invocation.args, ...(this.#options.extraArgs ?? [])],
        cwd: workspace.path,
        environment: this.environment(invocation.environment),
        stdin: invocation.stdin,
        wallClockMs: limits.wallClockMs,
        signal,
        transcriptPath: transcript,
        stdoutFormat: definition.stdoutFormat,
        installHint: definition.installHint,
        killGraceMs: this.#options.killGraceMs,
        onEvent: (event, control) => {
          reader.onEvent?.(event);
          checkLimits(control);
        },
        onLine: (line, control) => {
          reader.onLine?.(line);
          if (definition.stdoutFormat === "text") checkLimits(control);
        },
      });
    } catch (error) {
      if (error instanceof ShopfloorError && error.code === "invalid-config") throw error;
      return this.finish(task, workspace, reader, started, transcript, {
        status: "failed",
        summary: `${definition.name} could not be started: ${(error as Error).message}`,
      });
    }
    return this.finish(
      task,
      workspace,
      reader,
      started,
      transcript,
      this.ending(result, reader, limits, limitStatus),
    );
  }

  private ending(
    result: AgentProcessResult,
    reader: OutputReader,
    limits: AgentLimits,
    limitStatus: AgentRunStatus,
  ): { status: AgentRunStatus; summary: string } {
    const name = this.#definition.name;
    switch (result.ending) {
      case "timed-out":
        return {
          status: "timed-out",
          summary: `${name} was stopped at the wall-clock limit of ${seconds(limits.wallClockMs)}`,
        };
      case "cancelled":
        return { status: "cancelled", summary: `${name} was cancelled` };
      case "stopped":
        return { status: limitStatus, summary: `${name} was stopped: ${result.stopReason}` };
      case "exited": {
        const outcome: RunOutcome = reader.outcome(result);
        return result.malformedLines > 0 && outcome.status === "failed"
          ? {
              ...outcome,
              summary: `${outcome.summary} (${result.malformedLines} unreadable output lines)`,
            }
          : outcome;
      }
    }
  }

  /** A limit the CLI does not enforce itself, passed according to what it has printed so far. */
  private exceededLimit(
    reader: OutputReader,
    limits: AgentLimits,
  ): { status: AgentRunStatus; reason: string } | undefined {
    const progress = reader.progress();
    const enforces = this.#definition.enforces ?? {};
    if (!enforces.turns && limits.maxTurns !== undefined && progress.turns > limits.maxTurns) {
      return { status: "failed", reason: `it passed the limit of ${limits.maxTurns} turns` };
    }
    if (
      limits.maxOutputTokens !== undefined &&
      progress.tokens.outputTokens > limits.maxOutputTokens
    ) {
      return {
        status: "over-budget",
        reason: `it passed the limit of ${limits.maxOutputTokens} output tokens`,
      };
    }
    if (enforces.cost || limits.maxCostUsd === undefined) return undefined;
    const spent = progress.reportedCostMicroUsd ?? this.computedCost(reader, this.#options.now());
    if (spent !== undefined && spent > limits.maxCostUsd * 1_000_000) {
      return { status: "over-budget", reason: `it passed the budget of $${limits.maxCostUsd}` };
    }
    return undefined;
  }

  private computedCost(reader: OutputReader, at: number): number | undefined {
    return computedCostMicroUsd({
      progress: reader.progress(),
      configuredModel: this.#options.model,
      provider: this.#definition.priceProvider,
      at: new Date(at),
      prices: this.#options.prices,
    });
  }

  private async finish(
    task: AgentTask,
    workspace: Workspace,
    reader: OutputReader,
    started: number,
    transcript: string,
    ending: { status: AgentRunStatus; summary: string },
  ): Promise<AgentRun> {
    let status = ending.status;
    let summary = ending.summary;
    let committed: WorkspaceCommit = { filesChanged: [] };
    try {
      committed = await commitWorkspace(
        workspace,
        `${this.name}: ${task.workItem}, attempt ${task.attempt}\n\n${summary}`,
        { exclude: this.#definition.commitExclude },
      );
    } catch (error) {
      status = "failed";
      summary = `${summary}; what it changed could not be committed: ${(error as Error).message}`;
    }
    const finished = this.#options.now();
    const progress = reader.progress();
    return AgentRun.parse({
      agent: this.name,
      model: progress.model ?? this.#options.model,
      status,
      summary: shortSummary(summary),
      commit: committed.commit,
      filesChanged: committed.filesChanged,
      turns: progress.turns,
      tokens: progress.tokens,
      reportedCostMicroUsd: progress.reportedCostMicroUsd,
      computedCostMicroUsd: this.computedCost(reader, finished),
      durationMs: Math.max(0, finished - started),
      transcript,
      injectedFaults: [],
    });
  }

  private environment(added: Record<string, string> = {}): Record<string, string | undefined> {
    const environment: Record<string, string | undefined> = {
      ...this.#options.environment,
      ...added,
    };
    for (const name of gitVariables) delete environment[name];
    return environment;
  }
}

function seconds(milliseconds: number): string {
  return milliseconds % 1000 === 0
    ? `${milliseconds / 1000} s`
    : `${(milliseconds / 1000).toFixed(1)} s`;
}
