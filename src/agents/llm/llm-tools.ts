/**
 * The llm agent's tools as the AI SDK sees them: a name, a description the model reads, a zod schema of
 * the input, and the function that does the work inside the workspace. A tool that refuses throws a
 * `ToolRefusal`; the SDK hands its message to the model as the tool's error and the loop goes on.
 * The SDK starts a step's tool calls together; here they run one after the other, in the order they
 * started, so that `[write_file, finish]` checks what was written.
 */
import { tool } from "ai";
import { z } from "zod";
import type { Sandbox, SandboxLimits } from "../../runners/sandbox/sandbox.js";
import { editWorkspaceFile, readWorkspaceFile, writeWorkspaceFile } from "./file-tools.js";
import { listWorkspaceFiles, searchWorkspace } from "./find-tools.js";
import {
  describeOutcome,
  passed,
  runSandboxedCommand,
  type Timers,
} from "./run-sandboxed-command.js";

export const defaultCommandTimeoutMs = 120_000;
export const maximumCommandTimeoutMs = 600_000;
/** The checks get the longest timeout a command may have; the run's wall clock still bounds them. */
const checkTimeoutMs = maximumCommandTimeoutMs;

export interface LlmToolContext {
  /** The workspace's root: every path is relative to it and must stay in it. */
  root: string;
  sandbox: Sandbox;
  sandboxLimits?: Partial<SandboxLimits>;
  checkCommand?: readonly string[];
  /** Aborted when the run is stopped: a running command is killed. */
  signal: AbortSignal;
  timers?: Timers;
  /** Called once finish has ended the run (its checks passed, or there are none). */
  onFinished(summary: string): void;
}

export function llmTools(context: LlmToolContext) {
  const inTurn = takeTurns();
  const run = (argv: readonly string[], timeoutMs: number) =>
    runSandboxedCommand({
      sandbox: context.sandbox,
      argv,
      workDirectory: context.root,
      timeoutMs,
      signal: context.signal,
      ...(context.sandboxLimits === undefined ? {} : { limits: context.sandboxLimits }),
      ...(context.timers === undefined ? {} : { timers: context.timers }),
    });
  return {
    read_file: tool({
      description:
        "Read a text file of the workspace. Long files come in windows of lines: give offset (the first line, from 1) and limit to read on.",
      inputSchema: z.object({
        path: z.string().describe("relative to the workspace root"),
        offset: z.int().positive().optional(),
        limit: z.int().positive().optional(),
      }),
      execute: (input) => inTurn(() => readWorkspaceFile(context.root, input)),
    }),
    write_file: tool({
      description:
        "Create or overwrite a file of the workspace with the given content; missing folders are created.",
      inputSchema: z.object({ path: z.string(), content: z.string() }),
      execute: (input) => inTurn(() => writeWorkspaceFile(context.root, input)),
    }),
    edit_file: tool({
      description:
        "Replace a passage of a file: search must occur exactly once in the file (copy it exactly, with enough context to be unique).",
      inputSchema: z.object({ path: z.string(), search: z.string(), replace: z.string() }),
      execute: (input) => inTurn(() => editWorkspaceFile(context.root, input)),
    }),
    list_files: tool({
      description:
        "List the files under a folder of the workspace (default: the root), recursively; .git and node_modules are skipped.",
      inputSchema: z.object({ path: z.string().optional() }),
      execute: (input) => inTurn(() => listWorkspaceFiles(context.root, input)),
    }),
    search: tool({
      description:
        "Search the text files under a folder or in a file (default: the whole workspace) for a JavaScript regular expression; answers file:line: text.",
      inputSchema: z.object({ pattern: z.string(), path: z.string().optional() }),
      execute: (input) => inTurn(() => searchWorkspace(context.root, input)),
    }),
    run_command: tool({
      description: `Run a program in the workspace root, without a shell: argv is the program and its arguments (use ["sh", "-c", "..."] for a pipeline). Killed after timeoutMs (default ${defaultCommandTimeoutMs}, at most ${maximumCommandTimeoutMs}).`,
      inputSchema: z.object({
        argv: z.array(z.string()).min(1),
        timeoutMs: z.int().positive().optional(),
      }),
      execute: ({ argv, timeoutMs }) =>
        inTurn(async () => {
          const limit = Math.min(timeoutMs ?? defaultCommandTimeoutMs, maximumCommandTimeoutMs);
          return describeOutcome(argv, await run(argv, limit));
        }),
    }),
    finish: tool({
      description:
        context.checkCommand === undefined
          ? "End the run: call it when the work is done, with a short summary of what you did."
          : `Run the build's checks (${context.checkCommand.join(" ")}). If they pass, the run ends with your summary; if they fail, you see why and go on.`,
      inputSchema: z.object({
        summary: z.string().describe("what you built, in a sentence or two"),
      }),
      execute: ({ summary }) =>
        inTurn(async () => {
          const checkCommand = context.checkCommand;
          if (checkCommand === undefined) {
            context.onFinished(summary);
            return "The run is over.";
          }
          const outcome = await run(checkCommand, checkTimeoutMs);
          const report = describeOutcome(checkCommand, outcome);
          if (!passed(outcome)) {
            return `The checks failed; the run goes on. Fix the cause and call finish again.\n${report}`;
          }
          context.onFinished(summary);
          return `The checks passed; the run is over.\n${report}`;
        }),
    }),
  };
}

export type LlmTools = ReturnType<typeof llmTools>;

/** A queue of work: each piece starts when the one before it has ended, failed or not. */
function takeTurns(): <Result>(work: () => Promise<Result>) => Promise<Result> {
  let previous: Promise<unknown> = Promise.resolve();
  return (work) => {
    const result = previous.then(work);
    previous = result.catch(() => undefined);
    return result;
  };
}
