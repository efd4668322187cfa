/**
 * The deploy target the config names, wired to the factory home: the local target reaches the home's
 * host daemon (started on first use; its releases come back from the database when it was not running),
 * remembers each service's stable port in the database; the command target runs the user's scripts from
 * the project folder.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Config } from "../../contracts/config.js";
import { ShopfloorError } from "../../contracts/errors.js";
import { CommandDeployTarget } from "../../deploy/command/command-deploy-target.js";
import type { DeployTarget } from "../../deploy/deploy-target.js";
import {
  connectReleaseHost,
  spawnHostDaemon,
} from "../../deploy/local/host-daemon/connect-release-host.js";
import { LocalDeployTarget, type RestoredService } from "../../deploy/local/local-deploy-target.js";
import type { ReleaseHost } from "../../deploy/local/release-host.js";
import type { MonitorRecords } from "../store/monitor-records.js";
import type { ReleaseRecords } from "../store/release-records.js";

export interface DeployTargetWiring {
  home: string;
  config: Config;
  projectFolder: string;
  environment: Readonly<Record<string, string | undefined>>;
  releases: ReleaseRecords;
  /** Where each service's stable port is kept. */
  monitoring: MonitorRecords;
  /** shopfloor's bin, which the host daemon is started with; without it none is started. */
  hostCliPath: string | undefined;
  /** Overrides how the local target reaches its host (tests: an in-process host). */
  connectHost?: () => Promise<{ host: ReleaseHost; fresh: boolean }>;
  clock(): number;
}

export function configuredDeployTarget(wiring: DeployTargetWiring): DeployTarget {
  const { config } = wiring;
  const target = config.deploy.target;
  const healthTimeoutMs = config.deploy.healthTimeoutSeconds * 1000;
  if (target.kind === "command") {
    return new CommandDeployTarget({
      config: target,
      projectFolder: wiring.projectFolder,
      environment: wiring.environment,
      healthTimeoutMs,
      now: wiring.clock,
      sleep: (milliseconds: number) => sleep(milliseconds),
    });
  }
  const connect =
    wiring.connectHost ??
    (() =>
      connectReleaseHost({
        home: wiring.home,
        startDaemon: () => spawnHostDaemon(wiring.home, requireCliPath(wiring.hostCliPath)),
        now: wiring.clock,
        sleep: (milliseconds) => sleep(milliseconds),
      }));
  return new LocalDeployTarget({
    connect,
    ports: {
      get: (service) => wiring.monitoring.servicePort(service),
      set: (service, port) => wiring.monitoring.setServicePort(service, port),
    },
    restore: () => runningReleases(wiring.releases),
    healthTimeoutMs,
    basePort: target.basePort,
  });
}

function requireCliPath(path: string | undefined): string {
  if (path !== undefined) return path;
  throw new ShopfloorError(
    "invalid-config",
    "no release host runs for this factory home and none can be started from here: run `shopfloor host --home HOME` first",
  );
}

/** What the database says runs: each service's live release (all its traffic) and standby (warm). */
async function runningReleases(releases: ReleaseRecords): Promise<RestoredService[]> {
  const restored: RestoredService[] = [];
  for (const service of await releases.services()) {
    const running = await releases.releases({ service, states: ["live", "standby"] });
    const entries = [];
    for (const release of running) {
      const request = await releases.releaseRequest(release.id);
      entries.push({ request, share: release.state === "live" ? 1 : 0 });
    }
    if (entries.length > 0) restored.push({ service, releases: entries });
  }
  return restored;
}
