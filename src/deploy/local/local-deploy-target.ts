/**
 * The embedded `local` deploy target: each release a sandboxed process run by a ReleaseHost (the host
 * daemon, through its client), behind its service's stable address. Blue/green and canaries are routes
 * by shares; rollback routes back to the standby release. A service keeps its port across daemon
 * restarts (remembered in the database), and a freshly started daemon is first given back the releases
 * the database says are live or standby, so the addresses answer as they did.
 */
import { createServer } from "node:net";
import { ShopfloorError } from "../../contracts/errors.js";
import type { HttpTarget } from "../../runners/http/http-step-runner.js";
import type {
  DeployTarget,
  ReleaseRequest,
  StartedRelease,
  TrafficShare,
} from "../deploy-target.js";
import type { HostedService, ReleaseHost, ReleaseLaunch } from "./release-host.js";

/** The stable port of each service, kept where it outlives the daemon (the factory database). */
export interface ServicePorts {
  get(service: string): Promise<number | undefined>;
  set(service: string, port: number): Promise<void>;
}

/** A service's releases to bring back on a fresh daemon, with their share of its traffic (0: standby). */
export interface RestoredService {
  service: string;
  releases: Array<{ request: ReleaseRequest; share: number }>;
}

/** A release or a route that could not be brought back on a fresh daemon. */
export interface RestoreFailure {
  service: string;
  /** Absent when it was the service's route that failed. */
  release?: string;
  error: Error;
}

export interface LocalDeployTargetOptions {
  /** Reaches the host; `fresh` when it was just started and runs nothing yet. */
  connect(): Promise<{ host: ReleaseHost; fresh: boolean }>;
  ports: ServicePorts;
  /** What the database says runs: the live, canary and standby releases of each service. */
  restore(): Promise<RestoredService[]>;
  /** How long a new release has to answer its health path. */
  healthTimeoutMs: number;
  /** The first stable port to give a new service (config `deploy.target.basePort`); 0: any free port. */
  basePort?: number;
  /** The host the stable addresses listen on (config `deploy.target.host`). */
  addressHost?: string;
  /** Whether nothing listens on the port; default: tries to listen on it. */
  isPortFree?(port: number): Promise<boolean>;
  /** Told of each release or route a fresh daemon could not get back (the rest is restored anyway). */
  onRestoreFailure?(failure: RestoreFailure): void;
}

export class LocalDeployTarget implements DeployTarget {
  readonly name = "local";
  readonly splitsTraffic = true;
  readonly #options: LocalDeployTargetOptions;
  readonly #addressHost: string;
  #connection: Promise<ReleaseHost> | undefined;

  constructor(options: LocalDeployTargetOptions) {
    this.#options = options;
    this.#addressHost = options.addressHost ?? "127.0.0.1";
  }

  async start(request: ReleaseRequest, signal?: AbortSignal): Promise<StartedRelease> {
    signal?.throwIfAborted();
    const host = await this.#host();
    const hosted = await host.launch(this.#launchOf(request));
    return { release: request.release, checkAt: hosted.endpoint, takesTraffic: false };
  }

  async shift(service: string, shares: readonly TrafficShare[]): Promise<void> {
    await this.#route(await this.#host(), service, shares);
  }

  async rollback(
    service: string,
    from: ReleaseRequest,
    to: ReleaseRequest | undefined,
  ): Promise<void> {
    const host = await this.#host();
    if (to === undefined) {
      // Nothing to go back to: the address answers 503 rather than the regressed release.
      await this.#route(host, service, []);
    } else {
      const status = await host.status();
      const running = status.releases.some(
        (hosted) => hosted.release === to.release && hosted.state !== "stopped",
      );
      if (!running) await host.launch(this.#launchOf(to));
      await this.#route(host, service, [{ release: to.release, share: 1 }]);
    }
    await host.stop(from.release);
  }

  async stop(release: string): Promise<void> {
    await (await this.#host()).stop(release);
  }

  async endpoint(release: string): Promise<HttpTarget | undefined> {
    const status = await (await this.#host()).status();
    const hosted = status.releases.find((candidate) => candidate.release === release);
    return hosted === undefined || hosted.state === "stopped" ? undefined : hosted.endpoint;
  }

  async address(service: string): Promise<string | undefined> {
    const status = await (await this.#host()).status();
    const hosted = status.services.find((candidate) => candidate.service === service);
    if (hosted !== undefined) return hosted.address;
    const port = await this.#options.ports.get(service);
    return port === undefined ? undefined : `http://${this.#addressHost}:${port}`;
  }

  /** Lets go of the host (the daemon's client: its connections only; the releases keep running). */
  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = undefined;
    if (connection === undefined) return;
    const host = await connection.catch(() => undefined);
    await host?.close();
  }

  #host(): Promise<ReleaseHost> {
    this.#connection ??= this.#connect().catch((error: unknown) => {
      this.#connection = undefined;
      throw error;
    });
    return this.#connection;
  }

  async #connect(): Promise<ReleaseHost> {
    const { host, fresh } = await this.#options.connect();
    if (!fresh) return host;
    try {
      for (const service of await this.#options.restore()) await this.#restore(host, service);
      return host;
    } catch (error) {
      await host.close();
      throw error;
    }
  }

  async #restore(host: ReleaseHost, restored: RestoredService): Promise<void> {
    const { service } = restored;
    if (restored.releases.length === 0) return;
    const shares: TrafficShare[] = [];
    for (const { request, share } of restored.releases) {
      try {
        await host.launch(this.#launchOf(request));
        if (share > 0) shares.push({ release: request.release, share });
      } catch (error) {
        this.#options.onRestoreFailure?.({
          service,
          release: request.release,
          error: error as Error,
        });
      }
    }
    // A canary that did not come back leaves its share to the live release.
    const total = shares.reduce((sum, entry) => sum + entry.share, 0);
    const normalized = shares.map((entry) => ({ ...entry, share: entry.share / total }));
    try {
      await this.#route(host, service, normalized);
    } catch (error) {
      this.#options.onRestoreFailure?.({ service, error: error as Error });
    }
  }

  async #route(
    host: ReleaseHost,
    service: string,
    shares: readonly TrafficShare[],
  ): Promise<HostedService> {
    const port = (await this.#options.ports.get(service)) ?? (await this.#nextFreePort(host));
    const hosted = await host.route(service, shares, port);
    await this.#options.ports.set(service, hosted.port);
    return hosted;
  }

  /** The first port from `basePort` on that no service uses and nothing listens on. */
  async #nextFreePort(host: ReleaseHost): Promise<number | undefined> {
    const basePort = this.#options.basePort ?? 0;
    if (basePort === 0) return undefined;
    const taken = new Set((await host.status()).services.map((service) => service.port));
    const isPortFree = this.#options.isPortFree ?? ((port) => portIsFree(this.#addressHost, port));
    for (let port = basePort; port <= 65_535; port++) {
      if (!taken.has(port) && (await isPortFree(port))) return port;
    }
    throw new ShopfloorError(
      "io-error",
      `no free port from ${basePort} up for a service's stable address (deploy.target.basePort)`,
      { field: "deploy.target.basePort" },
    );
  }

  #launchOf(request: ReleaseRequest): ReleaseLaunch {
    return {
      release: request.release,
      service: request.service,
      directory: request.directory,
      command: request.command,
      healthPath: request.healthPath,
      healthTimeoutMs: this.#options.healthTimeoutMs,
      env: {
        ...request.env,
        SHOPFLOOR_RELEASE: request.release,
        SHOPFLOOR_SERVICE: request.service,
        SHOPFLOOR_COMMIT: request.commit,
        SHOPFLOOR_BUILD: request.build,
        SHOPFLOOR_WORK_ITEM: request.workItem,
      },
    };
  }
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
