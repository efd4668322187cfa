/**
 * Runs one command for the llm agent (its run_command tool, and the checks its finish tool runs) through
 * the sandbox, in the workspace. The command is spawned detached so that its whole process group is
 * killed when it runs past its timeout or the run is aborted; what it prints is kept up to a cap.
 */
import { spawn } from "node:child_process";
import { killProcessGroup } from "../../runners/process-group.js";
import type { Sandbox, SandboxLimits } from "../../runners/sandbox/sandbox.js";

/** Output kept per stream: a runaway command must not exhaust the agent's memory. */
export const maximumCommandOutputBytes = 1024 * 1024;

export interface Timers {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface CommandRequest {
  sandbox: Sandbox;
  argv: readonly string[];
  workDirectory: string;
  timeoutMs: number;
  signal: AbortSignal;
  limits?: Partial<SandboxLimits>;
  timers?: Timers;
}

export interface CommandOutcome {
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Why it was killed, when it was. */
  stopped?: "timed-out" | "aborted";
  /** Why it could not start (no such program…), when it could not. */
  startError?: string;
}

export async function runSandboxedCommand(request: CommandRequest): Promise<CommandOutcome> {
  const prepared = await request.sandbox.prepare({
    argv: request.argv,
    workDirectory: request.workDirectory,
    readOnlyPaths: [],
    env: {},
    ...(request.limits === undefined ? {} : { limits: request.limits }),
  });
  try {
    return await spawnToEnd(prepared, request);
  } finally {
    await prepared.cleanup();
  }
}

function spawnToEnd(
  prepared: { argv: string[]; env: Record<string, string>; cwd: string },
  request: CommandRequest,
): Promise<CommandOutcome> {
  const timers = request.timers ?? systemTimers;
  const [program = "", ...programArguments] = prepared.argv;
  const child = spawn(program, programArguments, {
    cwd: prepared.cwd,
    env: prepared.env,
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  child.stdin.on("error", () => undefined);
  child.stdin.end();
  let stopped: CommandOutcome["stopped"];
  const stop = (reason: "timed-out" | "aborted") => {
    stopped ??= reason;
    killProcessGroup(child.pid);
  };
  const onAbort = () => stop("aborted");
  const timer = timers.setTimeout(() => stop("timed-out"), request.timeoutMs);
  if (request.signal.aborted) onAbort();
  request.signal.addEventListener("abort", onAbort, { once: true });
  return new Promise((settle) => {
    const finish = (outcome: Omit<CommandOutcome, "stdout" | "stderr" | "stopped">) => {
      timers.clearTimeout(timer);
      request.signal.removeEventListener("abort", onAbort);
      settle({
        ...outcome,
        stdout: stdout(),
        stderr: stderr(),
        ...(stopped === undefined ? {} : { stopped }),
      });
    };
    child.once("error", (error) =>
      finish({ exitCode: null, exitSignal: null, startError: error.message }),
    );
    child.once("close", (exitCode, exitSignal) => finish({ exitCode, exitSignal }));
  });
}

function collect(stream: NodeJS.ReadableStream): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on("data", (chunk: Buffer) => {
    if (size >= maximumCommandOutputBytes) return;
    chunks.push(chunk);
    size += chunk.length;
  });
  return () => Buffer.concat(chunks).subarray(0, maximumCommandOutputBytes).toString("utf8");
}

/** The outcome as the model reads it: how it ended, then each stream cut to its head and tail. */
export function describeOutcome(
  argv: readonly string[],
  outcome: CommandOutcome,
  maximumCharacters = 8_000,
): string {
  const lines = [`$ ${argv.join(" ")}`, endOf(outcome)];
  if (outcome.stdout !== "")
    lines.push("--- stdout ---", cutMiddle(outcome.stdout, maximumCharacters));
  if (outcome.stderr !== "")
    lines.push("--- stderr ---", cutMiddle(outcome.stderr, maximumCharacters));
  return lines.join("\n");
}

export function passed(outcome: CommandOutcome): boolean {
  return (
    outcome.exitCode === 0 && outcome.stopped === undefined && outcome.startError === undefined
  );
}

function endOf(outcome: CommandOutcome): string {
  if (outcome.startError !== undefined) return `could not start: ${outcome.startError}`;
  if (outcome.stopped === "timed-out") return "killed: it ran past its timeout";
  if (outcome.stopped === "aborted") return "killed: the run was stopped";
  if (outcome.exitSignal !== null) return `killed by ${outcome.exitSignal}`;
  return `exit code ${outcome.exitCode}`;
}

/** The start and the end of a long text: the command line and the final summary usually matter most. */
export function cutMiddle(text: string, maximumCharacters: number): string {
  if (text.length <= maximumCharacters) return text;
  const half = Math.floor(maximumCharacters / 2);
  const dropped = text.length - 2 * half;
  return `${text.slice(0, half)}\n[… ${dropped} characters cut …]\n${text.slice(-half)}`;
}
