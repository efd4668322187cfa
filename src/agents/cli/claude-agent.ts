/**
 * Claude Code, headless: `claude -p <prompt> --output-format stream-json --verbose`, with the model,
 * turn limit and budget passed through, and edits accepted without asking. Read from its stream: the
 * model (system init), turns and tokens as assistant messages arrive, and the final `result` event:
 * subtype, is_error, num_turns, usage, modelUsage per model and total_cost_usd.
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
  usdToMicroUsd,
} from "./output-reader.js";
import { addTokens, consistentTokens, noAgentTokens } from "./token-counts.js";

const Count = z.number().nonnegative().optional();

const AnthropicUsage = z.looseObject({
  input_tokens: Count,
  cache_read_input_tokens: Count,
  cache_creation_input_tokens: Count,
  output_tokens: Count,
});
type AnthropicUsage = z.infer<typeof AnthropicUsage>;

const SystemInit = z.looseObject({
  type: z.literal("system"),
  subtype: z.literal("init"),
  model: z.string().min(1),
});

const AssistantEvent = z.looseObject({
  type: z.literal("assistant"),
  message: z.looseObject({ id: z.string().optional(), usage: AnthropicUsage.optional() }),
});

const ModelUsage = z.looseObject({
  inputTokens: Count,
  outputTokens: Count,
  cacheReadInputTokens: Count,
  cacheCreationInputTokens: Count,
});

const ResultEvent = z.looseObject({
  type: z.literal("result"),
  subtype: z.string(),
  is_error: z.boolean().optional(),
  result: z.string().optional(),
  num_turns: Count,
  total_cost_usd: Count,
  usage: AnthropicUsage.optional(),
  modelUsage: z.record(z.string(), ModelUsage).optional(),
  errors: z.array(z.unknown()).optional(),
});
type ResultEvent = z.infer<typeof ResultEvent>;

export const claudeDefinition: CliAgentDefinition = {
  name: "claude",
  defaultBinary: "claude",
  installHint: "npm install -g @anthropic-ai/claude-code",
  stdoutFormat: "json-lines",
  transcriptFormat: "jsonl",
  priceProvider: "anthropic",
  enforces: { turns: true, cost: true },
  invocation: ({ prompt, model, limits }) => {
    const args = ["-p", prompt, "--output-format", "stream-json", "--verbose"];
    // Headless, nobody can approve an edit; acceptEdits lets it write files in its worktree.
    args.push("--permission-mode", "acceptEdits");
    if (model !== undefined) args.push("--model", model);
    if (limits.maxTurns !== undefined) args.push("--max-turns", String(limits.maxTurns));
    if (limits.maxCostUsd !== undefined) args.push("--max-budget-usd", String(limits.maxCostUsd));
    return { args };
  },
  createReader: () => new ClaudeReader(),
};

export function createClaudeAgent(options: CliAgentOptions): CliAgent {
  return new CliAgent(claudeDefinition, options);
}

/** Anthropic counts cache reads and writes apart from input; ours has them inside input. */
function anthropicTokens(usage: AnthropicUsage | undefined): AgentTokens {
  const cacheRead = usage?.cache_read_input_tokens ?? 0;
  return consistentTokens({
    inputTokens: (usage?.input_tokens ?? 0) + cacheRead + (usage?.cache_creation_input_tokens ?? 0),
    cachedInputTokens: cacheRead,
    outputTokens: usage?.output_tokens ?? 0,
  });
}

class ClaudeReader implements OutputReader {
  #model: string | undefined;
  /** Usage of each assistant message so far, by message id (a message can arrive in parts). */
  readonly #messages = new Map<string, AgentTokens>();
  #result: ResultEvent | undefined;

  onEvent(event: unknown): void {
    const init = SystemInit.safeParse(event);
    if (init.success) {
      this.#model = init.data.model;
      return;
    }
    const assistant = AssistantEvent.safeParse(event);
    if (assistant.success) {
      const id = assistant.data.message.id ?? `message-${this.#messages.size}`;
      this.#messages.set(id, anthropicTokens(assistant.data.message.usage));
      return;
    }
    const result = ResultEvent.safeParse(event);
    if (result.success) this.#result = result.data;
  }

  progress(): RunProgress {
    const result = this.#result;
    if (result === undefined) {
      return {
        turns: this.#messages.size,
        tokens: [...this.#messages.values()].reduce(addTokens, noAgentTokens),
        model: this.#model,
      };
    }
    const byModel = Object.entries(result.modelUsage ?? {}).map(([model, usage]) => ({
      model,
      tokens: anthropicTokens({
        input_tokens: usage.inputTokens,
        cache_read_input_tokens: usage.cacheReadInputTokens,
        cache_creation_input_tokens: usage.cacheCreationInputTokens,
        output_tokens: usage.outputTokens,
      }),
    }));
    return {
      turns: Math.round(result.num_turns ?? this.#messages.size),
      tokens: anthropicTokens(result.usage),
      reportedCostMicroUsd:
        result.total_cost_usd === undefined ? undefined : usdToMicroUsd(result.total_cost_usd),
      model: this.#model ?? byModel[0]?.model,
      tokensByModel: byModel.length > 0 ? byModel : undefined,
    };
  }

  outcome(process: AgentProcessResult): RunOutcome {
    const result = this.#result;
    if (result === undefined) {
      return { status: "failed", summary: `${exitFailure("claude", process)}, without a result` };
    }
    const said = result.result ?? errorText(result.errors);
    if (result.subtype === "error_max_budget_usd") {
      return { status: "over-budget", summary: `claude reached its budget: ${said}`.trim() };
    }
    if (result.subtype === "error_max_turns") {
      return {
        status: "failed",
        summary: `claude reached its turn limit after ${result.num_turns} turns`,
      };
    }
    if (result.is_error || result.subtype !== "success") {
      return { status: "failed", summary: `claude failed (${result.subtype}): ${said}`.trim() };
    }
    if (process.exitCode !== 0)
      return { status: "failed", summary: exitFailure("claude", process) };
    return { status: "succeeded", summary: shortSummary(said) || "claude finished" };
  }
}

function errorText(errors: readonly unknown[] | undefined): string {
  return (errors ?? [])
    .map((error) => (typeof error === "string" ? error : JSON.stringify(error)))
    .join("; ");
}
