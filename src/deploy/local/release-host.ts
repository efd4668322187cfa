/**
 * The release host: what runs the local target's releases. It starts each release as a supervised,
 * sandboxed process on its own port (restarted when it crashes), serves each service's stable address
 * with a small reverse proxy, and routes that address's traffic by shares it is told, atomically. It
 * decides nothing: which release is live, which stays warm and which stops is the deploy station's call.
 * Two implementations: `InProcessReleaseHost` (in this process) and `ReleaseHostClient` (the same calls to
 * the host daemon over its control socket, so releases outlive the command that deployed them).
 */
import type { HttpTarget } from "../../runners/http/http-step-runner.js";
import type { TrafficShare } from "../deploy-target.js";

export interface ReleaseLaunch {
  release: string;
  service: string;
  directory: string;
  /** Run with `sh -c` in the sandbox from `directory`, with $PORT and $HOST given. */
  command: string;
  /** Must answer 2xx within `healthTimeoutMs` for the launch to succeed. */
  healthPath: string;
  healthTimeoutMs: number;
  env: Readonly<Record<string, string>>;
}

export type HostedReleaseState =
  /** Started, health check not passed yet. */
  | "starting"
  /** Passed its health check; running. */
  | "running"
  /** Exited unexpectedly; the supervisor restarts it after a backoff. */
  | "restarting"
  /** Stopped (asked to, or gave up restarting after too many crashes). */
  | "stopped";

/** What the proxy saw of one release's traffic since it started. */
export interface TrafficCounts {
  requests: number;
  /** Answers of 5xx, and requests the release could not be reached for (the proxy answered 502). */
  errors: number;
  /** Latency of the last (up to 1,000) proxied requests, milliseconds, as answered. */
  recentLatenciesMs: number[];
}

export interface HostedRelease {
  release: string;
  service: string;
  state: HostedReleaseState;
  /** Where the release itself answers (bypassing the proxy): health checks and smoke samples go here. */
  endpoint: HttpTarget;
  /** Times the supervisor restarted it after a crash. */
  restarts: number;
  /** The share of its service's traffic it gets now (0 when it only stays warm). */
  share: number;
  traffic: TrafficCounts;
  /** Its last lines of output (for a failure's evidence). */
  recentOutput: string[];
}

export interface HostedService {
  service: string;
  /** The stable address, e.g. http://127.0.0.1:41234. */
  address: string;
  port: number;
  shares: TrafficShare[];
}

export interface HostStatus {
  /** The host process's pid (this process for the in-process host). */
  pid: number;
  services: HostedService[];
  releases: HostedRelease[];
}

export interface ReleaseHost {
  /**
   * Starts the release and waits for its health path to answer 2xx; throws a DeployError (with the
   * release's last output) when it exits first or the timeout passes, after stopping it.
   */
  launch(launch: ReleaseLaunch): Promise<HostedRelease>;
  /**
   * Opens the service's stable address if it has none (on `port` when given and free, else a free one:
   * the caller remembers it so the address stays the same across host restarts) and routes its traffic
   * by `shares` from the next request on. Requests in flight finish where they started. Releases left
   * out get no new request but keep running. Shares must name running releases of the service and add
   * up to 1 (an empty list: the address answers 503).
   */
  route(service: string, shares: readonly TrafficShare[], port?: number): Promise<HostedService>;
  /** Stops a release once its in-flight requests have finished (at most a few seconds). Idempotent. */
  stop(release: string): Promise<void>;
  status(): Promise<HostStatus>;
  /** Stops every release and closes every stable address (the in-process host; the daemon's own exit). */
  close(): Promise<void>;
}
