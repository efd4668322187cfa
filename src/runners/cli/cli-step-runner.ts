/**
 * Runs cli steps: the program under test with the step's arguments, stdin and environment, in the sandbox,
 * one process per step (a command line is a process by nature). When the trial is aborted the step's
 * whole process group is killed.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { CliObservation } from "../../contracts/observation.js";
import type { Step } from "../../contracts/scenario.js";
import { killProcessGroup } from "../process-group.js";
import type { Sandbox, SandboxLimits } from "../sandbox/sandbox.js";
import type { StepRunner } from "../step-runner.js";

/** Output beyond this is dropped: a runaway program must not exhaust the runner's memory. */
export const maximumOutputBytes = 4 * 1024 * 1024;

export interface CliStepRunnerOptions {
  sandbox: Sandbox;
  /** The suite's folder: the working directory, and what relative `cwd`s resolve against. */
  suiteFolder: string;
  defaultCommand?: readonly string[];
  readOnlyPaths?: readonly string[];
  limits?: Partial<SandboxLimits>;
  now(): number;
}

export class CliStepRunner implements StepRunner {
  readonly #options: CliStepRunnerOptions;

  constructor(options: CliStepRunnerOptions) {
    this.#options = options;
  }

  describe(step: Step): string {
    if (!("run" in step)) return "not a cli step";
    return this.argv(step).join(" ");
  }

  async run(step: Step, signal: AbortSignal): Promise<CliObservation> {
    if (!("run" in step)) throw new Error("a cli suite can only run cli steps");
    const argv = this.argv(step);
    const workDirectory = resolve(this.#options.suiteFolder, step.run.cwd ?? ".");
    const prepared = await this.#options.sandbox.prepare({
      argv,
      workDirectory,
      readOnlyPaths: [this.#options.suiteFolder, ...(this.#options.readOnlyPaths ?? [])],
      env: step.run.env ?? {},
      limits: this.#options.limits,
    });
    const started = this.#options.now();
    try {
      const [command, ...args] = prepared.argv;
      if (command === undefined) throw new Error("the sandbox returned an empty command");
      const child = spawn(command, args, {
        cwd: prepared.cwd,
        env: prepared.env,
        detached: true,
        stdio: "pipe",
      });
      const stdout = collect(child.stdout);
      const stderr = collect(child.stderr);
      const onAbort = () => killProcessGroup(child.pid);
      signal.addEventListener("abort", onAbort, { once: true });
      child.stdin.on("error", () => {}); // the program may exit without reading its input
      child.stdin.end(step.run.stdin ?? "");
      const [exitCode, exitSignal] = await new Promise<[number | null, NodeJS.Signals | null]>(
        (settle, fail) => {
          child.once("error", fail);
          child.once("close", (code, killedBy) => settle([code, killedBy]));
        },
      );
      signal.removeEventListener("abort", onAbort);
      return {
        kind: "cli",
        argv,
        stdin: step.run.stdin ?? "",
        exitCode,
        signal: exitSignal,
        stdout: stdout(),
        stderr: stderr(),
        durationMs: this.#options.now() - started,
      };
    } finally {
      await prepared.cleanup();
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private argv(step: Extract<Step, { run: unknown }>): string[] {
    const command = step.run.command ?? this.#options.defaultCommand ?? [];
    return [...command, ...step.run.args];
  }
}

function collect(stream: NodeJS.ReadableStream): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on("data", (chunk: Buffer) => {
    if (size >= maximumOutputBytes) return;
    chunks.push(chunk);
    size += chunk.length;
  });
  return () => Buffer.concat(chunks).subarray(0, maximumOutputBytes).toString("utf8");
}
