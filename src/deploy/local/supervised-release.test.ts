import { Agent as HttpAgent } from "node:http";
import { request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ReleaseStateLog,
  realClock,
  serverLaunch,
} from "../../../test/deploy/support/release-host-fixture.js";
import {
  type ReleaseFolder,
  writeReleaseServer,
} from "../../../test/deploy/support/release-server.js";
import { DirectSandbox } from "../../../test/support/direct-sandbox.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import { DeployError } from "../deploy-error.js";
import type { HostedReleaseState, ReleaseLaunch } from "./release-host.js";
import {
  answerStatus,
  backoffAfter,
  defaultRestartBackoffMs,
  SupervisedRelease,
  type SupervisionOptions,
} from "./supervised-release.js";

describe("backoffAfter", () => {
  it("waits longer after each crash close to the last, and repeats the last wait", () => {
    const waits = [1, 2, 3, 4, 5, 9].map((crashes) =>
      backoffAfter(crashes, defaultRestartBackoffMs),
    );
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
    expect(backoffAfter(1, [])).toBe(0);
  });
});

describe("SupervisedRelease", () => {
  let folder: ReleaseFolder;
  const started: SupervisedRelease[] = [];
  beforeAll(async () => {
    folder = await writeReleaseServer();
  });
  afterAll(() => folder.remove());
  afterEach(async () => {
    await Promise.all(started.splice(0).map((release) => release.stop()));
  });

  function supervise(
    release: string,
    env: Record<string, string> = {},
    options: Partial<SupervisionOptions> = {},
    launch: Partial<ReleaseLaunch> = {},
  ) {
    const states = new ReleaseStateLog();
    const launched = { ...serverLaunch(folder.directory, release, env), ...launch };
    const supervised = new SupervisedRelease(launched, {
      sandbox: new NoSandbox(),
      ...realClock,
      restartBackoffMs: [1],
      onStateChange: (state) => states.record(release, state),
      ...options,
    });
    started.push(supervised);
    return { supervised, states };
  }

  async function version(supervised: SupervisedRelease): Promise<string> {
    const upstream = supervised.upstream;
    if (upstream === undefined) throw new Error("the release does not run");
    const response = await request(new URL("/version", upstream.target.baseUrl));
    return ((await response.body.json()) as { release: string }).release;
  }

  /** Asks the release to kill itself, and waits until the supervisor brought it back (or gave up). */
  async function crash(
    supervised: SupervisedRelease,
    states: ReleaseStateLog,
    then: HostedReleaseState = "running",
  ) {
    const settled = states.next(supervised.launch.release, then);
    const baseUrl = supervised.upstream?.target.baseUrl ?? "";
    await request(new URL("/crash", baseUrl)).catch(() => undefined);
    await settled;
  }

  it("runs once its health path answers 2xx, and stops for good on stop()", async () => {
    const { supervised, states } = supervise("shop-r1");
    await supervised.start();
    expect(supervised.state).toBe("running");
    expect(await version(supervised)).toBe("shop-r1");
    const { baseUrl } = supervised.snapshot(0).endpoint;

    await supervised.stop();
    await supervised.stop();
    expect(supervised.state).toBe("stopped");
    expect(supervised.upstream).toBeUndefined();
    expect(await answerStatus({ baseUrl }, "/health", new HttpAgent())).toBeUndefined();
    expect(states.statesOf("shop-r1")).toEqual(["running", "stopped"]);
    expect(supervised.snapshot(0).recentOutput).toContain(
      `shop-r1 listening on ${portOf(baseUrl)}`,
    );
  });

  it("asks the sandbox for the release's command, folder, environment, read-only paths and a long CPU limit", async () => {
    const sandbox = new DirectSandbox();
    const { supervised } = supervise(
      "shop-r0",
      { GREETING: "hi" },
      {
        sandbox,
        readOnlyPaths: ["/usr/lib"],
      },
    );
    await supervised.start();
    expect(await version(supervised)).toBe("shop-r0");
    const [prepared] = sandbox.requests;
    expect(prepared).toMatchObject({
      argv: ["sh", "-c", "node server.mjs"],
      workDirectory: folder.directory,
      readOnlyPaths: ["/usr/lib"],
      limits: { cpuSeconds: 7 * 24 * 60 * 60 },
      env: { RELEASE_NAME: "shop-r0", GREETING: "hi", HOST: "127.0.0.1" },
    });
    expect(prepared?.exposePort).toBe(Number(portOf(supervised.snapshot(0).endpoint.baseUrl)));
  });

  it("does not start when its health path answers 500: a DeployError with its last output", async () => {
    const { supervised } = supervise(
      "shop-r2",
      { FAIL_HEALTH: "1" },
      {},
      { healthTimeoutMs: 1_500 },
    );
    const error = await supervised.start().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as DeployError).release).toBe("shop-r2");
    expect((error as Error).message).toMatch(/did not answer \/health within 1500 ms/);
    expect((error as Error).message).toContain("shop-r2: health check fails on purpose");
    expect(supervised.state).toBe("stopped");
    expect(supervised.snapshot(0).recentOutput).toContain("shop-r2: health check fails on purpose");
  });

  it("does not start when its health path answers outside 2xx (a 404 counts as ready for a runner, not here)", async () => {
    const launch = { healthPath: "/missing", healthTimeoutMs: 500 };
    const { supervised } = supervise("shop-r3", {}, {}, launch);
    await expect(supervised.start()).rejects.toThrow(
      /shop-r3's health path \/missing answered 404, not 2xx, within 500 ms; its last output:\n {2}shop-r3 listening/,
    );
    expect(supervised.state).toBe("stopped");
  });

  it("does not start when it exits at once, and says how it exited", async () => {
    const { supervised } = supervise("shop-r4", { EXIT_AT_START: "1" });
    await expect(supervised.start()).rejects.toThrow(
      /exited before it was ready \(exit code 3\).*cannot open the database/s,
    );
  });

  it("turns a sandbox that cannot run it into a DeployError too", async () => {
    const { supervised } = supervise("shop-r9", {}, {}, { directory: "/no/such/release" });
    const error = await supervised.start().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as Error).message).toMatch(/^release shop-r9: .*\/no\/such\/release/);
    expect(supervised.state).toBe("stopped");
  });

  it("is started again after a crash, on an endpoint the proxy can follow", async () => {
    const { supervised, states } = supervise("shop-r5");
    await supervised.start();
    await crash(supervised, states);
    expect(supervised.snapshot(0)).toMatchObject({ state: "running", restarts: 1 });
    expect(await version(supervised)).toBe("shop-r5");
    expect(states.statesOf("shop-r5")).toEqual(["running", "restarting", "running"]);
  });

  it("gives up after five crashes within a minute, and stays stopped", async () => {
    const { supervised, states } = supervise("shop-r6");
    await supervised.start();
    for (let crashCount = 1; crashCount <= 4; crashCount += 1) await crash(supervised, states);
    await crash(supervised, states, "stopped");
    expect(supervised.snapshot(0)).toMatchObject({ state: "stopped", restarts: 4 });
    expect(supervised.upstream).toBeUndefined();
    expect(supervised.snapshot(0).recentOutput).toContain("shop-r6: crashing on request");
  });

  it("keeps restarting a release whose crashes are more than a minute apart", async () => {
    let offsetMs = 0;
    const { supervised, states } = supervise(
      "shop-r7",
      {},
      {
        now: () => realClock.now() + offsetMs,
      },
    );
    await supervised.start();
    for (let crashCount = 1; crashCount <= 6; crashCount += 1) {
      offsetMs += 61_000;
      await crash(supervised, states);
    }
    expect(supervised.snapshot(0)).toMatchObject({ state: "running", restarts: 6 });
  });

  it("stops without waiting for a long backoff", async () => {
    const { supervised, states } = supervise("shop-r8", {}, { restartBackoffMs: [60_000] });
    await supervised.start();
    await crash(supervised, states, "restarting");
    // Within the test's timeout: far less than the minute the backoff would take.
    await supervised.stop();
    expect(supervised.state).toBe("stopped");
    expect(supervised.snapshot(0).restarts).toBe(0);
  });
});

function portOf(baseUrl: string): string {
  return new URL(baseUrl).port;
}
