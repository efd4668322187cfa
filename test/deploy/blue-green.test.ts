/**
 * The local release host with real sandboxed processes behind its reverse proxy, while a client hammers
 * the stable address: a blue/green switch (and an instant rollback) fails no request, a release that fails
 * its health check never takes traffic, and a crashed release is brought back.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { InProcessReleaseHost } from "../../src/deploy/local/in-process-release-host.js";
import { BubblewrapSandbox } from "../../src/runners/sandbox/bubblewrap-sandbox.js";
import { describeWithBubblewrap } from "../support/describe-with-bubblewrap.js";
import { Hammer } from "./support/hammer.js";
import { ReleaseStateLog, realClock, serverLaunch } from "./support/release-host-fixture.js";
import { type ReleaseFolder, writeReleaseServer } from "./support/release-server.js";

const timeoutMs = 60_000;
/** Answers to see in each step, so that every step happens under load. */
const answersPerStep = 100;

describeWithBubblewrap("blue/green on the local release host", () => {
  let folder: ReleaseFolder;
  let host: InProcessReleaseHost;
  let states: ReleaseStateLog;
  let hammer: Hammer | undefined;
  beforeAll(async () => {
    folder = await writeReleaseServer();
  });
  afterAll(() => folder.remove());
  afterEach(async () => {
    await hammer?.stop();
    hammer = undefined;
    await host.close();
  });

  async function liveRelease(release: string) {
    states = new ReleaseStateLog();
    host = new InProcessReleaseHost({
      sandbox: new BubblewrapSandbox(),
      ...realClock,
      restartBackoffMs: [50],
      onReleaseState: states.record,
    });
    await host.launch(serverLaunch(folder.directory, release));
    const service = await host.route("shop", [{ release, share: 1 }]);
    hammer = new Hammer(`${service.address}/version`);
    await hammer.answered(answersPerStep);
    return hammer;
  }

  /**
   * Runs one step under load. Requests sent while it runs are stamped `phase - 0.5` (they may go either
   * way); the ones sent after it returned, `phase`.
   */
  async function step(phase: number, action: () => Promise<unknown>): Promise<void> {
    if (hammer === undefined) throw new Error("no client runs");
    hammer.phase = phase - 0.5;
    await action();
    hammer.phase = phase;
    await hammer.answered(answersPerStep);
  }

  const all = (release: string) => [{ release, share: 1 }];

  it(
    "a blue/green switch fails no request",
    async () => {
      const client = await liveRelease("shop-r1");
      await step(1, () => host.launch(serverLaunch(folder.directory, "shop-r2")));
      await step(2, () => host.route("shop", all("shop-r2")));
      await step(3, () => host.route("shop", all("shop-r1")));
      await step(4, () => host.route("shop", all("shop-r2")));
      await step(5, () => host.stop("shop-r1"));
      const answers = await client.stop();

      expect(client.failures()).toEqual([]);
      /** Who answered the requests sent and answered within these phases (between two steps). */
      const answeredBy = (phases: number[]) =>
        new Set(
          answers
            .filter((answer) => phases.includes(answer.phase) && answer.answeredIn === answer.phase)
            .map((answer) => answer.release),
        );
      expect(new Set(answers.map((answer) => answer.release))).toEqual(
        new Set(["shop-r1", "shop-r2"]),
      );
      // Between two switches: the release switched to, and only it.
      expect(answeredBy([0, 1, 3])).toEqual(new Set(["shop-r1"]));
      expect(answeredBy([2, 4, 5])).toEqual(new Set(["shop-r2"]));
      const afterFinalSwitch = answers.filter((answer) => answer.phase >= 4);
      expect(afterFinalSwitch.length).toBeGreaterThanOrEqual(2 * answersPerStep);
      expect(new Set(afterFinalSwitch.map((answer) => answer.release))).toEqual(
        new Set(["shop-r2"]),
      );
      const status = await host.status();
      expect(status.releases.map(({ release, state, share }) => [release, state, share])).toEqual([
        ["shop-r1", "stopped", 0],
        ["shop-r2", "running", 1],
      ]);
      expect(status.releases[1]?.traffic.errors).toBe(0);
    },
    timeoutMs,
  );

  it(
    "a release that fails its health check never takes traffic",
    async () => {
      const client = await liveRelease("shop-r1");
      const before = await host.status();
      const failing = serverLaunch(folder.directory, "shop-r2", { FAIL_HEALTH: "1" });
      await expect(host.launch({ ...failing, healthTimeoutMs: 2_000 })).rejects.toThrow(
        /shop-r2.*did not answer \/health within 2000 ms.*shop-r2: health check fails on purpose/s,
      );
      const exiting = serverLaunch(folder.directory, "shop-r3", { EXIT_AT_START: "1" });
      await expect(host.launch(exiting)).rejects.toThrow(
        /shop-r3.*exited before it was ready.*shop-r3: cannot open the database/s,
      );
      client.phase = 1;
      await client.answered(answersPerStep);
      const answers = await client.stop();

      expect(client.failures()).toEqual([]);
      expect(new Set(answers.map((answer) => answer.release))).toEqual(new Set(["shop-r1"]));
      const after = await host.status();
      expect(after.services).toEqual(before.services);
      expect(after.releases.map(({ release, state, share }) => [release, state, share])).toEqual([
        ["shop-r1", "running", 1],
        ["shop-r2", "stopped", 0],
        ["shop-r3", "stopped", 0],
      ]);
      expect(after.releases[1]?.recentOutput).toContain("shop-r2: health check fails on purpose");
      expect(after.releases[2]?.traffic.requests).toBe(0);
    },
    timeoutMs,
  );

  it(
    "a release killed under load is restarted and served again",
    async () => {
      const client = await liveRelease("shop-r1");
      const restarted = states.next("shop-r1", "running");
      const service = (await host.status()).services[0];
      await fetch(`${service?.address}/crash`).catch(() => undefined);
      await restarted;
      client.phase = 1;
      await client.answered(answersPerStep);
      const answers = await client.stop();

      const [release] = (await host.status()).releases;
      expect(release).toMatchObject({ state: "running", restarts: 1 });
      expect(release?.recentOutput).toContain(`shop-r1 listening on ${portOf(release)}`);
      expect(states.statesOf("shop-r1")).toEqual(["running", "restarting", "running"]);
      // While it was down the proxy said so; once it was back, every request succeeded.
      const afterRestart = answers.filter((answer) => answer.phase === 1);
      expect(afterRestart.every((answer) => answer.release === "shop-r1")).toBe(true);
    },
    timeoutMs,
  );
});

function portOf(release: { endpoint: { baseUrl: string } } | undefined): string {
  return new URL(release?.endpoint.baseUrl ?? "http://x").port;
}
