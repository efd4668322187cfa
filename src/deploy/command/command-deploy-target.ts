/**
 * The `command` deploy target: each step is the user's own script, so a real platform (Kubernetes, a
 * PaaS) plugs in without code. The deploy script gets the release's data as environment variables, puts
 * the release live itself and prints where the service answers (or the config says it); the target then
 * waits until the health path answers 2xx there. The rollback script puts the previous release back. The
 * platform owns its releases: stopping and closing are nothing to do here, and traffic cannot be split.
 */
import { spawn as nodeSpawn } from "node:child_process";
import type { z } from "zod";
import type { CommandTargetConfig } from "../../contracts/release.js";
import type { HttpTarget } from "../../runners/http/http-step-runner.js";
import { DeployError } from "../deploy-error.js";
import type {
  DeployTarget,
  ReleaseRequest,
  StartedRelease,
  TrafficShare,
} from "../deploy-target.js";
import { runScript, type ScriptOutcome, type SpawnFunction } from "./run-script.js";

export interface CommandDeployTargetOptions {
  config: z.infer<typeof CommandTargetConfig>;
  /** Where the scripts run from (their relative paths are relative to it). */
  projectFolder: string;
  /** The scripts' base environment (PATH, HOME, the platform's credentials…); undefined entries are left out. */
  environment: Readonly<Record<string, string | undefined>>;
  /** How long a started release has to answer its health path with 2xx. */
  healthTimeoutMs: number;
  now(): number;
  sleep(milliseconds: number): Promise<void>;
  spawn?: SpawnFunction;
  fetch?: typeof fetch;
}

/** The variables describing a release, set for the deploy script and (the release rolled back to) the rollback script. */
export const releaseVariableNames = [
  "SHOPFLOOR_RELEASE",
  "SHOPFLOOR_SERVICE",
  "SHOPFLOOR_WORK_ITEM",
  "SHOPFLOOR_BUILD",
  "SHOPFLOOR_COMMIT",
  "SHOPFLOOR_DIRECTORY",
  "SHOPFLOOR_START_COMMAND",
  "SHOPFLOOR_HEALTH_PATH",
] as const;

const healthPollMs = 250;
const healthRequestTimeoutMs = 5_000;

export class CommandDeployTarget implements DeployTarget {
  readonly name = "command";
  readonly splitsTraffic = false;
  readonly #options: CommandDeployTargetOptions;
  readonly #spawn: SpawnFunction;
  readonly #fetch: typeof fetch;
  readonly #addresses = new Map<string, string>();
  /** Per service, the release its scripts last put live: the only one reachable (at the address). */
  readonly #liveReleases = new Map<string, string>();

  constructor(options: CommandDeployTargetOptions) {
    this.#options = options;
    this.#spawn = options.spawn ?? nodeSpawn;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  async start(request: ReleaseRequest, signal?: AbortSignal): Promise<StartedRelease> {
    const { config } = this.#options;
    const outcome = await this.#run(config.deploy, releaseVariables(request), signal);
    this.#failUnlessSucceeded("deploy", config.deploy, outcome, request.release);
    const address = config.address ?? httpAddress(outcome.lastStdoutLine);
    if (address === undefined) {
      const printed =
        outcome.lastStdoutLine === undefined
          ? "it printed nothing on stdout"
          : `its last line of output was "${outcome.lastStdoutLine}"`;
      throw new DeployError(
        request.release,
        `the deploy script did not say where ${request.service} answers: ${printed}, not an http(s) URL; print the service's address as the script's last line of output or set deploy.target.address`,
      );
    }
    // The script has already switched the traffic: this is the service's address from now on.
    this.#addresses.set(request.service, address);
    this.#liveReleases.set(request.service, request.release);
    await this.#waitUntilHealthy(request, address, signal);
    return { release: request.release, checkAt: { baseUrl: address }, takesTraffic: true };
  }

  async shift(service: string, shares: readonly TrafficShare[]): Promise<void> {
    const taking = shares.filter((share) => share.share > 0);
    if (taking.length <= 1) return; // the deploy script already switched all of it
    const smallest = taking.reduce((least, share) => (share.share < least.share ? share : least));
    throw new DeployError(
      smallest.release,
      `the command target cannot split ${service}'s traffic between releases; drop deploy.canary or use the local target`,
    );
  }

  async rollback(
    service: string,
    from: ReleaseRequest,
    to: ReleaseRequest | undefined,
  ): Promise<void> {
    const variables = {
      ...(to === undefined ? { SHOPFLOOR_SERVICE: service } : releaseVariables(to)),
      SHOPFLOOR_ROLLBACK_FROM: from.release,
      SHOPFLOOR_ROLLBACK_TO: to?.release ?? "",
    };
    const { rollback } = this.#options.config;
    const outcome = await this.#run(rollback, variables);
    this.#failUnlessSucceeded("rollback", rollback, outcome, from.release);
    if (to === undefined) this.#liveReleases.delete(service);
    else this.#liveReleases.set(service, to.release);
  }

  async stop(_release: string): Promise<void> {
    // The platform owns its releases; the rollback script is where one is taken down.
  }

  /** The platform gives no release its own address: only the live one is reachable, at the service's. */
  async endpoint(release: string): Promise<HttpTarget | undefined> {
    for (const [service, live] of this.#liveReleases) {
      const address = this.#addresses.get(service) ?? this.#options.config.address;
      if (live === release && address !== undefined) return { baseUrl: address };
    }
    return undefined;
  }

  async address(service: string): Promise<string | undefined> {
    return this.#addresses.get(service) ?? this.#options.config.address;
  }

  async close(): Promise<void> {
    // Nothing is held between scripts.
  }

  #run(
    argv: readonly string[],
    variables: Readonly<Record<string, string>>,
    signal?: AbortSignal,
  ): Promise<ScriptOutcome> {
    const { projectFolder, config } = this.#options;
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.#options.environment)) {
      const describesRelease = (releaseVariableNames as readonly string[]).includes(name);
      // A stale SHOPFLOOR_RELEASE inherited from the caller must not reach a rollback to nothing.
      if (value !== undefined && !describesRelease) env[name] = value;
    }
    return runScript({
      argv,
      cwd: projectFolder,
      env: { ...env, ...variables },
      timeoutMs: config.timeoutSeconds * 1_000,
      spawn: this.#spawn,
      ...(signal === undefined ? {} : { signal }),
    });
  }

  #failUnlessSucceeded(
    step: "deploy" | "rollback",
    argv: readonly string[],
    outcome: ScriptOutcome,
    release: string,
  ): void {
    const script = `the ${step} script (${argv.join(" ")})`;
    const tail =
      outcome.output.length === 0
        ? "; it printed nothing"
        : `; its last output:\n  ${outcome.output.join("\n  ")}`;
    if (outcome.spawnError !== undefined) {
      throw new DeployError(release, `cannot run ${script}: ${outcome.spawnError}`);
    }
    if (outcome.cancelled) {
      throw new DeployError(release, `${script} was cancelled and stopped${tail}`);
    }
    if (outcome.timedOut) {
      throw new DeployError(
        release,
        `${script} did not finish within ${this.#options.config.timeoutSeconds} s (deploy.target.timeoutSeconds) and was stopped with everything it started${tail}`,
        { retryable: true },
      );
    }
    const { code, signal } = outcome.exit;
    if (code === 0) return;
    const how = signal === null ? `failed with exit code ${code}` : `was killed by ${signal}`;
    throw new DeployError(release, `${script} ${how}${tail}`);
  }

  async #waitUntilHealthy(
    request: ReleaseRequest,
    address: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const { now, sleep, healthTimeoutMs } = this.#options;
    const url = joinPath(address, request.healthPath);
    const deadline = now() + healthTimeoutMs;
    let lastAnswer = await this.#healthAnswer(url, signal);
    while (lastAnswer !== "ok" && now() < deadline) {
      await sleep(healthPollMs);
      if (signal?.aborted) throw new DeployError(request.release, "the deploy was cancelled");
      lastAnswer = await this.#healthAnswer(url, signal);
    }
    if (lastAnswer === "ok") return;
    throw new DeployError(
      request.release,
      `${request.release} did not answer ${url} with a 2xx status within ${healthTimeoutMs} ms after the deploy script (last: ${lastAnswer})`,
    );
  }

  /** "ok" for a 2xx status, else what came back, for the error. */
  async #healthAnswer(url: string, signal?: AbortSignal): Promise<string> {
    const timeout = AbortSignal.timeout(healthRequestTimeoutMs);
    try {
      const response = await this.#fetch(url, {
        signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
      });
      await response.body?.cancel();
      return response.ok ? "ok" : `status ${response.status}`;
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      return cause instanceof Error ? cause.message : String(cause);
    }
  }
}

/** The release's variables, over its extra environment so that they are always the release's own. */
export function releaseVariables(request: ReleaseRequest): Record<string, string> {
  return {
    ...request.env,
    SHOPFLOOR_RELEASE: request.release,
    SHOPFLOOR_SERVICE: request.service,
    SHOPFLOOR_WORK_ITEM: request.workItem,
    SHOPFLOOR_BUILD: request.build,
    SHOPFLOOR_COMMIT: request.commit,
    SHOPFLOOR_DIRECTORY: request.directory,
    SHOPFLOOR_START_COMMAND: request.command,
    SHOPFLOOR_HEALTH_PATH: request.healthPath,
  };
}

/** The line as printed when it is an http(s) URL. */
export function httpAddress(line: string | undefined): string | undefined {
  if (line === undefined || !URL.canParse(line)) return undefined;
  const { protocol } = new URL(line);
  return protocol === "http:" || protocol === "https:" ? line : undefined;
}

/** `https://host/api` + `/health` → `https://host/api/health`: the address's own path is kept. */
export function joinPath(address: string, path: string): string {
  return `${address.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
