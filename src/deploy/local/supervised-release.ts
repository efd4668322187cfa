/**
 * One release run by the local host: a sandboxed process (a TargetProcess: $PORT, sandbox endpoint,
 * process-group stop, output tail) that counts as started only once its health path answers 2xx, and
 * that is started again after a backoff when it exits unexpectedly, until it crashed five times within a
 * minute: then it stays stopped, with its last output kept as the evidence.
 */
import { Agent, request as httpRequest } from "node:http";
import { findFreePort } from "../../runners/free-port.js";
import type { HttpTarget } from "../../runners/http/http-step-runner.js";
import type { Sandbox, SandboxLimits } from "../../runners/sandbox/sandbox.js";
import { describeExit, TargetProcess, TargetStartError } from "../../runners/target-process.js";
import { DeployError } from "../deploy-error.js";
import type { HostedRelease, HostedReleaseState, ReleaseLaunch } from "./release-host.js";
import { upstreamAddress } from "./reverse-proxy.js";
import { TrafficCounter } from "./traffic-counts.js";

export interface SupervisionOptions {
  sandbox: Sandbox;
  now(): number;
  sleep(milliseconds: number): Promise<void>;
  /** Paths the release may read besides its own folder (e.g. a node_modules it needs). */
  readOnlyPaths?: readonly string[];
  /** The sandbox's limits for the release's processes; default `releaseSandboxLimits`. */
  limits?: Partial<SandboxLimits>;
  /** The wait before the 1st, 2nd… restart after crashes close together; the last one repeats. */
  restartBackoffMs?: readonly number[];
  onStateChange?(state: HostedReleaseState): void;
}

/**
 * A release serves for days: the sandbox's default CPU-time limit (ten minutes, sized for a trial run)
 * would kill a busy one. Its CPU time starts again from zero at each restart.
 */
export const releaseSandboxLimits: Partial<SandboxLimits> = { cpuSeconds: 7 * 24 * 60 * 60 };

export const defaultRestartBackoffMs: readonly number[] = [500, 1_000, 2_000, 4_000];
/** This many crashes within `crashWindowMs` and the supervisor gives up. */
export const crashLimit = 5;
export const crashWindowMs = 60_000;
/** How often the supervisor looks whether the process is still there. */
const watchIntervalMs = 100;
const healthRetryMs = 50;

export class SupervisedRelease {
  readonly launch: ReleaseLaunch;
  /** Keep-alive connections to the release (the proxy's and the health checks'). */
  readonly agent: Agent;
  readonly traffic = new TrafficCounter();
  readonly #options: SupervisionOptions;
  #state: HostedReleaseState = "starting";
  #process: TargetProcess | undefined;
  #endpoint: HttpTarget = { baseUrl: "" };
  #restarts = 0;
  #crashTimes: number[] = [];
  #lastOutput: readonly string[] = [];
  #stopRequested = false;
  #launching: Promise<void> | undefined;
  #supervision: Promise<void> | undefined;

  constructor(launch: ReleaseLaunch, options: SupervisionOptions) {
    this.launch = launch;
    this.#options = options;
    // Idle connections are dropped before a node server's own 5 s keep-alive timeout would drop them.
    this.agent = new Agent({ keepAlive: true, timeout: 4_000 });
  }

  get state(): HostedReleaseState {
    return this.#state;
  }

  /** Where the release answers now; undefined while it does not run (the proxy answers 502). */
  get upstream(): { target: HttpTarget; agent: Agent } | undefined {
    if (this.#state !== "running" || this.#process === undefined) return undefined;
    return { target: this.#process.target, agent: this.agent };
  }

  /** Starts it and waits for a 2xx health answer; a DeployError with its last output, after stopping it. */
  start(): Promise<void> {
    this.#launching ??= this.#launch();
    return this.#launching;
  }

  /** Stops the process and the supervision (after a start in progress ended). Idempotent. */
  async stop(): Promise<void> {
    this.#stopRequested = true;
    await this.#launching?.catch(() => undefined);
    await this.#supervision;
    const running = this.#process;
    this.#process = undefined;
    if (running !== undefined) {
      await running.stop();
      this.#lastOutput = [...running.recentOutput];
    }
    this.agent.destroy();
    this.#setState("stopped");
  }

  snapshot(share: number): HostedRelease {
    return {
      release: this.launch.release,
      service: this.launch.service,
      state: this.#state,
      endpoint: this.#process?.target ?? this.#endpoint,
      restarts: this.#restarts,
      share,
      traffic: this.traffic.snapshot(),
      recentOutput: [...(this.#process?.recentOutput ?? this.#lastOutput)],
    };
  }

  async #startProcess(): Promise<TargetProcess> {
    const { launch } = this;
    const options = this.#options;
    const deadline = options.now() + launch.healthTimeoutMs;
    // Chosen here so that the status shows where it will answer while it starts.
    const port = await findFreePort();
    this.#endpoint = { baseUrl: `http://127.0.0.1:${port}` };
    let started: TargetProcess;
    try {
      started = await TargetProcess.start({
        port,
        command: launch.command,
        workDirectory: launch.directory,
        sandbox: withLimits(options.sandbox, { ...releaseSandboxLimits, ...options.limits }),
        readyPath: launch.healthPath,
        readyTimeoutMs: launch.healthTimeoutMs,
        env: launch.env,
        readOnlyPaths: options.readOnlyPaths ?? [],
        now: options.now,
        sleep: options.sleep,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A start error carries the output in its message only: keep it as the evidence.
      if (error instanceof TargetStartError) {
        this.#lastOutput = message
          .split("\n")
          .slice(1)
          .map((line) => line.trim());
      }
      throw new DeployError(launch.release, `release ${launch.release}: ${message}`);
    }
    this.#endpoint = started.target;
    const failure = await this.#waitForHealthy(started, deadline);
    if (failure === undefined) return started;
    await started.stop();
    this.#lastOutput = [...started.recentOutput];
    throw new DeployError(launch.release, `${failure}${outputTail(this.#lastOutput)}`);
  }

  /** Undefined once the health path answers 2xx, else why it did not before the deadline. */
  async #waitForHealthy(started: TargetProcess, deadline: number): Promise<string | undefined> {
    const { release, healthPath, healthTimeoutMs } = this.launch;
    for (;;) {
      const status = await answerStatus(started.target, healthPath, this.agent);
      if (status !== undefined && status >= 200 && status < 300) return undefined;
      const exit = started.unexpectedExit;
      if (exit !== undefined) {
        return `release ${release} exited before its health check passed (${describeExit(exit)})`;
      }
      if (this.#options.now() >= deadline) {
        const answered = status === undefined ? "nothing" : `${status}`;
        return `release ${release}'s health path ${healthPath} answered ${answered}, not 2xx, within ${healthTimeoutMs} ms`;
      }
      await this.#options.sleep(healthRetryMs);
    }
  }

  async #supervise(): Promise<void> {
    while (await this.#untilCrash()) {
      if (!(await this.#restartAfterCrash())) return;
    }
  }

  /** True when the process exited by itself, false when a stop was asked for. */
  async #untilCrash(): Promise<boolean> {
    for (;;) {
      if (this.#stopRequested) return false;
      const running = this.#process;
      if (running === undefined) return false;
      if (running.unexpectedExit !== undefined) {
        this.#process = undefined;
        this.#lastOutput = [...running.recentOutput];
        // Frees what the sandbox set up for it (its temp dir, its socket).
        await running.stop();
        return true;
      }
      await this.#options.sleep(watchIntervalMs);
    }
  }

  /** Starts it again after the backoff, as long as it takes; false when it gave up or was stopped. */
  async #restartAfterCrash(): Promise<boolean> {
    const options = this.#options;
    const backoffs = options.restartBackoffMs ?? defaultRestartBackoffMs;
    for (;;) {
      const crashedAt = options.now();
      this.#crashTimes = [
        ...this.#crashTimes.filter((time) => crashedAt - time < crashWindowMs),
        crashedAt,
      ];
      if (this.#crashTimes.length >= crashLimit) {
        this.#setState("stopped");
        return false;
      }
      this.#setState("restarting");
      await this.#pause(backoffAfter(this.#crashTimes.length, backoffs));
      if (this.#stopRequested) return false;
      this.#restarts += 1;
      try {
        this.#process = await this.#startProcess();
        this.#setState("running");
        return true;
      } catch {
        // A restart that does not come up healthy counts as one more crash.
      }
    }
  }

  /** Waits, in short steps so that a stop does not wait for a long backoff. */
  async #pause(milliseconds: number): Promise<void> {
    const until = this.#options.now() + milliseconds;
    while (!this.#stopRequested && this.#options.now() < until) {
      await this.#options.sleep(Math.min(watchIntervalMs, until - this.#options.now()));
    }
  }

  async #launch(): Promise<void> {
    try {
      this.#process = await this.#startProcess();
    } catch (error) {
      this.#setState("stopped");
      this.agent.destroy();
      throw error;
    }
    // A stop asked for meanwhile stops the process once this returns.
    if (this.#stopRequested) {
      throw new DeployError(this.launch.release, `release ${this.launch.release} was stopped`);
    }
    this.#setState("running");
    this.#supervision = this.#supervise();
  }

  #setState(state: HostedReleaseState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#options.onStateChange?.(state);
  }
}

/** The sandbox, asked for these limits (TargetProcess passes none of its own). */
function withLimits(sandbox: Sandbox, limits: Partial<SandboxLimits>): Sandbox {
  return {
    name: sandbox.name,
    isolating: sandbox.isolating,
    prepare: (request) => sandbox.prepare({ ...request, limits: { ...limits, ...request.limits } }),
  };
}

/** The wait before restarting after the `crashCount`th crash within the window (1 = the first). */
export function backoffAfter(crashCount: number, backoffs: readonly number[]): number {
  const index = Math.min(Math.max(crashCount, 1), backoffs.length) - 1;
  return backoffs[index] ?? 0;
}

/** The status a path of the target answers with, or undefined when nothing answers within a second. */
export function answerStatus(
  target: HttpTarget,
  path: string,
  agent: Agent,
): Promise<number | undefined> {
  const address = upstreamAddress(target);
  return new Promise((resolve) => {
    const outgoing = httpRequest(
      {
        ...address.connect,
        agent,
        path: address.pathPrefix + path,
        signal: AbortSignal.timeout(1_000),
      },
      (answer) => {
        answer.resume();
        answer.once("end", () => resolve(answer.statusCode));
        answer.once("error", () => resolve(undefined));
      },
    );
    outgoing.once("error", () => resolve(undefined));
    outgoing.end();
  });
}

function outputTail(lines: readonly string[]): string {
  if (lines.length === 0) return "; it printed nothing";
  return `; its last output:\n  ${lines.slice(-10).join("\n  ")}`;
}
