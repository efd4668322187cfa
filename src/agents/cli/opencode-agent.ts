/**
 * opencode, headless: `opencode run --format json [-m provider/model] <prompt>`. Read from its JSON
 * Lines: each step_finish part's cost and tokens (input, output, reasoning, cache read and write),
 * summed; the last text part as the summary; error events. Each step is one turn.
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

const StepFinish = z.looseObject({
  type: z.literal("step_finish"),
  part: z.looseObject({
    cost: Count,
    tokens: z
      .looseObject({
        input: Count,
        output: Count,
        reasoning: Count,
        cache: z.looseObject({ read: Count, write: Count }).optional(),
      })
      .optional(),
  }),
});

const TextEvent = z.looseObject({
  type: z.literal("text"),
  part: z.looseObject({ text: z.string() }),
});

const ErrorEvent = z.looseObject({
  type: z.literal("error"),
  error: z
    .looseObject({
      name: z.string().optional(),
      data: z.looseObject({ message: z.string().optional() }).optional(),
    })
    .optional(),
});

export const opencodeDefinition: CliAgentDefinition = {
  name: "opencode",
  defaultBinary: "opencode",
  installHint: "npm install -g opencode-ai",
  stdoutFormat: "json-lines",
  transcriptFormat: "jsonl",
  invocation: ({ prompt, model }) => {
    const args = ["run", "--format", "json"];
    if (model !== undefined) args.push("--model", model);
    args.push(prompt);
    return { args };
  },
  createReader: () => new OpencodeReader(),
};

export function createOpencodeAgent(options: CliAgentOptions): CliAgent {
  return new CliAgent(opencodeDefinition, options);
}

class OpencodeReader implements OutputReader {
  #steps = 0;
  #tokens: AgentTokens = noAgentTokens;
  #costMicroUsd = 0;
  #costReported = false;
  #lastText: string | undefined;
  #error: string | undefined;

  onEvent(event: unknown): void {
    const step = StepFinish.safeParse(event);
    if (step.success) {
      const { cost, tokens } = step.data.part;
      this.#steps += 1;
      if (cost !== undefined) {
        this.#costReported = true;
        this.#costMicroUsd += usdToMicroUsd(cost);
      }
      // opencode counts cache reads and writes apart from input, and reasoning apart from output.
      const cacheRead = tokens?.cache?.read ?? 0;
      this.#tokens = addTokens(
        this.#tokens,
        consistentTokens({
          inputTokens: (tokens?.input ?? 0) + cacheRead + (tokens?.cache?.write ?? 0),
          cachedInputTokens: cacheRead,
          outputTokens: (tokens?.output ?? 0) + (tokens?.reasoning ?? 0),
          reasoningTokens: tokens?.reasoning,
        }),
      );
      return;
    }
    const text = TextEvent.safeParse(event);
    if (text.success) {
      if (text.data.part.text.trim() !== "") this.#lastText = text.data.part.text;
      return;
    }
    const error = ErrorEvent.safeParse(event);
    if (error.success) {
      this.#error = error.data.error?.data?.message ?? error.data.error?.name ?? "an error";
    }
  }

  progress(): RunProgress {
    return {
      turns: this.#steps,
      tokens: this.#tokens,
      reportedCostMicroUsd: this.#costReported ? this.#costMicroUsd : undefined,
    };
  }

  outcome(process: AgentProcessResult): RunOutcome {
    if (this.#error !== undefined)
      return { status: "failed", summary: `opencode failed: ${this.#error}` };
    if (process.exitCode !== 0)
      return { status: "failed", summary: exitFailure("opencode", process) };
    if (this.#steps === 0)
      return { status: "failed", summary: "opencode ended without a single step" };
    return {
      status: "succeeded",
      summary: shortSummary(this.#lastText ?? "") || "opencode finished",
    };
  }
}
