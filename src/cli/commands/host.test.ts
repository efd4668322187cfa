import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecordingReleaseHost } from "../../../test/support/deploy/recording-release-host.js";
import { recordingIo } from "../../../test/support/memory-io.js";
import { ShopfloorError } from "../../contracts/index.js";
import { hostPaths } from "../../deploy/local/host-daemon/host-paths.js";
import { ReleaseHostClient } from "../../deploy/local/host-daemon/release-host-client.js";
import { runHostDaemon } from "../../deploy/local/host-daemon/run-host-daemon.js";
import type { HostStatus } from "../../deploy/local/release-host.js";
import { BubblewrapSandbox } from "../../runners/sandbox/bubblewrap-sandbox.js";
import type { CommandContext } from "../command-context.js";
import { exitCodes } from "../exit-codes.js";
import {
  chooseHostSandbox,
  type HostControl,
  type HostDependencies,
  hostCommand,
  renderHostStatus,
} from "./host.js";

let home: string;
let stopForeground: AbortController;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-host-cli-"));
  stopForeground = new AbortController();
});
afterEach(() => {
  stopForeground.abort();
  rmSync(home, { recursive: true, force: true });
});

interface HostRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function runHost(argv: readonly string[], dependencies: HostDependencies): Promise<HostRun> {
  const { io, printed } = recordingIo();
  const context: CommandContext = { io, exitCode: exitCodes.success };
  const program = new Command("shopfloor").addCommand(hostCommand(context, dependencies));
  for (const command of [program, ...program.commands]) {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  }
  try {
    await program.parseAsync(["host", ...argv], { from: "user" });
    return { exitCode: context.exitCode, ...printed() };
  } catch (error) {
    const { stdout, stderr } = printed();
    if (error instanceof CommanderError) {
      return { exitCode: error.exitCode === 0 ? 0 : exitCodes.usage, stdout, stderr };
    }
    if (error instanceof ShopfloorError) {
      return { exitCode: exitCodes.usage, stdout, stderr: `${stderr}error: ${error.message}\n` };
    }
    throw error;
  }
}

/**
 * The command's world in this process: the daemon serves a recording host, "SIGTERM" is an abort
 * controller, the daemon's pid is alive until its daemon has shut down, and a sleep waits for that
 * (the clock moves by the time slept).
 */
function inProcessWorld(host = new RecordingReleaseHost({ pid: 4242 })) {
  let listening = () => {};
  const ready = new Promise<void>((resolve) => {
    listening = resolve;
  });
  let foregroundDone = false;
  let daemonStopped = () => {};
  const stopped = new Promise<void>((resolve) => {
    daemonStopped = resolve;
  });
  let time = 1_000_000;
  const dependencies: HostDependencies = {
    createHost: async (log) => {
      log("warning: the releases run without a sandbox");
      return host;
    },
    runDaemon: async (options) => {
      await runHostDaemon({
        ...options,
        onListening: (paths) => {
          options.onListening?.(paths);
          listening();
        },
      }).finally(() => {
        foregroundDone = true;
        daemonStopped();
      });
    },
    control: (socketPath) => new ReleaseHostClient({ socketPath }),
    interrupt: () => ({ signal: stopForeground.signal, dispose: () => {} }),
    isProcessAlive: (pid) => pid === 4242 && !foregroundDone,
    now: () => time,
    sleep: async (milliseconds) => {
      time += milliseconds;
      await stopped;
    },
  };
  return { host, dependencies, ready };
}

async function hostWithTraffic(host: RecordingReleaseHost): Promise<void> {
  const launch = {
    service: "todo-api",
    directory: "/factory/releases",
    command: "npm start",
    healthPath: "/health",
    healthTimeoutMs: 1_000,
    env: {},
  };
  await host.launch({ ...launch, release: "todo-api-r1" });
  await host.launch({ ...launch, release: "todo-api-r2" });
  await host.route("todo-api", [
    { release: "todo-api-r1", share: 0.9 },
    { release: "todo-api-r2", share: 0.1 },
  ]);
  const live = host.releases.get("todo-api-r1");
  if (live !== undefined) live.traffic = { requests: 120, errors: 3, recentLatenciesMs: [] };
}

describe("shopfloor host", () => {
  it("runs the daemon in the foreground; --status shows it and --stop stops it", async () => {
    const { host, dependencies, ready } = inProcessWorld();
    const foreground = runHost(["--home", home], dependencies);
    await ready;
    await hostWithTraffic(host);

    const status = await runHost(["--status", "--home", home], dependencies);
    expect(status.exitCode, status.stderr).toBe(0);
    expect(status.stdout).toContain(`Host pid 4242, control socket ${hostPaths(home).socket}`);
    expect(status.stdout).toMatch(
      /^todo-api\s+http:\/\/127\.0\.0\.1:41000\s+todo-api-r1 90\.0%, todo-api-r2 10\.0%$/m,
    );
    expect(status.stdout).toMatch(/^todo-api-r1\s+todo-api\s+running\s+0\s+90\.0%\s+120\s+3$/m);

    const json = await runHost(["--status", "--json", "--home", home], dependencies);
    const parsed = JSON.parse(json.stdout) as { running: boolean } & HostStatus;
    expect(parsed.running).toBe(true);
    expect(parsed.services[0]?.port).toBe(41_000);

    const stop = await runHost(["--stop", "--home", home], dependencies);
    expect(stop.exitCode, stop.stderr).toBe(0);
    expect(stop.stdout).toBe("stopped the host (pid 4242) and its releases\n");
    const ran = await foreground;
    expect(ran.exitCode, ran.stderr).toBe(0);
    expect(ran.stdout).toContain("warning: the releases run without a sandbox");
    expect(ran.stdout).toContain(`host for ${home} listening on ${hostPaths(home).socket}`);
    expect(ran.stdout).toMatch(/Z host stopped\n$/);
    expect(host.closed).toBe(true);
    expect(existsSync(hostPaths(home).socket)).toBe(false);
  });

  it("stops the foreground daemon cleanly on SIGTERM", async () => {
    const { host, dependencies, ready } = inProcessWorld();
    const foreground = runHost(["--home", home], dependencies);
    await ready;
    stopForeground.abort();
    expect((await foreground).exitCode).toBe(0);
    expect(host.closed).toBe(true);
    expect(existsSync(hostPaths(home).pidFile)).toBe(false);
  });

  it("says no host is running for --status and --stop, and succeeds", async () => {
    const { dependencies } = inProcessWorld();
    for (const flag of ["--status", "--stop"]) {
      const run = await runHost([flag, "--home", home], dependencies);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toBe("no host is running\n");
      const json = await runHost([flag, "--json", "--home", home], dependencies);
      expect(JSON.parse(json.stdout)).toEqual({ running: false });
    }
  });

  it("fails when the daemon does not exit after --stop", async () => {
    const shutdowns: number[] = [];
    const control: HostControl = {
      statusIfRunning: async () => ({ pid: 31, services: [], releases: [] }),
      shutdown: async () => {
        shutdowns.push(1);
      },
      close: async () => {},
    };
    const { dependencies } = inProcessWorld();
    let clock = 0;
    const run = await runHost(["--stop", "--home", home], {
      ...dependencies,
      control: () => control,
      isProcessAlive: () => true,
      sleep: async (milliseconds) => {
        clock += milliseconds;
      },
      now: () => clock,
    });
    expect(run.exitCode).toBe(exitCodes.usage);
    expect(run.stderr).toContain("the host (pid 31) did not exit within 60 s");
    expect(shutdowns).toEqual([1]);
  });

  it("refuses --stop with --status, and explains itself in --help", async () => {
    const { dependencies } = inProcessWorld();
    const both = await runHost(["--stop", "--status", "--home", home], dependencies);
    expect(both.exitCode).toBe(exitCodes.usage);
    expect(both.stderr).toContain("give --stop or --status, not both");
    const help = await runHost(["--help"], dependencies);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("shopfloor host --home ~/factory");
    expect(help.stdout).toContain("shopfloor host --stop");
  });
});

describe("the host's sandbox and status", () => {
  it("uses bubblewrap when it works, else no sandbox with a warning", async () => {
    const working = await chooseHostSandbox(async () => undefined);
    expect(working.sandbox).toBeInstanceOf(BubblewrapSandbox);
    expect(working.warning).toBeUndefined();
    const missing = await chooseHostSandbox(async () => "/usr/bin/bwrap was not found");
    expect(missing.sandbox.isolating).toBe(false);
    expect(missing.warning).toBe(
      "the releases run without a sandbox, with your full rights: /usr/bin/bwrap was not found",
    );
  });

  it("says when no service has an address and no release runs", () => {
    expect(renderHostStatus({ pid: 7, services: [], releases: [] }, "/h/control.sock")).toBe(
      "Host pid 7, control socket /h/control.sock\n\nNo service has an address yet.\n\nNo release runs.\n",
    );
  });
});
