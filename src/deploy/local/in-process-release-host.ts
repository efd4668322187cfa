/**
 * The release host that runs in this process: each release a supervised sandboxed process, each
 * service's stable address a reverse proxy in this process, routed by the shares it is told. The local
 * target uses it directly in tests; the host daemon wraps it behind its control socket.
 */
import { InvalidArgumentError, ShopfloorError } from "../../contracts/errors.js";
import type { Sandbox, SandboxLimits } from "../../runners/sandbox/sandbox.js";
import { DeployError } from "../deploy-error.js";
import type { TrafficShare } from "../deploy-target.js";
import type {
  HostedRelease,
  HostedReleaseState,
  HostedService,
  HostStatus,
  ReleaseHost,
  ReleaseLaunch,
} from "./release-host.js";
import { ReverseProxy } from "./reverse-proxy.js";
import { SupervisedRelease } from "./supervised-release.js";

export interface InProcessReleaseHostOptions {
  sandbox: Sandbox;
  /** The interface the stable addresses listen on; default 127.0.0.1. */
  host?: string;
  now(): number;
  sleep(milliseconds: number): Promise<void>;
  /** Paths every release may read besides its own folder (e.g. a node_modules it needs). */
  readOnlyPaths?: readonly string[];
  /** The sandbox's limits for each release's processes; default a week of CPU time, else the sandbox's. */
  limits?: Partial<SandboxLimits>;
  /** The waits before restarts after crashes close together; default 500, 1000, 2000, 4000 ms. */
  restartBackoffMs?: readonly number[];
  /** Uniform in [0, 1): picks each request's release; default Math.random. */
  random?(): number;
  /** Told each time a release changes state (for a log, or a test waiting on it). */
  onReleaseState?(release: string, state: HostedReleaseState): void;
}

/** How long a stop waits for the requests a release is still answering. */
export const drainTimeoutMs = 5_000;
const drainCheckMs = 20;
/** Shares may miss 1 by rounding, not by more. */
const shareTolerance = 1e-9;

export class InProcessReleaseHost implements ReleaseHost {
  readonly #options: InProcessReleaseHostOptions;
  readonly #releases = new Map<string, SupervisedRelease>();
  readonly #proxies = new Map<string, Promise<ReverseProxy>>();
  #closed = false;

  constructor(options: InProcessReleaseHostOptions) {
    this.#options = options;
  }

  async launch(launch: ReleaseLaunch): Promise<HostedRelease> {
    this.#assertOpen();
    const existing = this.#releases.get(launch.release);
    if (existing !== undefined && existing.state !== "stopped") {
      throw new DeployError(launch.release, `release ${launch.release} already runs on this host`);
    }
    const options = this.#options;
    const supervised = new SupervisedRelease(launch, {
      sandbox: options.sandbox,
      now: options.now,
      sleep: options.sleep,
      ...(options.readOnlyPaths === undefined ? {} : { readOnlyPaths: options.readOnlyPaths }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.restartBackoffMs === undefined
        ? {}
        : { restartBackoffMs: options.restartBackoffMs }),
      onStateChange: (state) => options.onReleaseState?.(launch.release, state),
    });
    this.#releases.set(launch.release, supervised);
    await supervised.start();
    return supervised.snapshot(await this.#shareOf(supervised));
  }

  async route(
    service: string,
    shares: readonly TrafficShare[],
    port?: number,
  ): Promise<HostedService> {
    this.#assertOpen();
    this.#checkShares(service, shares);
    const proxy = await this.#proxyOf(service, shares, port);
    proxy.route(shares);
    return describeService(service, proxy);
  }

  async stop(release: string): Promise<void> {
    const supervised = this.#releases.get(release);
    if (supervised === undefined) return;
    const proxy = await this.#proxies.get(supervised.launch.service)?.catch(() => undefined);
    const share = proxy?.shareOf(release) ?? 0;
    if (share > 0) {
      throw new InvalidArgumentError(
        `release ${release} still gets ${Number((share * 100).toFixed(1))}% of ${supervised.launch.service}'s traffic: route it away before stopping it`,
        "release",
      );
    }
    const deadline = this.#options.now() + drainTimeoutMs;
    while (proxy !== undefined && proxy.inFlight(release) > 0 && this.#options.now() < deadline) {
      await this.#options.sleep(drainCheckMs);
    }
    await supervised.stop();
  }

  async status(): Promise<HostStatus> {
    const services: HostedService[] = [];
    for (const [service, opening] of this.#proxies) {
      const proxy = await opening.catch(() => undefined);
      if (proxy !== undefined) services.push(describeService(service, proxy));
    }
    const releases = await Promise.all(
      [...this.#releases.values()].map(async (supervised) =>
        supervised.snapshot(await this.#shareOf(supervised)),
      ),
    );
    return { pid: process.pid, services, releases };
  }

  async close(): Promise<void> {
    this.#closed = true;
    const proxies = await Promise.all(
      [...this.#proxies.values()].map((opening) => opening.catch(() => undefined)),
    );
    await Promise.all(proxies.map((proxy) => proxy?.close()));
    await Promise.all([...this.#releases.values()].map((supervised) => supervised.stop()));
  }

  #assertOpen(): void {
    if (this.#closed) throw new ShopfloorError("internal", "the release host is closed");
  }

  /** Shares within [0, 1] that add up to 1, each naming a release of the service (running if it has a share). */
  #checkShares(service: string, shares: readonly TrafficShare[]): void {
    const problem = (message: string) => new InvalidArgumentError(message, "shares");
    const seen = new Set<string>();
    for (const { release, share } of shares) {
      if (!Number.isFinite(share) || share < 0 || share > 1) {
        throw problem(`the share of ${release} is ${share}; a share is between 0 and 1`);
      }
      if (seen.has(release)) throw problem(`release ${release} is named twice in the shares`);
      seen.add(release);
      const supervised = this.#releases.get(release);
      if (supervised === undefined) throw problem(`no release ${release} runs on this host`);
      if (supervised.launch.service !== service) {
        throw problem(`release ${release} belongs to ${supervised.launch.service}, not ${service}`);
      }
      const runs = supervised.state === "running" || supervised.state === "restarting";
      if (share > 0 && !runs) {
        throw problem(`release ${release} is ${supervised.state}: it cannot take traffic`);
      }
    }
    const total = shares.reduce((sum, { share }) => sum + share, 0);
    if (shares.length > 0 && Math.abs(total - 1) > shareTolerance) {
      throw problem(`the shares of ${service} add up to ${total}, not 1`);
    }
  }

  /** The service's proxy, opened on the first route (on `port` when given). */
  #proxyOf(service: string, shares: readonly TrafficShare[], port?: number): Promise<ReverseProxy> {
    const existing = this.#proxies.get(service);
    if (existing !== undefined) return existing;
    const opening = this.#openProxy(service, shares, port);
    this.#proxies.set(service, opening);
    opening.catch(() => this.#proxies.delete(service));
    return opening;
  }

  async #openProxy(
    service: string,
    shares: readonly TrafficShare[],
    port?: number,
  ): Promise<ReverseProxy> {
    const options = this.#options;
    const host = options.host ?? "127.0.0.1";
    const proxy = new ReverseProxy({
      service,
      host,
      upstream: (release) => this.#releases.get(release)?.upstream,
      record: (release, answer) => this.#releases.get(release)?.traffic.record(answer),
      random: options.random ?? Math.random,
      now: options.now,
    });
    try {
      await proxy.listen(port);
      return proxy;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === "EADDRINUSE" ? "the port is taken" : String((error as Error).message ?? error);
      throw new DeployError(
        shares[0]?.release ?? service,
        `the stable address of ${service} cannot listen on ${host}:${port ?? 0}: ${reason}`,
      );
    }
  }

  async #shareOf(supervised: SupervisedRelease): Promise<number> {
    const opening = this.#proxies.get(supervised.launch.service);
    const proxy = await opening?.catch(() => undefined);
    return proxy?.shareOf(supervised.launch.release) ?? 0;
  }
}

function describeService(service: string, proxy: ReverseProxy): HostedService {
  return {
    service,
    address: proxy.address,
    port: proxy.port,
    shares: proxy.shares.map((share) => ({ ...share })),
  };
}
