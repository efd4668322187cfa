/**
 * Where a factory home's host daemon keeps its files: `<home>/host/` holds the control socket, the pid
 * file, the log and the start lock. A unix socket's path is limited to about 107 bytes, so for a deep home
 * the socket moves to the temp folder under a name derived from the home (the same home, the same name).
 */
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface HostPaths {
  /** `<home>/host`, private to the user (0700). */
  folder: string;
  /** The control API's unix socket. */
  socket: string;
  /** The running daemon's pid. */
  pidFile: string;
  /** The daemon's output, appended to across restarts. */
  logFile: string;
  /** Held (created exclusively) by the one process that is starting a daemon. */
  lockFile: string;
}

/** The longest unix socket path Linux accepts (sun_path is 108 bytes with its terminating NUL). */
export const maximumSocketPathBytes = 107;

export function hostPaths(home: string, temporaryFolder: string = tmpdir()): HostPaths {
  const folder = join(home, "host");
  const preferredSocket = join(folder, "control.sock");
  const socket =
    Buffer.byteLength(preferredSocket) <= maximumSocketPathBytes
      ? preferredSocket
      : join(temporaryFolder, `shopfloor-host-${homeDigest(home)}.sock`);
  return {
    folder,
    socket,
    pidFile: join(folder, "host.pid"),
    logFile: join(folder, "host.log"),
    lockFile: join(folder, "start.lock"),
  };
}

function homeDigest(home: string): string {
  return createHash("sha256").update(home).digest("hex").slice(0, 16);
}
