/**
 * The host daemon end to end, as real processes: `shopfloor host` started from the built bin, a tiny
 * http server launched through the daemon's client and routed behind its stable address, requests
 * answered there, and `shopfloor host --stop` (or SIGTERM) ending the daemon and its release.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hostPaths } from "../../src/deploy/local/host-daemon/host-paths.js";
import { ReleaseHostClient } from "../../src/deploy/local/host-daemon/release-host-client.js";
import type { ReleaseLaunch } from "../../src/deploy/local/release-host.js";
import {
  isGroupAlive,
  processesUnder,
  repositoryRoot,
  runShopfloor,
  type ShopfloorProcess,
  startShopfloor,
} from "../line/support-integration/shopfloor-process.js";

const server = `
import { createServer } from "node:http";
createServer((request, response) => {
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ release: process.env.SHOPFLOOR_RELEASE, path: request.url }));
}).listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
`;

let home: string;
let daemons: ShopfloorProcess[];
let client: ReleaseHostClient;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-host-e2e-"));
  daemons = [];
  client = new ReleaseHostClient({ socketPath: hostPaths(home).socket });
});

afterEach(async () => {
  await client.close();
  for (const daemon of daemons) {
    if (isGroupAlive(daemon.pid)) process.kill(-daemon.pid, "SIGKILL");
  }
  // Releases run in process groups of their own: whatever still works under the home goes too.
  for (const pid of processesUnder(home)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  rmSync(home, { recursive: true, force: true });
});

/** Polls the system (not a clock) until `probe` gives a value, or fails saying what it waited for. */
async function waitFor<Value>(
  what: string,
  probe: () => Promise<Value | undefined>,
  deadlineMs = 20_000,
): Promise<Value> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up after ${deadlineMs} ms waiting for ${what}`);
    await delay(20);
  }
}

async function startDaemon(): Promise<ShopfloorProcess> {
  const daemon = startShopfloor(["host", "--home", home], repositoryRoot);
  daemons.push(daemon);
  await waitFor("the host to answer on its socket", async () => {
    if (!isGroupAlive(daemon.pid)) {
      const exit = await daemon.exited;
      throw new Error(`shopfloor host exited (${exit.exitCode}):\n${exit.stdout}${exit.stderr}`);
    }
    return client.statusIfRunning();
  });
  return daemon;
}

function releaseNamed(release: string): ReleaseLaunch {
  const directory = join(home, "releases", release);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "server.mjs"), server);
  return {
    release,
    service: "hello",
    directory,
    command: `${process.execPath} server.mjs`,
    healthPath: "/health",
    healthTimeoutMs: 20_000,
    env: { SHOPFLOOR_RELEASE: release },
  };
}

describe("the host daemon as a real process", () => {
  it("serves a release behind its stable address until `shopfloor host --stop`", async () => {
    const daemon = await startDaemon();
    const hosted = await client.launch(releaseNamed("hello-r1"));
    expect(hosted.state).toBe("running");
    const service = await client.route("hello", [{ release: "hello-r1", share: 1 }]);

    const response = await fetch(`${service.address}/greeting`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ release: "hello-r1", path: "/greeting" });
    const status = await client.status();
    expect(status.pid).toBe(daemon.pid);
    expect(status.releases[0]?.traffic.requests).toBeGreaterThanOrEqual(1);

    const shown = await runShopfloor(["host", "--status", "--home", home], repositoryRoot);
    expect(shown.exitCode, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^hello\s+http:\/\/127\.0\.0\.1:\d+\s+hello-r1 100%$/m);

    const stopped = await runShopfloor(["host", "--stop", "--home", home], repositoryRoot);
    expect(stopped.exitCode, stopped.stderr).toBe(0);
    expect(stopped.stdout).toBe(`stopped the host (pid ${daemon.pid}) and its releases\n`);
    const exit = await daemon.exited;
    expect(exit.exitCode, exit.stderr).toBe(0);
    expect(isGroupAlive(daemon.pid)).toBe(false);
    expect(processesUnder(home)).toEqual([]);
    expect(existsSync(hostPaths(home).socket)).toBe(false);
    await expect(fetch(`${service.address}/greeting`)).rejects.toThrow();

    const again = await runShopfloor(["host", "--stop", "--home", home], repositoryRoot);
    expect(again.stdout).toBe("no host is running\n");
  });

  it("stops its releases and exits cleanly on SIGTERM, and a second daemon is refused", async () => {
    const daemon = await startDaemon();
    const second = await runShopfloor(["host", "--home", home], repositoryRoot);
    expect(second.exitCode).toBe(2);
    expect(second.stderr).toContain(`a release host is already running for ${home}`);

    await client.launch(releaseNamed("hello-r1"));
    const releases = join(home, "releases");
    expect(processesUnder(releases).length).toBeGreaterThan(0);
    process.kill(daemon.pid, "SIGTERM");
    const exit = await daemon.exited;
    expect(exit.exitCode, exit.stderr).toBe(0);
    expect(exit.stdout).toContain("host stopped");
    expect(processesUnder(releases)).toEqual([]);
    expect(existsSync(hostPaths(home).pidFile)).toBe(false);
  });
});
