/**
 * Reaching a factory home's host daemon, starting it when none runs. The client is `fresh` when this call
 * started the daemon: the caller then brings back the releases the database says are live or standby.
 * Two commands connecting at once start one daemon: the one that creates the start lock (O_EXCL) starts
 * it, the other waits until it answers; a lock older than the timeout (its holder died) is taken over.
 */
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import { ShopfloorError } from "../../../contracts/errors.js";
import { type HostPaths, hostPaths } from "./host-paths.js";
import { ReleaseHostClient } from "./release-host-client.js";

export interface ConnectReleaseHostOptions {
  /** The factory home, absolute. */
  home: string;
  /** Starts a daemon for the home and returns at once (default: `spawnHostDaemon`). */
  startDaemon(): void;
  /**
   * Milliseconds. On wall time (Date.now) a lock left long ago is taken over at once; on any clock, a
   * lock seen unchanged for longer than the timeout is.
   */
  now(): number;
  sleep(milliseconds: number): Promise<void>;
  /** How long a started daemon has to answer; also the age past which a start lock is stale. */
  timeoutMs?: number;
  pollIntervalMs?: number;
}

export interface ReleaseHostConnection {
  host: ReleaseHostClient;
  /** True when this call started the daemon (it runs no release yet). */
  fresh: boolean;
}

const logLinesShown = 20;

export async function connectReleaseHost(
  options: ConnectReleaseHostOptions,
): Promise<ReleaseHostConnection> {
  const paths = hostPaths(options.home);
  const host = new ReleaseHostClient({ socketPath: paths.socket });
  try {
    if ((await host.statusIfRunning()) !== undefined) return { host, fresh: false };
    await mkdir(paths.folder, { recursive: true, mode: 0o700 });
    if ((await takeStartLock(paths, host, options)) === "started-by-another") {
      return { host, fresh: false };
    }
    try {
      // The daemon may have come up between the first look and taking the lock.
      if ((await host.statusIfRunning()) !== undefined) return { host, fresh: false };
      options.startDaemon();
      await waitUntilAnswering(paths, host, options);
      return { host, fresh: true };
    } finally {
      await rm(paths.lockFile, { force: true });
    }
  } catch (error) {
    await host.close();
    throw error;
  }
}

/**
 * Starts `shopfloor host --home HOME` as a detached process of its own (it outlives this one), with its
 * output appended to the home's host log. `cliPath` is shopfloor's bin (`<package root>/bin/shopfloor.js`).
 */
export function spawnHostDaemon(home: string, cliPath: string): void {
  const paths = hostPaths(home);
  mkdirSync(paths.folder, { recursive: true, mode: 0o700 });
  const log = openSync(paths.logFile, "a", 0o600);
  try {
    const child = spawn(process.execPath, [cliPath, "host", "--home", home], {
      cwd: paths.folder,
      detached: true,
      stdio: ["ignore", log, log],
    });
    // A daemon that cannot be spawned shows as one that never answers, with its log.
    child.on("error", () => {});
    child.unref();
  } finally {
    closeSync(log);
  }
}

async function takeStartLock(
  paths: HostPaths,
  host: ReleaseHostClient,
  options: ConnectReleaseHostOptions,
): Promise<"held" | "started-by-another"> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = options.now() + 2 * timeoutMs;
  let watched: WatchedLock | undefined;
  for (;;) {
    if (await createLockFile(paths.lockFile)) return "held";
    if ((await host.statusIfRunning()) !== undefined) return "started-by-another";
    watched = await removeIfStale(paths.lockFile, watched, options.now(), timeoutMs);
    if (options.now() > deadline) {
      throw new ShopfloorError(
        "io-error",
        `another command has been starting the release host for ${options.home} for too long; remove ${paths.lockFile} if no shopfloor command runs`,
        { path: paths.lockFile, retryable: true },
      );
    }
    await options.sleep(options.pollIntervalMs ?? 50);
  }
}

async function createLockFile(path: string): Promise<boolean> {
  try {
    const file = await open(path, "wx", 0o600);
    await file.writeFile(`${process.pid}\n`);
    await file.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** One lock file (the same inode and time), and since when (on the injected clock) it has been seen. */
interface WatchedLock {
  inode: number;
  modifiedMs: number;
  since: number;
}

/**
 * Removes the lock when it is older than the timeout: by its modification time, or, when the clock is
 * not wall time, by how long this command has seen the same lock. Returns the lock now watched.
 */
async function removeIfStale(
  path: string,
  watched: WatchedLock | undefined,
  now: number,
  timeoutMs: number,
): Promise<WatchedLock | undefined> {
  try {
    const seen = await stat(path);
    const same = watched?.inode === seen.ino && watched.modifiedMs === seen.mtimeMs;
    const current =
      same && watched ? watched : { inode: seen.ino, modifiedMs: seen.mtimeMs, since: now };
    if (now - seen.mtimeMs <= timeoutMs && now - current.since <= timeoutMs) return current;
    // Only the lock seen stale: another command may have just taken it over with a new one.
    const again = await stat(path);
    if (again.ino === seen.ino && again.mtimeMs === seen.mtimeMs) await rm(path, { force: true });
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return undefined;
  }
}

async function waitUntilAnswering(
  paths: HostPaths,
  host: ReleaseHostClient,
  options: ConnectReleaseHostOptions,
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = options.now() + timeoutMs;
  for (;;) {
    if ((await host.statusIfRunning()) !== undefined) return;
    if (options.now() >= deadline) throw await notStartedError(paths, options.home, timeoutMs);
    await options.sleep(options.pollIntervalMs ?? 50);
  }
}

async function notStartedError(
  paths: HostPaths,
  home: string,
  timeoutMs: number,
): Promise<ShopfloorError> {
  const log = await readFile(paths.logFile, "utf8").catch(() => "");
  const lastLines = log.trimEnd().split("\n").slice(-logLinesShown).join("\n");
  const tail =
    lastLines === ""
      ? `its log ${paths.logFile} is empty`
      : `its log ${paths.logFile} ends with:\n${lastLines}`;
  return new ShopfloorError(
    "io-error",
    `the release host for ${home} did not answer on ${paths.socket} within ${timeoutMs / 1000} s; ${tail}`,
    { path: paths.logFile, retryable: true },
  );
}
