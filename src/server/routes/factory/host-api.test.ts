/**
 * The release host daemon's status through the API, as `shopfloor host --status` shows it: "not
 * running" (and asking starts none), then a real daemon on the home's control socket (serving a host
 * that records its calls) with a service and a release.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import { RecordingReleaseHost } from "../../../../test/support/deploy/recording-release-host.js";
import { hostPaths } from "../../../deploy/local/host-daemon/host-paths.js";
import { runHostDaemon } from "../../../deploy/local/host-daemon/run-host-daemon.js";
import { hostRoute } from "./factory-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const hostSchema = answerSchema(hostRoute, 200);

let harness: ConsoleHarness;
let daemon: { stop: AbortController; done: Promise<void> } | undefined;

beforeAll(async () => {
  harness = await consoleHarness();
});
afterAll(async () => {
  daemon?.stop.abort();
  await daemon?.done;
  await harness?.remove();
});

const readHost = () => harness.request("GET", "/api/host", { token: harness.tokens.reader });

async function startDaemon(host: RecordingReleaseHost): Promise<void> {
  const stop = new AbortController();
  let listening = () => {};
  const ready = new Promise<void>((resolve) => {
    listening = resolve;
  });
  const done = runHostDaemon({
    home: harness.home,
    host,
    signal: stop.signal,
    onListening: listening,
  });
  daemon = { stop, done };
  await Promise.race([ready, done]);
}

describe("GET /api/host", () => {
  it("says no host runs, and starts none", async () => {
    const paths = hostPaths(harness.home);

    const answer = await parsedAnswer(await readHost(), 200, hostSchema);

    expect(answer).toEqual({
      running: false,
      socket: paths.socket,
      logFile: paths.logFile,
      services: [],
      releases: [],
    });
    expect(existsSync(paths.pidFile)).toBe(false);
  });

  it("shows the running host's services and releases", async () => {
    const host = new RecordingReleaseHost({ pid: 4321 });
    await startDaemon(host);
    await host.launch({
      release: "todo-api-r1",
      service: "todo-api",
      directory: harness.home,
      command: "node server.mjs",
      healthPath: "/",
      healthTimeoutMs: 1000,
      env: {},
    });
    await host.route("todo-api", [{ release: "todo-api-r1", share: 1 }], 41_234);

    const answer = await parsedAnswer(await readHost(), 200, hostSchema);

    expect(answer).toMatchObject({
      running: true,
      pid: 4321,
      socket: hostPaths(harness.home).socket,
      services: [
        {
          service: "todo-api",
          address: "http://127.0.0.1:41234",
          shares: [{ release: "todo-api-r1", share: 1 }],
        },
      ],
      releases: [{ release: "todo-api-r1", service: "todo-api", state: "running", share: 1 }],
    });
  });

  it("needs a token", async () => {
    await expectError(await harness.request("GET", "/api/host", { token: null }), 401);
  });
});
