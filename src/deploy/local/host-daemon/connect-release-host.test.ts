import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecordingReleaseHost } from "../../../../test/support/deploy/recording-release-host.js";
import { ShopfloorError } from "../../../contracts/errors.js";
import { connectReleaseHost } from "./connect-release-host.js";
import { hostPaths } from "./host-paths.js";
import type { ReleaseHostClient } from "./release-host-client.js";
import { runHostDaemon } from "./run-host-daemon.js";

let home: string;
let daemons: Array<{ stop: AbortController; done: Promise<void> }>;
let clients: ReleaseHostClient[];
/** The daemon started last, until it listens: sleeping waits for it rather than for a clock. */
let starting: Promise<void> | undefined;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-connect-"));
  daemons = [];
  clients = [];
  starting = undefined;
});
afterEach(async () => {
  for (const client of clients) await client.close();
  for (const daemon of daemons) daemon.stop.abort();
  await Promise.allSettled(daemons.map((daemon) => daemon.done));
  rmSync(home, { recursive: true, force: true });
});

/** Starts a daemon in this process, as `shopfloor host` would in its own. */
function startDaemonHere(pid = 2000): Promise<void> {
  const stop = new AbortController();
  let listening = () => {};
  const ready = new Promise<void>((resolve) => {
    listening = resolve;
  });
  const done = runHostDaemon({
    home,
    host: new RecordingReleaseHost({ pid }),
    signal: stop.signal,
    onListening: listening,
  });
  daemons.push({ stop, done });
  starting = ready;
  return ready;
}

/**
 * A clock that moves only when the code under test sleeps; a sleep waits until a daemon being started
 * listens, else yields to the event loop once.
 */
function fakeTime(start = Date.now()) {
  let time = start;
  return {
    now: () => time,
    sleep: async (milliseconds: number) => {
      time += milliseconds;
      await (starting ?? new Promise((resolve) => setImmediate(resolve)));
    },
  };
}

async function connect(startDaemon: () => void, time = fakeTime()) {
  const connection = await connectReleaseHost({ home, startDaemon, ...time, timeoutMs: 2_000 });
  clients.push(connection.host);
  return connection;
}

describe("connectReleaseHost", () => {
  it("uses the daemon that answers, without starting one (not fresh)", async () => {
    await startDaemonHere(101);
    let starts = 0;
    const { host, fresh } = await connect(() => starts++);
    expect(fresh).toBe(false);
    expect(starts).toBe(0);
    expect((await host.status()).pid).toBe(101);
  });

  it("starts a daemon when none answers, waits for it (fresh), and removes its lock", async () => {
    let starts = 0;
    const { host, fresh } = await connect(() => {
      starts++;
      void startDaemonHere(102);
    });
    expect(fresh).toBe(true);
    expect(starts).toBe(1);
    expect((await host.status()).pid).toBe(102);
    expect(existsSync(hostPaths(home).lockFile)).toBe(false);
  });

  it("starts one daemon for two commands connecting at once", async () => {
    let starts = 0;
    const startDaemon = () => {
      starts++;
      void startDaemonHere(103);
    };
    const connections = await Promise.all([connect(startDaemon), connect(startDaemon)]);
    expect(starts).toBe(1);
    expect(connections.map((connection) => connection.fresh).sort()).toEqual([false, true]);
    for (const connection of connections) expect((await connection.host.status()).pid).toBe(103);
  });

  it("waits on a live lock holder's daemon instead of starting another", async () => {
    const paths = hostPaths(home);
    mkdirSync(paths.folder, { recursive: true });
    writeFileSync(paths.lockFile, "999\n");
    let starts = 0;
    const time = fakeTime();
    let sleeps = 0;
    const { fresh } = await connect(() => starts++, {
      now: time.now,
      sleep: async (milliseconds) => {
        // The lock's holder brings its daemon up while this command waits.
        if (++sleeps === 2) await startDaemonHere(104);
        await time.sleep(milliseconds);
      },
    });
    expect(fresh).toBe(false);
    expect(starts).toBe(0);
  });

  it("takes over a lock older than the timeout (its holder died)", async () => {
    const paths = hostPaths(home);
    mkdirSync(paths.folder, { recursive: true });
    writeFileSync(paths.lockFile, "999\n");
    let starts = 0;
    const { fresh } = await connect(
      () => {
        starts++;
        void startDaemonHere(105);
      },
      fakeTime(Date.now() + 60_000),
    );
    expect(fresh).toBe(true);
    expect(starts).toBe(1);
    expect(existsSync(paths.lockFile)).toBe(false);
  });

  it("takes over a lock it has seen unchanged for longer than the timeout, on any clock", async () => {
    const paths = hostPaths(home);
    mkdirSync(paths.folder, { recursive: true });
    writeFileSync(paths.lockFile, "999\n");
    let starts = 0;
    const { fresh } = await connect(() => {
      starts++;
      void startDaemonHere(106);
    }, fakeTime(0));
    expect(fresh).toBe(true);
    expect(starts).toBe(1);
  });

  it("names the log and shows its last lines when the daemon does not come up", async () => {
    const paths = hostPaths(home);
    const error = await connect(() => {
      writeFileSync(paths.logFile, "starting\nerror: cannot listen: EACCES\n");
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ShopfloorError);
    expect((error as ShopfloorError).code).toBe("io-error");
    expect((error as ShopfloorError).message).toContain(
      `did not answer on ${paths.socket} within 2 s; its log ${paths.logFile} ends with:\nstarting\nerror: cannot listen: EACCES`,
    );
    expect(existsSync(paths.lockFile)).toBe(false);
  });
});
