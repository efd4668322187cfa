/**
 * Running an agent's program: argv and environment given, the worktree as working directory, in a
 * process group of its own (so everything it starts can be killed with it), stdin closed or given.
 * Stdout is written to the transcript as it streams and read as JSON Lines (tolerantly: a malformed
 * line stays in the transcript and is counted) or as text; stderr's tail is kept. The wall-clock
 * limit, the caller's signal and the reader's own stop end the group: SIGTERM, then SIGKILL.
 */
import { spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { ShopfloorError } from "../../contracts/errors.js";
import { killProcessGroup } from "../../runners/process-group.js";
import { findExecutable } from "./find-executable.js";
import { LineSplitter } from "./line-splitter.js";
import { OutputTail } from "./output-tail.js";

export type StdoutFormat = "json-lines" | "text";

/** How a reader of the output ends the run early (a budget or turn limit reached). */
export interface ProcessControl {
  stop(reason: string): void;
}

export interface AgentProcessRequest {
  /** The program: a name looked up on the environment's PATH, or a path. */
  command: string;
  args: readonly string[];
  /** The worktree. */
  cwd: string;
  environment: Readonly<Record<string, string | undefined>>;
  /** Written to stdin, which is then closed; absent: stdin is closed at once. */
  stdin?: string;
  wallClockMs: number;
  signal: AbortSignal;
  transcriptPath: string;
  stdoutFormat: StdoutFormat;
  /** What to do when the program is missing, e.g. "npm install -g @anthropic-ai/claude-code". */
  installHint: string;
  /** Every stdout line, as it comes. */
  onLine?(line: string, control: ProcessControl): void;
  /** Each line that is JSON, in json-lines format. */
  onEvent?(event: unknown, control: ProcessControl): void;
  /** Between SIGTERM and SIGKILL; default 2 s. */
  killGraceMs?: number;
}

export type ProcessEnding = "exited" | "timed-out" | "cancelled" | "stopped";

export interface AgentProcessResult {
  ending: ProcessEnding;
  /** Why a reader stopped it, when `ending` is `stopped`. */
  stopReason?: string;
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  /** The process group's id (the leader's pid), absent when nothing was started. */
  pid?: number;
  lines: number;
  malformedLines: number;
  /** All of stdout in text format (up to 8 MiB); empty in json-lines format. */
  stdout: string;
  stderrTail: string;
}

const maximumTextBytes = 8 * 1024 * 1024;
const stderrTailCharacters = 8 * 1024;

export async function runAgentProcess(request: AgentProcessRequest): Promise<AgentProcessResult> {
  const executable = findExecutable(request.command, request.environment, request.cwd);
  if (executable === undefined) {
    throw new ShopfloorError(
      "invalid-config",
      request.command.includes("/")
        ? `${request.command} is not an executable file: ${request.installHint}`
        : `${request.command} is not installed (not found on PATH): ${request.installHint}`,
      { field: "binary" },
    );
  }
  await mkdir(dirname(request.transcriptPath), { recursive: true });
  const transcript = createWriteStream(request.transcriptPath, { flags: "w" });
  try {
    if (request.signal.aborted) return emptyResult("cancelled");
    return await supervise(executable, request, transcript);
  } finally {
    await new Promise<void>((settle) => transcript.end(settle));
  }
}

function supervise(
  executable: string,
  request: AgentProcessRequest,
  transcript: WriteStream,
): Promise<AgentProcessResult> {
  const child = spawn(executable, [...request.args], {
    cwd: request.cwd,
    env: definedOnly(request.environment),
    detached: true,
    stdio: "pipe",
  });
  const grace = request.killGraceMs ?? 2000;
  let ending: ProcessEnding = "exited";
  let stopReason: string | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const end = (reason: Exclude<ProcessEnding, "exited">, detail?: string) => {
    if (ending !== "exited") return;
    ending = reason;
    stopReason = detail;
    killProcessGroup(child.pid, "SIGTERM");
    killTimer = setTimeout(() => killProcessGroup(child.pid, "SIGKILL"), grace);
  };
  const control: ProcessControl = { stop: (reason) => end("stopped", reason) };
  const wallClock = setTimeout(() => end("timed-out"), request.wallClockMs);
  const onAbort = () => end("cancelled");
  request.signal.addEventListener("abort", onAbort, { once: true });

  let lines = 0;
  let malformedLines = 0;
  let textBytes = 0;
  const textChunks: Buffer[] = [];
  const splitter = new LineSplitter((line) => {
    lines += 1;
    request.onLine?.(line, control);
    if (request.stdoutFormat !== "json-lines" || line.trim() === "") return;
    const event = parseJson(line);
    if (event === undefined) malformedLines += 1;
    else request.onEvent?.(event.value, control);
  });
  child.stdout.on("data", (chunk: Buffer) => {
    transcript.write(chunk);
    splitter.push(chunk);
    if (request.stdoutFormat === "text" && textBytes < maximumTextBytes) {
      textChunks.push(chunk);
      textBytes += chunk.length;
    }
  });
  const stderr = new OutputTail(stderrTailCharacters);
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk.toString("utf8")));
  child.stdin.on("error", () => {}); // the agent may exit without reading its input
  child.stdin.end(request.stdin ?? "");

  return new Promise((settle, fail) => {
    let exit: [number | null, NodeJS.Signals | null] = [null, null];
    child.once("error", (error) => {
      clearTimeout(wallClock);
      request.signal.removeEventListener("abort", onAbort);
      fail(
        new ShopfloorError("io-error", `cannot start ${request.command}: ${error.message}`, {
          cause: error,
        }),
      );
    });
    child.once("exit", (code, signal) => {
      exit = [code, signal];
      // What the agent left running (a server it started, a watcher) ends with it.
      killProcessGroup(child.pid, "SIGKILL");
      // A process that left the group may still hold the pipes: stop waiting for them after a while.
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, grace).unref();
    });
    child.once("close", () => {
      clearTimeout(wallClock);
      clearTimeout(killTimer);
      request.signal.removeEventListener("abort", onAbort);
      splitter.end();
      settle({
        ending,
        stopReason,
        exitCode: exit[0],
        exitSignal: exit[1],
        pid: child.pid,
        lines,
        malformedLines,
        stdout: Buffer.concat(textChunks).subarray(0, maximumTextBytes).toString("utf8"),
        stderrTail: stderr.toString(),
      });
    });
  });
}

function parseJson(line: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(line) };
  } catch {
    return undefined;
  }
}

function definedOnly(environment: Readonly<Record<string, string | undefined>>) {
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) {
    if (value !== undefined) defined[name] = value;
  }
  return defined;
}

function emptyResult(ending: ProcessEnding): AgentProcessResult {
  return {
    ending,
    exitCode: null,
    exitSignal: null,
    lines: 0,
    malformedLines: 0,
    stdout: "",
    stderrTail: "",
  };
}
