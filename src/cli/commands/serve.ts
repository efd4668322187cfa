/**
 * `shopfloor serve`: the factory manager's console. The HTTP API (src/server) and the dashboard's built
 * files (dist/web) on one address, loopback unless `--host` says otherwise; the line worked in the same
 * process (unless `--no-work`), and with `--monitor` the live releases watched as `shopfloor monitor`
 * does. A home nobody can sign in to gets a manager token, shown once with its sign-in link. Ctrl-C (or
 * SIGTERM) stops accepting, ends the event streams, stops the worker and exits 0.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Command, InvalidArgumentError as InvalidOptionValue } from "commander";
import type { Config } from "../../contracts/config.js";
import type { FactoryLineOptions, MonitorCycleReport } from "../../line/factory-line.js";
import type { IssuedToken } from "../../server/access/access-tokens.js";
import {
  type ConsoleRuntime,
  firstManagerToken,
  openConsoleRuntime,
} from "../../server/runtime/console-runtime.js";
import { type HttpListener, listen } from "../../server/runtime/http-listener.js";
import {
  type MonitorSchedule,
  scheduleMonitorCycles,
} from "../../server/runtime/monitor-schedule.js";
import { consoleUrl, isLoopbackHost, signInLink } from "../../server/runtime/server-address.js";
import { createServerApp } from "../../server/server-app.js";
import type { CliIo } from "../cli-io.js";
import type { CommandContext } from "../command-context.js";
import { factoryHome } from "../factory-home.js";
import {
  defaultLineDependencies,
  type LineDependencies,
  lineConfigHelp,
  lineHomeHelp,
} from "../line-session.js";
import { type FoundConfig, findConfig } from "../load-config.js";
import { breachesOf, renderMonitorCycle } from "../monitor-cycle-text.js";
import { packageRoot, packageVersion } from "../package-root.js";
import { parseSeconds } from "./monitor.js";
import { type Interrupt, interruptOn } from "./run/interrupt.js";

export const defaultServePort = 4317;
const defaultServeHost = "127.0.0.1";

interface ServeOptions {
  port: number;
  host: string;
  home?: string;
  config?: string;
  /** `--no-work` sets it to false. */
  work: boolean;
  monitor?: boolean;
  interval?: number;
}

export interface ServeDependencies extends LineDependencies {
  /** SIGINT and SIGTERM, as an abort signal. */
  interrupt(): Interrupt;
  /** The dashboard's built files. Default: dist/web in shopfloor's package. */
  webRoot(): string;
}

export const defaultServeDependencies: ServeDependencies = {
  ...defaultLineDependencies,
  interrupt: () => interruptOn(process),
  webRoot: () => join(packageRoot(), "dist", "web"),
};

export function serveCommand(
  context: CommandContext,
  dependencies: ServeDependencies = defaultServeDependencies,
): Command {
  return new Command("serve")
    .description(
      "the factory manager's console: the HTTP API and the dashboard, with the line worked in the same process",
    )
    .option(
      "--port <port>",
      "the port to listen on (0 picks a free one)",
      parsePort,
      defaultServePort,
    )
    .option(
      "--host <address>",
      "the address to listen on; anything but loopback sends tokens in clear over HTTP",
      defaultServeHost,
    )
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option("--no-work", "do not work the line here (a `shopfloor run` elsewhere works it)")
    .option("--monitor", "also probe the live releases every interval, as `shopfloor monitor` does")
    .option(
      "--interval <seconds>",
      "with --monitor: seconds between cycles (default: the config's monitor.intervalSeconds)",
      parseSeconds,
    )
    .addHelpText(
      "after",
      `
A factory home without any token gets a "manager" token with every scope; its secret and a sign-in link
are printed once. Otherwise sign in with a token you have, or make a new link with
\`shopfloor token rotate manager\` (the old secret stops working). Ctrl-C stops the server and exits 0.

Examples:
  shopfloor serve
  shopfloor serve --port 8080 --monitor --interval 30
  shopfloor serve --host 0.0.0.0         # reachable from other machines: use a trusted network`,
    )
    .action((options: ServeOptions) => serve(context, options, dependencies));
}

async function serve(
  context: CommandContext,
  options: ServeOptions,
  dependencies: ServeDependencies,
): Promise<void> {
  const { io } = context;
  const found = await findConfig(io, options.config, options.home);
  const home = factoryHome(io, options.home);
  const interrupt = dependencies.interrupt();
  let runtime: ConsoleRuntime | undefined;
  let listener: HttpListener | undefined;
  let monitor: MonitorSchedule | undefined;
  try {
    runtime = await openRuntime(io, home, found, options, dependencies);
    const webRoot = dependencies.webRoot();
    const hasDashboard = existsSync(join(webRoot, "index.html"));
    const app = createServerApp(runtime.services, {
      ...(hasDashboard ? { webRoot } : {}),
      version: packageVersion(),
    });
    listener = await listen(app.fetch, { hostname: options.host, port: options.port });
    const url = consoleUrl(options.host, listener.port);
    const issued = await firstManagerToken(runtime.services.tokens);
    const settingsPath = runtime.services.settings.path;
    printWelcome(io, { home, found, settingsPath, url, issued, hasDashboard, webRoot, options });
    const sandboxWarning = runtime.services.line().sandboxWarning;
    if (options.work && sandboxWarning !== undefined) io.stderr(`note: ${sandboxWarning}\n`);
    if (options.monitor) monitor = startMonitor(io, runtime, options, dependencies);
    io.stdout("Ctrl-C stops the console.\n");
    await aborted(interrupt.signal);
    io.stdout("\nStopping: no new requests; the event streams end, the worker stops.\n");
  } finally {
    await listener?.close();
    await monitor?.stop();
    await runtime?.close();
    interrupt.dispose();
  }
  io.stdout("Stopped.\n");
}

async function openRuntime(
  io: CliIo,
  home: string,
  found: FoundConfig,
  options: ServeOptions,
  dependencies: ServeDependencies,
): Promise<ConsoleRuntime> {
  const lineOptions = (config: Config): FactoryLineOptions => ({
    home,
    config,
    environment: io.environment,
    projectFolder: found.folder,
    now: dependencies.now,
    hostCliPath: join(packageRoot(), "bin", "shopfloor.js"),
  });
  return openConsoleRuntime({
    home,
    found,
    work: options.work,
    now: dependencies.now,
    lineOptions,
    openLine: (config, onEvent) => dependencies.openLine({ ...lineOptions(config), onEvent }),
    onWorkError: (error) =>
      io.stderr(`the line's worker failed: ${messageOf(error)}; it starts again in 5 s\n`),
  });
}

interface Welcome {
  home: string;
  found: FoundConfig;
  /** Where the console writes settings: the config file, or the home's config.yaml it will create. */
  settingsPath: string;
  url: string;
  issued: IssuedToken | undefined;
  hasDashboard: boolean;
  webRoot: string;
  options: ServeOptions;
}

function printWelcome(io: CliIo, welcome: Welcome): void {
  const { options, url, issued } = welcome;
  io.stdout(`Factory home: ${welcome.home}\n`);
  io.stdout(
    welcome.found.path === undefined
      ? `Config: the defaults; settings saved from the console go to ${welcome.settingsPath}\n`
      : `Config: ${welcome.found.path}\n`,
  );
  io.stdout(`Listening on ${url}\n`);
  if (!welcome.hasDashboard) {
    io.stderr(
      `note: the dashboard is not built (no ${join(welcome.webRoot, "index.html")}): run \`npm run build\` in shopfloor's folder; the API is served alone\n`,
    );
  }
  if (!isLoopbackHost(options.host)) {
    io.stderr(
      `warning: listening on ${options.host}, which other machines may reach; tokens travel in clear over plain HTTP: use a trusted network, or a TLS proxy in front\n`,
    );
  }
  if (issued === undefined) {
    io.stdout(
      "Sign in with a token of this factory home; `shopfloor token rotate manager` prints a new sign-in link.\n",
    );
  } else {
    io.stdout(
      [
        `A token was made for this factory home: ${issued.token.name} (${issued.token.scopes.join(", ")}).`,
        "Keep it: it is shown once (`shopfloor token rotate manager` makes a new one).",
        `Token: ${issued.secret}`,
        `Sign in: ${signInLink(url, issued.secret)}`,
        "",
      ].join("\n"),
    );
  }
  io.stdout(
    options.work
      ? "The line is worked in this process.\n"
      : "The line is not worked here (--no-work): `shopfloor run` works what is queued.\n",
  );
}

function startMonitor(
  io: CliIo,
  runtime: ConsoleRuntime,
  options: ServeOptions,
  dependencies: ServeDependencies,
): MonitorSchedule {
  const intervalSeconds =
    options.interval ?? runtime.services.settings.config().monitor.intervalSeconds;
  io.stdout(`Watching the live releases every ${intervalSeconds} s.\n`);
  if (!options.work) {
    io.stdout(
      "The fix items a breach opens stay queued (--no-work): `shopfloor run` works them.\n",
    );
  }
  // A cycle with nothing to watch is said once, not every interval of an idle factory.
  let idleSaid = false;
  return scheduleMonitorCycles({
    intervalMs: intervalSeconds * 1000,
    cycle: () => runtime.services.line().monitorCycle(),
    onReport: (report) => {
      const idle = report.checks.length === 0;
      if (!(idle && idleSaid)) io.stdout(cycleText(report, dependencies.timeZone));
      idleSaid = idle;
    },
    onFailure: (error) =>
      io.stderr(
        `monitor cycle failed: ${messageOf(error)}; trying again in ${intervalSeconds} s\n`,
      ),
  });
}

/** A quiet cycle is one line; a breach is shown in full, as `shopfloor monitor` shows it. */
function cycleText(report: MonitorCycleReport, timeZone: string | undefined): string {
  const text = renderMonitorCycle(report, { timeZone });
  if (breachesOf(report) > 0) return text;
  const headline = text.split("\n")[0] ?? "";
  return report.checks.length === 0 ? `${headline}\n` : `${headline}, no breach\n`;
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
}

function parsePort(value: string): number {
  const port = Number(value);
  if (value.trim() === "" || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidOptionValue("expected a port from 0 to 65535 (0 picks a free one)");
  }
  return port;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
