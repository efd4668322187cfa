/**
 * The host daemon's life: one per factory home. It makes `<home>/host/` (private), refuses to start when
 * another daemon already answers on the socket (a socket nobody answers on is left over and removed),
 * serves the control API on the socket, writes its pid file, and on shutdown (the signal, a
 * `POST /shutdown`, or its home deleted: nobody could reach or stop it any more) stops every release,
 * closes the socket and removes its files.
 */
import { existsSync } from "node:fs";
import { chmod, lstat, mkdir, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import { ShopfloorError } from "../../../contracts/errors.js";
import type { ReleaseHost } from "../release-host.js";
import { createControlApp } from "./control-app.js";
import { type HostPaths, hostPaths } from "./host-paths.js";
import { ReleaseHostClient } from "./release-host-client.js";

export interface HostDaemonOptions {
  /** The factory home, absolute. */
  home: string;
  /** What runs the releases (the in-process host, in the daemon). */
  host: ReleaseHost;
  /** Aborted to stop the daemon (the CLI aborts it on SIGTERM and SIGINT). */
  signal?: AbortSignal;
  /** Called once the socket listens and the pid file is written. */
  onListening?(paths: HostPaths): void;
  /** Written to the pid file; default: this process's. */
  pid?: number;
  /** How often the daemon checks that its home still exists; default 5 s. */
  homeCheckMs?: number;
}

/** Resolves once the daemon has shut down and cleaned up. */
export async function runHostDaemon(options: HostDaemonOptions): Promise<void> {
  const paths = hostPaths(options.home);
  await mkdir(paths.folder, { recursive: true, mode: 0o700 });
  await chmod(paths.folder, 0o700);
  let requestStop = () => {};
  const stopRequested = new Promise<void>((resolve) => {
    requestStop = resolve;
  });
  const app = createControlApp({ host: options.host, onShutdown: () => requestStop() });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const onAbort = () => requestStop();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) requestStop();
  let listening = false;
  let homeCheck: NodeJS.Timeout | undefined;
  try {
    await removeLeftOverSocket(paths, options.home);
    await listen(server, paths.socket);
    listening = true;
    await chmod(paths.socket, 0o600);
    await writeFile(paths.pidFile, `${options.pid ?? process.pid}\n`, { mode: 0o600 });
    options.onListening?.(paths);
    homeCheck = setInterval(() => {
      if (!existsSync(options.home)) requestStop();
    }, options.homeCheckMs ?? 5_000);
    homeCheck.unref();
    await stopRequested;
  } finally {
    clearInterval(homeCheck);
    options.signal?.removeEventListener("abort", onAbort);
    try {
      await options.host.close();
    } finally {
      // A daemon that never listened leaves the socket and pid file alone: they may be another's.
      if (listening) {
        await closeServer(server);
        await rm(paths.socket, { force: true });
        await rm(paths.pidFile, { force: true });
      }
    }
  }
}

async function removeLeftOverSocket(paths: HostPaths, home: string): Promise<void> {
  if (!(await exists(paths.socket))) return;
  const client = new ReleaseHostClient({ socketPath: paths.socket });
  const running = await client.statusIfRunning().finally(() => client.close());
  if (running !== undefined) {
    throw new ShopfloorError(
      "io-error",
      `a release host is already running for ${home} (pid ${running.pid}); stop it with \`shopfloor host --stop --home ${home}\``,
      { path: paths.socket },
    );
  }
  // Nobody answers: the socket is left over from a daemon that did not clean up.
  await rm(paths.socket, { force: true });
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function listen(server: Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
