/**
 * A ReleaseHost in memory that records its calls, for the tests of the daemon, its client and the local
 * target (like the AI SDK's mock models): launches succeed at once unless told to fail, routes open
 * addresses on the port asked for (else the next of a counter), and status reports what was done.
 */
import { ShopfloorError } from "../../../src/contracts/errors.js";
import { DeployError } from "../../../src/deploy/deploy-error.js";
import type { TrafficShare } from "../../../src/deploy/deploy-target.js";
import type {
  HostedRelease,
  HostedService,
  HostStatus,
  ReleaseHost,
  ReleaseLaunch,
} from "../../../src/deploy/local/release-host.js";

export type RecordedCall =
  | { method: "launch"; launch: ReleaseLaunch }
  | { method: "route"; service: string; shares: TrafficShare[]; port: number | undefined }
  | { method: "stop"; release: string }
  | { method: "status" }
  | { method: "close" };

export interface RecordingReleaseHostOptions {
  /** Releases whose launch throws a DeployError (as one whose health check never passed). */
  failingReleases?: readonly string[];
  /** The first port given to a service that asks for none. */
  firstPort?: number;
  pid?: number;
}

export class RecordingReleaseHost implements ReleaseHost {
  readonly calls: RecordedCall[] = [];
  readonly releases = new Map<string, HostedRelease>();
  readonly services = new Map<string, HostedService>();
  closed = false;
  readonly #failing: Set<string>;
  readonly #pid: number;
  #nextPort: number;
  #nextReleasePort = 50_000;

  constructor(options: RecordingReleaseHostOptions = {}) {
    this.#failing = new Set(options.failingReleases ?? []);
    this.#nextPort = options.firstPort ?? 41_000;
    this.#pid = options.pid ?? 4242;
  }

  /** The calls of one method, in order. */
  callsOf<Method extends RecordedCall["method"]>(
    method: Method,
  ): Extract<RecordedCall, { method: Method }>[] {
    return this.calls.filter(
      (call): call is Extract<RecordedCall, { method: Method }> => call.method === method,
    );
  }

  async launch(launch: ReleaseLaunch): Promise<HostedRelease> {
    this.calls.push({ method: "launch", launch });
    if (this.#failing.has(launch.release)) {
      throw new DeployError(
        launch.release,
        `${launch.release} did not answer ${launch.healthPath} within ${launch.healthTimeoutMs} ms; its last output: boom`,
      );
    }
    const port = this.#nextReleasePort++;
    const hosted: HostedRelease = {
      release: launch.release,
      service: launch.service,
      state: "running",
      endpoint: { baseUrl: `http://127.0.0.1:${port}` },
      restarts: 0,
      share: 0,
      traffic: { requests: 0, errors: 0, recentLatenciesMs: [] },
      recentOutput: [],
    };
    this.releases.set(launch.release, hosted);
    return hosted;
  }

  async route(
    service: string,
    shares: readonly TrafficShare[],
    port?: number,
  ): Promise<HostedService> {
    this.calls.push({ method: "route", service, shares: [...shares], port });
    for (const share of shares) {
      const release = this.releases.get(share.release);
      if (release?.state !== "running" || release.service !== service) {
        throw new ShopfloorError(
          "invalid-argument",
          `${share.release} is not a running release of ${service}`,
        );
      }
    }
    for (const release of this.releases.values()) {
      if (release.service !== service) continue;
      release.share = shares.find((share) => share.release === release.release)?.share ?? 0;
    }
    const existing = this.services.get(service);
    const chosenPort =
      existing?.port ?? (port === undefined || port === 0 ? this.#nextPort++ : port);
    const hosted: HostedService = {
      service,
      address: `http://127.0.0.1:${chosenPort}`,
      port: chosenPort,
      shares: [...shares],
    };
    this.services.set(service, hosted);
    return hosted;
  }

  async stop(release: string): Promise<void> {
    this.calls.push({ method: "stop", release });
    const hosted = this.releases.get(release);
    if (hosted !== undefined) hosted.state = "stopped";
  }

  async status(): Promise<HostStatus> {
    this.calls.push({ method: "status" });
    return {
      pid: this.#pid,
      services: [...this.services.values()],
      releases: [...this.releases.values()],
    };
  }

  async close(): Promise<void> {
    this.calls.push({ method: "close" });
    this.closed = true;
  }
}
