/**
 * Aider, in message mode: `aider --message <prompt> --yes-always --no-auto-commits [--model M]`; it
 * edits the files and the factory commits them. Its chat and input history go to the artifacts folder,
 * not the worktree. Read from its text output: the model (`Model:` / `Main model:`), and each
 * `Tokens: … sent, … received. Cost: $… message, $… session.` line (one model call; the counts are
 * rounded as aider prints them, e.g. 2.3k). Without such lines tokens and cost stay unknown.
 */
import { join } from "node:path";
import type { AgentTokens } from "../../contracts/agent-run.js";
import type { AgentProcessResult } from "../process/agent-process.js";
import { CliAgent, type CliAgentOptions } from "./cli-agent.js";
import {
  type CliAgentDefinition,
  exitFailure,
  type OutputReader,
  type RunOutcome,
  type RunProgress,
  usdToMicroUsd,
} from "./output-reader.js";
import { addTokens, consistentTokens, noAgentTokens } from "./token-counts.js";

export const aiderDefinition: CliAgentDefinition = {
  name: "aider",
  defaultBinary: "aider",
  installHint: "python -m pip install aider-install && aider-install",
  stdoutFormat: "text",
  transcriptFormat: "txt",
  // Its repository map cache (.aider.tags.cache.v4) is written in the worktree's root.
  commitExclude: [".aider*"],
  invocation: ({ prompt, model, workspace }) => {
    const args = ["--message", prompt, "--yes-always", "--no-auto-commits"];
    args.push("--no-gitignore", "--no-pretty", "--no-stream", "--no-check-update");
    args.push("--chat-history-file", join(workspace.artifactsFolder, "aider-chat-history.md"));
    args.push("--input-history-file", join(workspace.artifactsFolder, "aider-input-history"));
    if (model !== undefined) args.push("--model", model);
    return { args };
  },
  createReader: () => new AiderReader(),
};

export function createAiderAgent(options: CliAgentOptions): CliAgent {
  return new CliAgent(aiderDefinition, options);
}

const modelLine = /^(?:Main model|Model): (\S+)/;
const tokensLine = /^Tokens: (.+?)\.(?: Cost: \$([\d.]+) message, \$([\d.]+) session\.)?\s*$/;

/** Aider prints 950, 2.3k, 12k or 1.2M. */
export function parseTokenCount(text: string): number {
  const match = /^([\d.]+)([kKmM]?)$/.exec(text.trim());
  if (match === null) return 0;
  const scale = match[2] === "" ? 1 : match[2]?.toLowerCase() === "k" ? 1_000 : 1_000_000;
  return Math.round(Number(match[1]) * scale);
}

/** The counts of one `Tokens:` line: `2.3k sent, 1.2k cache write, 3.3k cache hit, 150 received`. */
export function parseTokensReport(report: string): AgentTokens {
  const counts: Record<string, number> = {};
  for (const part of report.split(",")) {
    const match = /^\s*([\d.]+[kKmM]?) (.+?)\s*$/.exec(part);
    if (match?.[1] !== undefined && match[2] !== undefined)
      counts[match[2]] = parseTokenCount(match[1]);
  }
  return consistentTokens({
    inputTokens: counts.sent,
    cachedInputTokens: counts["cache hit"],
    outputTokens: counts.received,
  });
}

class AiderReader implements OutputReader {
  #model: string | undefined;
  #calls = 0;
  #tokens: AgentTokens = noAgentTokens;
  #sessionCostMicroUsd: number | undefined;
  #lastLine = "";

  onLine(line: string): void {
    const model = modelLine.exec(line);
    if (model?.[1] !== undefined && this.#model === undefined) this.#model = model[1];
    const tokens = tokensLine.exec(line);
    if (tokens?.[1] !== undefined) {
      this.#calls += 1;
      this.#tokens = addTokens(this.#tokens, parseTokensReport(tokens[1]));
      if (tokens[3] !== undefined) this.#sessionCostMicroUsd = usdToMicroUsd(Number(tokens[3]));
      return;
    }
    if (line.trim() !== "") this.#lastLine = line.trim();
  }

  progress(): RunProgress {
    return {
      turns: this.#calls,
      tokens: this.#tokens,
      reportedCostMicroUsd: this.#sessionCostMicroUsd,
      model: this.#model,
    };
  }

  outcome(process: AgentProcessResult): RunOutcome {
    if (process.exitCode !== 0) return { status: "failed", summary: exitFailure("aider", process) };
    const calls = `${this.#calls} model call${this.#calls === 1 ? "" : "s"}`;
    return {
      status: "succeeded",
      summary:
        this.#lastLine === ""
          ? `aider finished after ${calls}`
          : `aider finished after ${calls}: ${this.#lastLine}`,
    };
  }
}
