/**
 * The release host daemon of the line's home as `shopfloor host --status` shows it: asked over its
 * control socket, or "not running" when nothing answers there. Asking never starts a daemon (deploying
 * does).
 */
import { hostPaths } from "../../../deploy/local/host-daemon/host-paths.js";
import { ReleaseHostClient } from "../../../deploy/local/host-daemon/release-host-client.js";
import type { HostAnswer } from "./factory-schemas.js";

export async function hostStatus(home: string): Promise<HostAnswer> {
  const paths = hostPaths(home);
  const client = new ReleaseHostClient({ socketPath: paths.socket });
  try {
    const status = await client.statusIfRunning();
    const where = { socket: paths.socket, logFile: paths.logFile };
    if (status === undefined) return { running: false, ...where, services: [], releases: [] };
    return { running: true, ...where, ...status };
  } finally {
    await client.close();
  }
}
