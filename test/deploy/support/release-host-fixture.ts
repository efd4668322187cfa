/**
 * Test support for the release host: the real clock (the host waits for real processes), a launch of
 * the test release server, and a log of release states a test can wait on instead of sleeping.
 */
import type { HostedReleaseState, ReleaseLaunch } from "../../../src/deploy/local/release-host.js";

export const realClock = {
  now: () => performance.now(),
  sleep: (milliseconds: number) =>
    new Promise<void>((settle) => setTimeout(settle, Math.max(milliseconds, 0))),
};

export function serverLaunch(
  directory: string,
  release: string,
  env: Record<string, string> = {},
  service = "shop",
): ReleaseLaunch {
  return {
    release,
    service,
    directory,
    command: "node server.mjs",
    healthPath: "/health",
    healthTimeoutMs: 5_000,
    env: { RELEASE_NAME: release, ...env },
  };
}

/** Records every state change the host reports; `next` waits for one that has not happened yet. */
export class ReleaseStateLog {
  readonly changes: { release: string; state: HostedReleaseState }[] = [];
  readonly #waiting: { release: string; state: HostedReleaseState; settle: () => void }[] = [];

  readonly record = (release: string, state: HostedReleaseState): void => {
    this.changes.push({ release, state });
    for (const waiting of [...this.#waiting]) {
      if (waiting.release !== release || waiting.state !== state) continue;
      this.#waiting.splice(this.#waiting.indexOf(waiting), 1);
      waiting.settle();
    }
  };

  next(release: string, state: HostedReleaseState): Promise<void> {
    return new Promise((settle) => this.#waiting.push({ release, state, settle }));
  }

  statesOf(release: string): HostedReleaseState[] {
    return this.changes
      .filter((change) => change.release === release)
      .map((change) => change.state);
  }
}
