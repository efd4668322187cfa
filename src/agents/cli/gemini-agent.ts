/**
 * Gemini CLI, headless: `gemini -p <prompt> --output-format json --approval-mode auto_edit [-m M]`,
 * which prints one JSON object when it ends: `response`, `stats.models.<model>` with its requests and
 * tokens (prompt, candidates, cached, thoughts), and `error` when it failed. Exit code 53 means it ran
 * out of turns. Gemini reports no cost: ours comes from the price table, per model.
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

const ModelStats = z.looseObject({
  api: z.looseObject({ totalRequests: Count }).optional(),
  tokens: z
    .looseObject({ prompt: Count, candidates: Count, cached: Count, thoughts: Count })
    .optional(),
});

const GeminiOutput = z.looseObject({
  response: z.string().nullable().optional(),
  stats: z.looseObject({ models: z.record(z.string(), ModelStats).optional() }).optional(),
  error: z.looseObject({ message: z.string().optional(), type: z.string().optional() }).optional(),
});
type GeminiOutput = z.infer<typeof GeminiOutput>;

/** Gemini CLI's exit code when the session ran out of turns. */
const turnLimitExitCode = 53;

export const geminiDefinition: CliAgentDefinition = {
  name: "gemini",
  defaultBinary: "gemini",
  installHint: "npm install -g @google/gemini-cli",
  stdoutFormat: "text",
  // One pretty-printed JSON object, not JSON Lines.
  transcriptFormat: "txt",
  priceProvider: "google",
  invocation: ({ prompt, model }) => {
    // Headless, edits need approving in advance: auto_edit approves edits, not shell commands.
    const args = ["-p", prompt, "--output-format", "json", "--approval-mode", "auto_edit"];
    if (model !== undefined) args.push("--model", model);
    return { args };
  },
  createReader: () => new GeminiReader(),
};

export function createGeminiAgent(options: CliAgentOptions): CliAgent {
  return new CliAgent(geminiDefinition, options);
}

class GeminiReader implements OutputReader {
  #output: GeminiOutput | undefined;
  #unreadable = false;

  progress(): RunProgress {
    const models = Object.entries(this.#output?.stats?.models ?? {});
    const byModel = models.map(([model, stats]) => {
      const thoughts = stats.tokens?.thoughts ?? 0;
      return {
        model,
        tokens: consistentTokens({
          inputTokens: stats.tokens?.prompt,
          cachedInputTokens: stats.tokens?.cached,
          outputTokens: (stats.tokens?.candidates ?? 0) + thoughts,
          reasoningTokens: thoughts,
        }),
        requests: stats.api?.totalRequests ?? 0,
      };
    });
    return {
      turns: Math.round(byModel.reduce((sum, entry) => sum + entry.requests, 0)),
      tokens: byModel.reduce<AgentTokens>(
        (sum, entry) => addTokens(sum, entry.tokens),
        noAgentTokens,
      ),
      model: byModel[0]?.model,
      tokensByModel: byModel.length > 0 ? byModel : undefined,
    };
  }

  outcome(process: AgentProcessResult): RunOutcome {
    this.read(process.stdout);
    const output = this.#output;
    if (output?.error !== undefined) {
      return {
        status: "failed",
        summary: `gemini failed: ${output.error.message ?? output.error.type}`,
      };
    }
    if (process.exitCode === turnLimitExitCode) {
      return { status: "failed", summary: "gemini reached its turn limit" };
    }
    if (process.exitCode !== 0)
      return { status: "failed", summary: exitFailure("gemini", process) };
    if (output === undefined) {
      const why = this.#unreadable ? "output that is not its JSON" : "no output";
      return { status: "failed", summary: `gemini ended with ${why}` };
    }
    return {
      status: "succeeded",
      summary: shortSummary(output.response ?? "") || "gemini finished",
    };
  }

  /** The JSON object it printed; anything it printed before the object is skipped. */
  private read(stdout: string): void {
    const start = stdout.indexOf("{");
    if (start === -1) return;
    try {
      const parsed = GeminiOutput.safeParse(JSON.parse(stdout.slice(start)));
      if (parsed.success) this.#output = parsed.data;
      else this.#unreadable = true;
    } catch {
      this.#unreadable = true;
    }
  }
}
