/**
 * The built-in LLM coding agent (`llm`): our own agent loop on the AI SDK. The model works in the
 * workspace through a few tools (files, search, commands in the sandbox) and ends the run with `finish`,
 * which runs the build's checks; it goes on until they pass or a limit stops it (steps, output tokens,
 * cost, wall clock, or the caller's signal). Every step goes to a JSON Lines transcript; what the model
 * left is committed; tokens and our computed cost are summed over the steps. It never throws for a
 * failure of the agent: the run's status and summary say what happened.
 */
import { AISDKError, generateText, type LanguageModel, type ModelMessage } from "ai";
import type { AgentRun, AgentRunStatus } from "../../contracts/agent-run.js";
import type { PricesConfig } from "../../contracts/cost-event.js";
import type { Sandbox, SandboxLimits } from "../../runners/sandbox/sandbox.js";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../agent.js";
import { commitWorkspace, type WorkspaceCommit } from "../workspace/commit-workspace.js";
import { transcriptPath } from "../workspace/transcript.js";
import { continuePrompt, llmSystemPrompt, llmTaskPrompt } from "./llm-prompt.js";
import { type LimitPassed, LlmRunAccount } from "./llm-run-account.js";
import { llmTools } from "./llm-tools.js";
import { errorText, LlmTranscript } from "./llm-transcript.js";
import { RunDeadline } from "./run-deadline.js";
import { systemTimers, type Timers } from "./run-sandboxed-command.js";

/** The steps a run may take when the limits set none. */
export const defaultMaxTurns = 50;
/** Times a model that stops talking without calling finish is told to go on. */
export const maximumNudges = 2;
const maximumSummaryCharacters = 1_000;

export interface LlmAgentOptions {
  model: LanguageModel;
  /** The model as configured, e.g. `openai/gpt-4.1`: reported, and looked up in the price table. */
  modelName: string;
  /** Where run_command and the checks run. */
  sandbox: Sandbox;
  /** The build's own checks, e.g. `["npm", "test"]`, run by finish; without them finish just ends. */
  checkCommand?: readonly string[];
  now(): number;
  /** Retries of a failed model call (429, 5xx, network); the AI SDK's default is 2. */
  maxRetries?: number;
  /** The config's price overrides, looked at before the bundled price list. */
  prices?: PricesConfig;
  sandboxLimits?: Partial<SandboxLimits>;
  /** The wall-clock timer and the commands' timeouts; tests fire them by hand. */
  timers?: Timers;
}

interface Ending {
  status: AgentRunStatus;
  summary: string;
}

/** What one run knows while it goes. */
interface RunState {
  task: AgentTask;
  workspace: Workspace;
  limits: AgentLimits;
  maxSteps: number;
  hasChecks: boolean;
  deadline: RunDeadline;
  account: LlmRunAccount;
  transcript: LlmTranscript;
  /** The model's summary, once finish has ended the run. */
  finished?: string;
}

export class LlmAgent implements Agent {
  readonly name = "llm";
  readonly #options: LlmAgentOptions;

  constructor(options: LlmAgentOptions) {
    this.#options = options;
  }

  async run(
    task: AgentTask,
    workspace: Workspace,
    limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun> {
    const { now, modelName, prices } = this.#options;
    const started = now();
    const state: RunState = {
      task,
      workspace,
      limits,
      maxSteps: limits.maxTurns ?? defaultMaxTurns,
      hasChecks: this.#options.checkCommand !== undefined,
      deadline: new RunDeadline(signal, limits.wallClockMs, this.#options.timers ?? systemTimers),
      account: new LlmRunAccount({ modelName, now, ...(prices === undefined ? {} : { prices }) }),
      transcript: new LlmTranscript(transcriptPath(workspace, this.name), now),
    };
    let ending: Ending;
    try {
      ending = await this.#converse(state).then(
        (lastText) => endingOf(state, undefined, lastText),
        (error: unknown) => endingOf(state, error, ""),
      );
    } finally {
      state.deadline.dispose();
    }
    const committed = await this.#commit(state, ending);
    if (committed.problem !== undefined) {
      ending = {
        status: ending.status === "succeeded" ? "failed" : ending.status,
        summary: `${ending.summary}; what it changed could not be committed: ${committed.problem}`,
      };
    }
    const agentRun: AgentRun = {
      agent: this.name,
      model: modelName,
      status: ending.status,
      summary: withTranscriptProblem(ending.summary, state.transcript.problem),
      ...(committed.commit === undefined ? {} : { commit: committed.commit }),
      filesChanged: committed.filesChanged,
      turns: state.account.steps,
      tokens: state.account.tokens,
      ...(state.account.costMicroUsd === undefined
        ? {}
        : { computedCostMicroUsd: state.account.costMicroUsd }),
      durationMs: Math.max(0, now() - started),
      transcript: state.transcript.path,
      injectedFaults: [],
    };
    await state.transcript.note({ type: "end", ...agentRun });
    return agentRun;
  }

  /** The conversation, until a stop; answers the model's last text. */
  async #converse(state: RunState): Promise<string> {
    const { model, sandbox, checkCommand, sandboxLimits, maxRetries, timers } = this.#options;
    const system = llmSystemPrompt(checkCommand);
    const prompt = llmTaskPrompt(state.task);
    await state.transcript.start({
      agent: this.name,
      model: this.#options.modelName,
      workItem: state.task.workItem,
      attempt: state.task.attempt,
      limits: state.limits,
      system,
      prompt,
    });
    const tools = llmTools({
      root: state.workspace.path,
      sandbox,
      signal: state.deadline.signal,
      onFinished: (summary) => {
        state.finished = summary;
      },
      ...(checkCommand === undefined ? {} : { checkCommand }),
      ...(sandboxLimits === undefined ? {} : { sandboxLimits }),
      ...(timers === undefined ? {} : { timers }),
    });
    const messages: ModelMessage[] = [{ role: "user", content: prompt }];
    for (let nudges = 0; ; nudges += 1) {
      const result = await generateText({
        model,
        system,
        messages,
        tools,
        stopWhen: () => shouldStop(state),
        abortSignal: state.deadline.signal,
        ...(maxRetries === undefined ? {} : { maxRetries }),
        onStepFinish: async (step) => {
          state.account.record(step.usage);
          await state.transcript.step(step);
        },
      });
      messages.push(...result.response.messages);
      if (shouldStop(state) || nudges >= maximumNudges) return result.text;
      const nudge = continuePrompt(checkCommand !== undefined);
      messages.push({ role: "user", content: nudge });
      await state.transcript.note({ type: "user", text: nudge });
    }
  }

  async #commit(state: RunState, ending: Ending): Promise<WorkspaceCommit & { problem?: string }> {
    const { task, workspace } = state;
    const message = `${this.name}: ${task.workItem}, attempt ${task.attempt} (${ending.status})\n\n${ending.summary}\n`;
    try {
      return await commitWorkspace(workspace, message);
    } catch (error) {
      return { filesChanged: [], problem: errorText(error) };
    }
  }
}

function shouldStop(state: RunState): boolean {
  return (
    state.finished !== undefined ||
    state.deadline.signal.aborted ||
    state.account.steps >= state.maxSteps ||
    state.account.limitPassed(state.limits) !== undefined
  );
}

function endingOf(state: RunState, error: unknown, lastText: string): Ending {
  if (state.finished !== undefined) {
    return { status: "succeeded", summary: cut(state.finished.trim() || "the checks passed") };
  }
  const goal = state.hasChecks ? "before the checks passed" : "before the agent called finish";
  const cause = state.deadline.cause;
  if (cause === "timed-out") {
    return {
      status: "timed-out",
      summary: `the wall-clock limit (${state.limits.wallClockMs} ms) was reached ${goal}`,
    };
  }
  if (cause === "cancelled") return { status: "cancelled", summary: "the run was cancelled" };
  if (error !== undefined) {
    // The SDK's errors are the model's (a refused call, retries used up); others are ours.
    const what = AISDKError.isInstance(error)
      ? "the language model did not answer"
      : "the run failed";
    return { status: "failed", summary: cut(`${what}: ${errorText(error)}`) };
  }
  const passed = state.account.limitPassed(state.limits);
  if (passed !== undefined) return { status: "over-budget", summary: overBudgetSummary(passed) };
  if (state.account.steps >= state.maxSteps) {
    return {
      status: "failed",
      summary: `the step limit (${state.maxSteps}) was reached ${goal}`,
    };
  }
  const said = lastText.trim() === "" ? "" : `: ${lastText.trim()}`;
  return { status: "failed", summary: cut(`the model stopped without finishing${said}`) };
}

function overBudgetSummary(passed: LimitPassed): string {
  if (passed.kind === "output-tokens") {
    return `the output-token limit (${passed.limit}) was passed: ${passed.spent} output tokens spent`;
  }
  const dollars = (microUsd: number) => `$${(microUsd / 1_000_000).toFixed(4)}`;
  return `the cost limit (${dollars(passed.limitMicroUsd)}) was passed: ${dollars(passed.spentMicroUsd)} spent`;
}

function withTranscriptProblem(summary: string, problem: string | undefined): string {
  return problem === undefined ? summary : `${summary} (the transcript is incomplete: ${problem})`;
}

function cut(text: string): string {
  return text.length <= maximumSummaryCharacters
    ? text
    : `${text.slice(0, maximumSummaryCharacters - 1)}…`;
}
