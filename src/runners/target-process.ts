/**
 * The target under test, started by the runner (`--start "node server.js" --port auto --ready /health`):
 * given a free port in $PORT, run in the sandbox, waited for until its ready path answers, and stopped
 * with its whole process group at the end. If it exits early, the error says how and shows its last output.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { Agent, request } from "undici";
import { ShopfloorError } from "../contracts/errors.js";
import { findFreePort } from "./free-port.js";
import type { HttpTarget } from "./http/http-step-runner.js";
import { killProcessGroup } from "./process-group.js";
import type { Sandbox, SandboxedCommand } from "./sandbox/sandbox.js";

export class TargetStartError extends ShopfloorError {
  constructor(message: string) {
    super("invalid-input", message, { field: "start" });
    this.name = "TargetStartError";
  }
}

export interface StartTargetOptions {
  /** A shell command line, run with `sh -c` inside the sandbox. */
  command: string;
  workDirectory: string;
  sandbox: Sandbox;
  /** A fixed port, or undefined for a free one. */
  port?: number;
  /** The path that must answer (any status below 500) before trials start. */
  readyPath: string;
  readyTimeoutMs: number;
  env?: Readonly<Record<string, string>>;
  readOnlyPaths?: readonly string[];
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

const keptOutputLines = 40;

export class TargetProcess {
  readonly target: HttpTarget;
  readonly #child: ChildProcess;
  readonly #prepared: SandboxedCommand;
  readonly #output: string[] = [];
  #exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  readonly #exited: Promise<void>;
  #stopping = false;
  readonly #options: StartTargetOptions;
  readonly #dispatcher: Agent;
  readonly #readyUrl: string;
  #stoppedBeforeExit = false;

  private constructor(
    child: ChildProcess,
    prepared: SandboxedCommand,
    target: HttpTarget,
    options: StartTargetOptions,
  ) {
    this.#child = child;
    this.#prepared = prepared;
    this.target = target;
    this.#options = options;
    const endpoint = target.endpoint;
    this.#dispatcher = new Agent(
      endpoint?.kind === "unix" ? { connect: { socketPath: endpoint.socketPath } } : {},
    );
    this.#readyUrl = new URL(options.readyPath, target.baseUrl).toString();
    const keep = (chunk: Buffer) => {
      this.#output.push(
        ...chunk
          .toString("utf8")
          .split("\n")
          .filter((line) => line !== ""),
      );
      this.#output.splice(0, Math.max(this.#output.length - keptOutputLines, 0));
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.#exited = new Promise((settle) => {
      child.once("close", (code, signal) => {
        this.#exit ??= { code, signal };
        this.#stoppedBeforeExit = this.#stopping;
        settle();
      });
      // A command that cannot be spawned at all (no shell, no bwrap) emits this, maybe without "close".
      child.once("error", (error) => {
        this.#output.push(`cannot run the command: ${error.message}`);
        this.#exit ??= { code: null, signal: null };
        settle();
      });
    });
  }

  static async start(options: StartTargetOptions): Promise<TargetProcess> {
    const port = options.port ?? (await findFreePort());
    const prepared = await options.sandbox.prepare({
      argv: ["sh", "-c", options.command],
      workDirectory: options.workDirectory,
      readOnlyPaths: options.readOnlyPaths,
      env: { ...options.env, PORT: String(port), HOST: "127.0.0.1" },
      exposePort: port,
    });
    const [command, ...args] = prepared.argv;
    if (command === undefined) throw new TargetStartError("the sandbox returned an empty command");
    const child = spawn(command, args, {
      cwd: prepared.cwd,
      env: prepared.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const target = new TargetProcess(
      child,
      prepared,
      {
        baseUrl: `http://127.0.0.1:${port}`,
        ...(prepared.endpoint ? { endpoint: prepared.endpoint } : {}),
      },
      options,
    );
    try {
      await target.waitUntilReady();
    } catch (error) {
      await target.stop();
      throw error;
    }
    return target;
  }

  /**
   * How the target ended if it ended by itself (a crash) rather than by `stop()`: a target that dies during
   * a run explains the failures after it. A crash can still be reported as it is being stopped, so an exit
   * that is not what our signals cause counts as its own too.
   */
  get unexpectedExit(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    const exit = this.#exit;
    if (exit === undefined) return undefined;
    if (!this.#stoppedBeforeExit) return exit;
    const causedByStop =
      exit.signal === "SIGTERM" ||
      exit.signal === "SIGKILL" ||
      [0, 143, 137].includes(exit.code ?? -1);
    return causedByStop ? undefined : exit;
  }

  get recentOutput(): readonly string[] {
    return this.#output;
  }

  async stop(): Promise<void> {
    if (!this.#stopping) {
      // A target that crashed a moment ago may not be reaped yet; our signal would then hide its own exit.
      if (this.#exit === undefined && (await this.readyStatus()) === undefined) {
        await Promise.race([this.#exited, this.#options.sleep(1_000)]);
      }
      this.#stopping = true;
      killProcessGroup(this.#child.pid, "SIGTERM");
      const grace = setTimeout(() => killProcessGroup(this.#child.pid, "SIGKILL"), 2_000);
      await this.#exited;
      clearTimeout(grace);
      await this.#prepared.cleanup();
      await this.#dispatcher.close();
    }
    await this.#exited;
  }

  /** The status the ready path answers with now, or undefined when nothing answers. */
  private async readyStatus(): Promise<number | undefined> {
    try {
      const response = await request(this.#readyUrl, {
        dispatcher: this.#dispatcher,
        signal: AbortSignal.timeout(1_000),
      });
      await response.body.dump();
      return response.statusCode;
    } catch {
      return undefined;
    }
  }

  private async waitUntilReady(): Promise<void> {
    const options = this.#options;
    const deadline = options.now() + options.readyTimeoutMs;
    while (options.now() < deadline) {
      if (this.#exit) {
        throw new TargetStartError(
          `the target exited before it was ready (${describeExit(this.#exit)})${this.outputTail()}`,
        );
      }
      const status = await this.readyStatus();
      if (status !== undefined && status < 500) return;
      await Promise.race([options.sleep(50), this.#exited]);
    }
    throw new TargetStartError(
      `the target did not answer ${options.readyPath} within ${options.readyTimeoutMs} ms (started with: ${options.command})${this.outputTail()}`,
    );
  }

  private outputTail(): string {
    if (this.#output.length === 0) return "; it printed nothing";
    return `; its last output:\n  ${this.#output.slice(-10).join("\n  ")}`;
  }
}

export function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
