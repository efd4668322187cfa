import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecordingReleaseHost } from "../../../../test/support/deploy/recording-release-host.js";
import { hostPaths } from "./host-paths.js";
import { ReleaseHostClient } from "./release-host-client.js";
import { runHostDaemon } from "./run-host-daemon.js";

let home: string;
const daemons: Array<{ stop: AbortController; done: Promise<void> }> = [];
const clients: ReleaseHostClient[] = [];

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-daemon-"));
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  const stopping = daemons.splice(0);
  for (const daemon of stopping) daemon.stop.abort();
  await Promise.allSettled(stopping.map((daemon) => daemon.done));
  rmSync(home, { recursive: true, force: true });
});

/** Starts a daemon in this process; resolves once it listens. */
async function startDaemon(host: RecordingReleaseHost, pid = 1234, homeCheckMs?: number) {
  const stop = new AbortController();
  let listening = () => {};
  const ready = new Promise<void>((resolve) => {
    listening = resolve;
  });
  const done = runHostDaemon({
    home,
    host,
    signal: stop.signal,
    pid,
    onListening: listening,
    ...(homeCheckMs === undefined ? {} : { homeCheckMs }),
  });
  daemons.push({ stop, done });
  await Promise.race([ready, done]);
  const client = new ReleaseHostClient({ socketPath: hostPaths(home).socket });
  clients.push(client);
  return { stop, done, client };
}

describe("runHostDaemon", () => {
  it("serves the host on <home>/host/control.sock, private to the user, with its pid file", async () => {
    const host = new RecordingReleaseHost({ pid: 99 });
    const { client } = await startDaemon(host, 4321);
    const paths = hostPaths(home);
    expect((await client.status()).pid).toBe(99);
    expect(readFileSync(paths.pidFile, "utf8")).toBe("4321\n");
    expect(statSync(paths.folder).mode & 0o777).toBe(0o700);
    expect(statSync(paths.socket).mode & 0o777).toBe(0o600);
  });

  it("shuts down on POST /shutdown: closes the host and removes the socket and pid file", async () => {
    const host = new RecordingReleaseHost();
    const { client, done } = await startDaemon(host);
    await client.shutdown();
    await done;
    expect(host.closed).toBe(true);
    expect(existsSync(hostPaths(home).socket)).toBe(false);
    expect(existsSync(hostPaths(home).pidFile)).toBe(false);
    expect(await client.statusIfRunning()).toBeUndefined();
  });

  it("shuts down when its signal is aborted", async () => {
    const host = new RecordingReleaseHost();
    const { stop, done } = await startDaemon(host);
    stop.abort();
    await done;
    expect(host.closed).toBe(true);
    expect(existsSync(hostPaths(home).socket)).toBe(false);
  });

  it("shuts down when its home is deleted: nobody could reach or stop it any more", async () => {
    const host = new RecordingReleaseHost();
    const { done } = await startDaemon(host, 1234, 10);
    rmSync(home, { recursive: true, force: true });
    await done;
    expect(host.closed).toBe(true);
  });

  it("refuses to start while another daemon answers on the socket, and leaves it running", async () => {
    const first = await startDaemon(new RecordingReleaseHost({ pid: 555 }));
    const second = new RecordingReleaseHost();
    const refused = await runHostDaemon({ home, host: second }).catch((error: unknown) => error);
    expect((refused as Error).message).toContain(
      `a release host is already running for ${home} (pid 555)`,
    );
    expect((refused as Error).message).toContain("shopfloor host --stop");
    expect(second.closed).toBe(true);
    expect((await first.client.status()).pid).toBe(555);
    expect(readFileSync(hostPaths(home).pidFile, "utf8")).toBe("1234\n");
  });

  it("replaces a socket left over by a daemon that did not clean up", async () => {
    const paths = hostPaths(home);
    mkdirSync(paths.folder, { recursive: true });
    writeFileSync(paths.socket, "");
    const { client } = await startDaemon(new RecordingReleaseHost({ pid: 77 }));
    expect((await client.status()).pid).toBe(77);
  });
});
