/**
 * OpenAI Codex, headless: `codex exec --json --sandbox workspace-write <prompt>` (exec is read-only by
 * default; workspace-write lets it edit its worktree). Read from its JSON Lines: turn.completed with
 * usage (input_tokens, cached_input_tokens, output_tokens), turn.failed and error events, and the last
 * agent_message item as the summary. Codex reports no cost: ours comes from the price table.
 */
import { z } from "zod";
import type { AgentTokens } from "../../contracts/agent-run.js";
import type { AgentProcessResult } from "../process/agent-process.js";
import { CliAgent, type CliAgentOptions } from "./cli-agent.js";
import {
  type CliAgentDefinition,
  exitFailure,
  type OutputReader,
  type RunOutcome,
  type RunProgress,
  shortSummary,
} from "./output-reader.js";
import { addTokens, consistentTokens, noAgentTokens } from "./token-counts.js";

const Count = z.number().nonnegative().optional();

const TurnCompleted = z.looseObject({
  type: z.literal("turn.completed"),
  usage: z
    .looseObject({
      input_tokens: Count,
      cached_input_tokens: Count,
      output_tokens: Count,
      reasoning_output_tokens: Count,
    })
    .optional(),
});

const TurnFailed = z.looseObject({
  type: z.literal("turn.failed"),
  error: z.looseObject({ message: z.string() }).optional(),
});

const ErrorEvent = z.looseObject({ type: z.literal("error"), message: z.string().optional() });

const ItemCompleted = z.looseObject({
  type: z.literal("item.completed"),
  item: z.looseObject({ type: z.string(), text: z.string().optional() }),
});

export const codexDefinition: CliAgentDefinition = {
  name: "codex",
  defaultBinary: "codex",
  installHint: "npm install -g @openai/codex",
  stdoutFormat: "json-lines",
  transcriptFormat: "jsonl",
  priceProvider: "openai",
  invocation: ({ prompt, model }) => {
    const args = ["exec", "--json", "--sandbox", "workspace-write", "--skip-git-repo-check"];
    if (model !== undefined) args.push("--model", model);
    args.push(prompt);
    return { args };
  },
  createReader: () => new CodexReader(),
};

export function createCodexAgent(options: CliAgentOptions): CliAgent {
  return new CliAgent(codexDefinition, options);
}

class CodexReader implements OutputReader {
  #turns = 0;
  #completedTurns = 0;
  #tokens: AgentTokens = noAgentTokens;
  #lastMessage: string | undefined;
  #failure: string | undefined;
  #lastError: string | undefined;

  onEvent(event: unknown): void {
    const completed = TurnCompleted.safeParse(event);
    if (completed.success) {
      const usage = completed.data.usage;
      this.#turns += 1;
      this.#completedTurns += 1;
      this.#tokens = addTokens(
        this.#tokens,
        consistentTokens({
          inputTokens: usage?.input_tokens,
          cachedInputTokens: usage?.cached_input_tokens,
          outputTokens: (usage?.output_tokens ?? 0) + (usage?.reasoning_output_tokens ?? 0),
          reasoningTokens: usage?.reasoning_output_tokens,
        }),
      );
      return;
    }
    const failed = TurnFailed.safeParse(event);
    if (failed.success) {
      this.#turns += 1;
      this.#failure = failed.data.error?.message ?? "the turn failed";
      return;
    }
    const error = ErrorEvent.safeParse(event);
    if (error.success) {
      this.#lastError = error.data.message ?? "an error";
      return;
    }
    const item = ItemCompleted.safeParse(event);
    if (item.success && item.data.item.type === "agent_message" && item.data.item.text) {
      this.#lastMessage = item.data.item.text;
    }
  }

  progress(): RunProgress {
    return { turns: this.#turns, tokens: this.#tokens };
  }

  outcome(process: AgentProcessResult): RunOutcome {
    if (this.#failure !== undefined) {
      return { status: "failed", summary: `codex failed: ${this.#failure}` };
    }
    if (process.exitCode !== 0) {
      const detail = this.#lastError === undefined ? "" : ` (${this.#lastError})`;
      return { status: "failed", summary: `${exitFailure("codex", process)}${detail}` };
    }
    if (this.#completedTurns === 0) {
      return {
        status: "failed",
        summary: `codex ended without completing a turn${this.#lastError ? `: ${this.#lastError}` : ""}`,
      };
    }
    return {
      status: "succeeded",
      summary: shortSummary(this.#lastMessage ?? "") || "codex finished",
    };
  }
}
