/**
 * Any program of the user's as an agent (`agents.command.run: ["./my-agent", "--flag"]`). It runs in
 * the worktree and gets the task as JSON on stdin, and in the environment SHOPFLOOR_WORKSPACE (the
 * worktree), SHOPFLOOR_TASK_FILE (the same JSON as a file) and SHOPFLOOR_ARTIFACTS. Its stdout may end
 * with a JSON line `{ "summary", "tokens"?, "costUsd"?, "turns"?, "model"? }`; exit code 0 is success.
 */
import { writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { z } from "zod";
import type { AgentTokens } from "../../contracts/agent-run.js";
import type { AgentProcessResult } from "../process/agent-process.js";
import { CliAgent, type CliAgentOptions } from "./cli-agent.js";
import {
  type CliAgentDefinition,
  exitFailure,
  type InvocationInput,
  type OutputReader,
  type RunOutcome,
  type RunProgress,
  shortSummary,
  usdToMicroUsd,
} from "./output-reader.js";
import { consistentTokens, noAgentTokens } from "./token-counts.js";

const Count = z.number().nonnegative().optional();

/** What the program may say last; anything else on that line is ignored. */
const FinalLine = z.looseObject({
  summary: z.string().optional(),
  tokens: z
    .looseObject({
      inputTokens: Count,
      cachedInputTokens: Count,
      outputTokens: Count,
      reasoningTokens: Count,
    })
    .optional(),
  costUsd: Count,
  turns: Count,
  model: z.string().min(1).optional(),
});
type FinalLine = z.infer<typeof FinalLine>;

export interface CommandAgentOptions extends Omit<CliAgentOptions, "binary" | "extraArgs"> {
  /** The program and its arguments, from `agents.command.run`. */
  run: readonly string[];
  /** What a relative program path is relative to: the project (the config's folder). */
  projectFolder: string;
}

export function commandDefinition(
  run: readonly string[],
  projectFolder: string,
): CliAgentDefinition {
  const [program = "", ...args] = run;
  const binary =
    program.includes("/") && !isAbsolute(program) ? resolve(projectFolder, program) : program;
  return {
    name: "command",
    defaultBinary: binary,
    installHint: `check agents.command.run in the config (${run.join(" ")})`,
    stdoutFormat: "text",
    transcriptFormat: "txt",
    invocation: async (input) => {
      const task = JSON.stringify(taskDocument(input), null, 2);
      const taskFile = join(input.workspace.artifactsFolder, "command-task.json");
      await writeFile(taskFile, task);
      return {
        args: [...args],
        stdin: task,
        environment: {
          SHOPFLOOR_WORKSPACE: input.workspace.path,
          SHOPFLOOR_TASK_FILE: taskFile,
          SHOPFLOOR_ARTIFACTS: input.workspace.artifactsFolder,
        },
      };
    },
    createReader: () => new CommandReader(),
  };
}

export function createCommandAgent(options: CommandAgentOptions): CliAgent {
  const { run, projectFolder, ...rest } = options;
  return new CliAgent(commandDefinition(run, projectFolder), rest);
}

function taskDocument(input: InvocationInput) {
  const { task } = input;
  return {
    workItem: task.workItem,
    attempt: task.attempt,
    instructions: task.instructions,
    specText: task.specText,
    spec: task.spec,
    feedback: task.feedback,
    prompt: input.prompt,
    model: input.model,
    limits: input.limits,
    workspace: input.workspace,
  };
}

class CommandReader implements OutputReader {
  #lastLine = "";

  onLine(line: string): void {
    if (line.trim() !== "") this.#lastLine = line.trim();
  }

  private final(): FinalLine | undefined {
    if (!this.#lastLine.startsWith("{")) return undefined;
    try {
      const parsed = FinalLine.safeParse(JSON.parse(this.#lastLine));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  progress(): RunProgress {
    const final = this.final();
    const tokens: AgentTokens = final?.tokens ? consistentTokens(final.tokens) : noAgentTokens;
    return {
      turns: Math.round(final?.turns ?? 0),
      tokens,
      reportedCostMicroUsd: final?.costUsd === undefined ? undefined : usdToMicroUsd(final.costUsd),
      model: final?.model,
    };
  }

  outcome(process: AgentProcessResult): RunOutcome {
    const summary = this.final()?.summary;
    if (process.exitCode !== 0) {
      const failure = exitFailure("the command", process);
      return { status: "failed", summary: summary ? `${failure}; it said: ${summary}` : failure };
    }
    return { status: "succeeded", summary: shortSummary(summary ?? "") || "the command finished" };
  }
}
