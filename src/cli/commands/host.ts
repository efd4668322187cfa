/**
 * `shopfloor host`: the release host daemon of a factory home, which runs the local target's releases so
 * that they outlive the commands that deploy them. With no flag it runs the daemon in the foreground (what
 * `shopfloor run` starts in the background, and what a user puts under systemd): releases sandboxed with
 * bubblewrap when it works here, else unsandboxed with a warning in its log; SIGTERM or Ctrl-C stops it
 * and its releases. `--status` shows its services and releases, `--stop` shuts it down.
 */
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { Command } from "commander";
import { ShopfloorError } from "../../contracts/index.js";
import { type HostPaths, hostPaths } from "../../deploy/local/host-daemon/host-paths.js";
import { ReleaseHostClient } from "../../deploy/local/host-daemon/release-host-client.js";
import {
  type HostDaemonOptions,
  runHostDaemon,
} from "../../deploy/local/host-daemon/run-host-daemon.js";
import type { HostStatus, ReleaseHost } from "../../deploy/local/release-host.js";
import { percent } from "../../gate/percent.js";
import { BubblewrapSandbox } from "../../runners/sandbox/bubblewrap-sandbox.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import {
  type BubblewrapProbe,
  probeBubblewrapOnce,
} from "../../runners/sandbox/probe-bubblewrap.js";
import type { Sandbox } from "../../runners/sandbox/sandbox.js";
import { type CommandContext, printJson } from "../command-context.js";
import { factoryHome } from "../factory-home.js";
import { lineHomeHelp } from "../line-session.js";
import { packageRoot } from "../package-root.js";
import { textTable } from "../text-table.js";
import { type Interrupt, interruptOn } from "./run/interrupt.js";

interface HostOptions {
  home?: string;
  stop?: boolean;
  status?: boolean;
  json?: boolean;
}

/** What a client of the daemon must do for `--status` and `--stop`. */
export interface HostControl {
  statusIfRunning(): Promise<HostStatus | undefined>;
  shutdown(): Promise<void>;
  close(): Promise<void>;
}

export interface HostDependencies {
  /** The host the daemon serves; `log` writes a line to the daemon's output (its log file). */
  createHost(log: (line: string) => void): Promise<ReleaseHost>;
  runDaemon(options: HostDaemonOptions): Promise<void>;
  control(socketPath: string): HostControl;
  /** SIGTERM and SIGINT, as an abort signal. */
  interrupt(): Interrupt;
  isProcessAlive(pid: number): boolean;
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

export const defaultHostDependencies: HostDependencies = {
  createHost: (log) => createInProcessHost(log, probeBubblewrapOnce),
  runDaemon: runHostDaemon,
  control: (socketPath) => new ReleaseHostClient({ socketPath }),
  interrupt: () => interruptOn(process),
  isProcessAlive,
  now: () => Date.now(),
  sleep: (milliseconds) => delay(milliseconds),
};

/** How long `--stop` waits for the daemon to stop its releases and exit. */
export const stopTimeoutMs = 60_000;
const stopPollMs = 100;

/** shopfloor's bin, which `spawnHostDaemon` runs as `shopfloor host --home HOME`. */
export function shopfloorBinPath(): string {
  return join(packageRoot(), "bin", "shopfloor.js");
}

export function hostCommand(
  context: CommandContext,
  dependencies: HostDependencies = defaultHostDependencies,
): Command {
  return new Command("host")
    .description("the release host daemon: runs the deployed releases of a factory home")
    .option("--home <dir>", lineHomeHelp)
    .option("--status", "show the running host's services and releases")
    .option("--stop", "ask the running host to stop its releases and exit, and wait until it has")
    .option("--json", "with --status or --stop: print one JSON object")
    .addHelpText(
      "after",
      `
With no flag the host runs in the foreground until SIGTERM or Ctrl-C, which stop its releases. shopfloor
starts it in the background when it deploys (output in <home>/host/host.log); run it yourself to keep it
under a service manager. It listens on the unix socket <home>/host/control.sock, for this user only.

Examples:
  shopfloor host --home ~/factory              # in the foreground (e.g. ExecStart= of a systemd unit)
  shopfloor host --status                      # services, their stable address and releases
  shopfloor host --stop                        # stop the releases and the host`,
    )
    .action(async (options: HostOptions) => {
      if (options.stop && options.status) {
        throw new ShopfloorError("invalid-argument", "give --stop or --status, not both");
      }
      const home = factoryHome(context.io, options.home);
      const paths = hostPaths(home);
      if (options.status) await showStatus(context, paths, options, dependencies);
      else if (options.stop) await stopHost(context, paths, options, dependencies);
      else await runInForeground(context, home, dependencies);
    });
}

async function runInForeground(
  context: CommandContext,
  home: string,
  dependencies: HostDependencies,
): Promise<void> {
  const log = (line: string) =>
    context.io.stdout(`${new Date(dependencies.now()).toISOString()} ${line}\n`);
  const interrupt = dependencies.interrupt();
  try {
    const host = await dependencies.createHost(log);
    await dependencies.runDaemon({
      home,
      host,
      signal: interrupt.signal,
      onListening: (paths) =>
        log(`host for ${home} listening on ${paths.socket} (pid ${process.pid})`),
    });
    log("host stopped");
  } finally {
    interrupt.dispose();
  }
}

async function showStatus(
  context: CommandContext,
  paths: HostPaths,
  options: HostOptions,
  dependencies: HostDependencies,
): Promise<void> {
  const control = dependencies.control(paths.socket);
  try {
    const status = await control.statusIfRunning();
    if (options.json) printJson(context, { running: status !== undefined, ...status });
    else if (status === undefined) context.io.stdout("no host is running\n");
    else context.io.stdout(renderHostStatus(status, paths.socket));
  } finally {
    await control.close();
  }
}

async function stopHost(
  context: CommandContext,
  paths: HostPaths,
  options: HostOptions,
  dependencies: HostDependencies,
): Promise<void> {
  const control = dependencies.control(paths.socket);
  let pid: number;
  try {
    const status = await control.statusIfRunning();
    if (status === undefined) {
      if (options.json) printJson(context, { running: false });
      else context.io.stdout("no host is running\n");
      return;
    }
    pid = status.pid;
    await control.shutdown();
  } finally {
    await control.close();
  }
  const deadline = dependencies.now() + stopTimeoutMs;
  while (dependencies.isProcessAlive(pid)) {
    if (dependencies.now() > deadline) {
      throw new ShopfloorError(
        "io-error",
        `the host (pid ${pid}) did not exit within ${stopTimeoutMs / 1000} s; see ${paths.logFile}`,
        { path: paths.logFile },
      );
    }
    await dependencies.sleep(stopPollMs);
  }
  if (options.json) printJson(context, { running: false, stopped: pid });
  else context.io.stdout(`stopped the host (pid ${pid}) and its releases\n`);
}

/** The host's services (stable address, shares) and releases (state, restarts, traffic). */
export function renderHostStatus(status: HostStatus, socket: string): string {
  const lines = [`Host pid ${status.pid}, control socket ${socket}`, ""];
  if (status.services.length === 0) lines.push("No service has an address yet.");
  else {
    const rows = status.services.map((service) => [
      service.service,
      service.address,
      service.shares.length === 0
        ? "none (answers 503)"
        : service.shares.map((share) => `${share.release} ${percent(share.share)}`).join(", "),
    ]);
    lines.push(textTable(["SERVICE", "ADDRESS", "TRAFFIC"], rows, ["left", "left", "left"]));
  }
  lines.push("");
  if (status.releases.length === 0) lines.push("No release runs.");
  else {
    const rows = status.releases.map((release) => [
      release.release,
      release.service,
      release.state,
      String(release.restarts),
      percent(release.share),
      String(release.traffic.requests),
      String(release.traffic.errors),
    ]);
    lines.push(
      textTable(["RELEASE", "SERVICE", "STATE", "RESTARTS", "SHARE", "REQUESTS", "ERRORS"], rows, [
        "left",
        "left",
        "left",
        "right",
        "right",
        "right",
        "right",
      ]),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Bubblewrap when it works here (as the line chooses), else no sandbox and a warning to log. */
export async function chooseHostSandbox(
  probe: BubblewrapProbe,
): Promise<{ sandbox: Sandbox; warning?: string }> {
  const reason = await probe();
  if (reason === undefined) return { sandbox: new BubblewrapSandbox() };
  return {
    sandbox: new NoSandbox(),
    warning: `the releases run without a sandbox, with your full rights: ${reason}`,
  };
}

async function createInProcessHost(
  log: (line: string) => void,
  probe: BubblewrapProbe,
): Promise<ReleaseHost> {
  const { sandbox, warning } = await chooseHostSandbox(probe);
  if (warning !== undefined) log(`warning: ${warning}`);
  const { InProcessReleaseHost } = await import("../../deploy/local/in-process-release-host.js");
  return new InProcessReleaseHost({
    sandbox,
    now: () => Date.now(),
    sleep: (milliseconds) => delay(milliseconds),
    onReleaseState: (release, state) => log(`${release} ${state}`),
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
