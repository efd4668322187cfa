/**
 * Runs one of the user's deploy or rollback scripts: its argv without a shell, from the project folder,
 * in a process group of its own so that a timeout ends everything it started. What it printed is kept
 * for the error a person reads (the last lines, stdout and stderr as they came) and for the address a
 * deploy script may print as its last line of stdout.
 */
import type { ChildProcess, SpawnOptions } from "node:child_process";
import { InvalidArgumentError } from "../../contracts/errors.js";
import { killProcessGroup } from "../../runners/process-group.js";

export type SpawnFunction = (
  command: string,
  args: readonly string[],
  options: SpawnOptions,
) => ChildProcess;

export interface ScriptRequest {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string>>;
  timeoutMs: number;
  spawn: SpawnFunction;
  signal?: AbortSignal;
}

export interface ScriptOutcome {
  /** How it ended; both null when it could not be started. */
  exit: { code: number | null; signal: NodeJS.Signals | null };
  timedOut: boolean;
  cancelled: boolean;
  /** Why it could not be started at all (no such program, not executable). */
  spawnError?: string;
  /** The last lines it printed, stdout and stderr interleaved as they came. */
  output: readonly string[];
  /** The last non-empty line of its stdout, trimmed. */
  lastStdoutLine: string | undefined;
}

export const keptOutputLines = 20;
/** After SIGTERM, the group has this long before SIGKILL. */
const killGraceMs = 2_000;
/**
 * A script that left a process running in the background (which still holds its stdout) has exited
 * all the same; its output is read for this long after the exit, then let go.
 */
const outputGraceMs = 500;

export function runScript(request: ScriptRequest): Promise<ScriptOutcome> {
  const [command, ...args] = request.argv;
  if (command === undefined) {
    throw new InvalidArgumentError("a script's argv needs at least the program to run", "argv");
  }
  const output: string[] = [];
  let lastStdoutLine: string | undefined;
  const keep = (line: string, fromStdout: boolean) => {
    if (line.trim() === "") return;
    if (fromStdout) lastStdoutLine = line.trim();
    output.push(line);
    output.splice(0, Math.max(output.length - keptOutputLines, 0));
  };
  const child = request.spawn(command, args, {
    cwd: request.cwd,
    env: { ...request.env },
    detached: true,
    shell: false,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout = new LineSplitter((line) => keep(line, true));
  const stderr = new LineSplitter((line) => keep(line, false));
  child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));

  return new Promise((settle) => {
    let exit: ScriptOutcome["exit"] | undefined;
    let timedOut = false;
    let cancelled = false;
    let spawnError: string | undefined;
    let finished = false;
    const timers: NodeJS.Timeout[] = [];
    const stop = () => {
      killProcessGroup(child.pid, "SIGTERM");
      timers.push(setTimeout(() => killProcessGroup(child.pid, "SIGKILL"), killGraceMs));
    };
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    const finish = () => {
      if (finished) return;
      finished = true;
      for (const timer of timers) clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
      stdout.flush();
      stderr.flush();
      child.stdout?.destroy();
      child.stderr?.destroy();
      settle({
        exit: exit ?? { code: null, signal: null },
        timedOut,
        cancelled,
        ...(spawnError === undefined ? {} : { spawnError }),
        output,
        lastStdoutLine,
      });
    };
    timers.push(
      setTimeout(() => {
        timedOut = true;
        stop();
      }, request.timeoutMs),
    );
    if (request.signal?.aborted) onAbort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    child.once("exit", (code, signal) => {
      exit ??= { code, signal };
      timers.push(setTimeout(finish, outputGraceMs));
    });
    child.once("close", (code, signal) => {
      exit ??= { code, signal };
      finish();
    });
    child.once("error", (error) => {
      spawnError = error.message;
      finish();
    });
  });
}

/** Calls back once per complete line; the rest waits for the next chunk or the flush. */
class LineSplitter {
  #partial = "";
  readonly #onLine: (line: string) => void;

  constructor(onLine: (line: string) => void) {
    this.#onLine = onLine;
  }

  push(chunk: Buffer): void {
    const lines = (this.#partial + chunk.toString("utf8")).split("\n");
    this.#partial = lines.pop() ?? "";
    for (const line of lines) this.#onLine(line.replace(/\r$/, ""));
  }

  flush(): void {
    if (this.#partial !== "") this.#onLine(this.#partial);
    this.#partial = "";
  }
}
