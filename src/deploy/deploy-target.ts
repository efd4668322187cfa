/**
 * The deploy target port: where releases run. The line's deploy station drives it the same way for every
 * target: start the release (no traffic yet where the target can hold it back), check it, shift traffic
 * to it (a share first for a canary, then all of it), and keep the previous release for a rollback.
 * The embedded `local` target runs releases as sandboxed processes behind a reverse proxy; the `command`
 * target hands each step to the user's own scripts.
 */
import type { HttpTarget } from "../runners/http/http-step-runner.js";

/** What a target needs to run a release: the build's code, exported for it, and how to start it. */
export interface ReleaseRequest {
  /** `<service>-r<number>`. */
  release: string;
  service: string;
  workItem: string;
  build: string;
  commit: string;
  /** The release's own copy of the build's code (read-only to the release). */
  directory: string;
  /** The shell command that starts the service with $PORT given (its package.json `scripts.start`). */
  command: string;
  /** The path that must answer 2xx before the release is started. */
  healthPath: string;
  /** Extra environment for the release's process (SHOPFLOOR_RELEASE and the like are always set). */
  env: Readonly<Record<string, string>>;
}

export interface StartedRelease {
  release: string;
  /** Where to check this release directly (its own port; for a command target, the service's address). */
  checkAt: HttpTarget;
  /** True when starting it already gave it the traffic (a command target's deploy script switches). */
  takesTraffic: boolean;
}

/** One release's share of a service's traffic; the shares of one `shift` add up to 1. */
export interface TrafficShare {
  release: string;
  share: number;
}

export interface DeployTarget {
  readonly name: string;
  /** Whether `shift` can split traffic between two releases (a canary needs it). */
  readonly splitsTraffic: boolean;
  /**
   * Starts the release and waits until its health path answers 2xx (within the configured timeout);
   * a DeployError says why it did not, with the release's last output.
   */
  start(request: ReleaseRequest, signal?: AbortSignal): Promise<StartedRelease>;
  /** Routes the service's traffic by these shares, atomically: a request goes to one release or another. */
  shift(service: string, shares: readonly TrafficShare[]): Promise<void>;
  /**
   * Puts `to` back in front of the service's traffic (undefined: there is no previous release; the target
   * stops `from` if it can) and takes `from` out of it.
   */
  rollback(service: string, from: ReleaseRequest, to: ReleaseRequest | undefined): Promise<void>;
  /** Stops a release that takes no traffic (failed its checks, or retired). Idempotent. */
  stop(release: string): Promise<void>;
  /** Where a running release answers directly, bypassing the stable address (a canary's comparison). */
  endpoint(release: string): Promise<HttpTarget | undefined>;
  /** The stable address of the service (what users and probes use), once it has one. */
  address(service: string): Promise<string | undefined>;
  /** Lets go of the target's connections; the releases keep running. */
  close(): Promise<void>;
}
