/**
 * The console's API on a real line in a temporary factory home, for the route tests: real stores, queue
 * and ledger, an instant agent and fake trials (so `work()` takes an item down the line in well under a
 * second), three tokens (manager: every scope; operator: read + operate; reader: read), and `request`,
 * which calls the app in-process as `app.request()` does. Calibrations run as `serve` runs them, on
 * services of their own with the same fakes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import type { Agent } from "../../../src/agents/agent.js";
import { Config } from "../../../src/contracts/config.js";
import { calibrateInHome } from "../../../src/line/calibrate/calibrate-in-home.js";
import type { FactoryLineOptions } from "../../../src/line/factory-line.js";
import { FactoryLineSession } from "../../../src/line/factory-line-session.js";
import { type LineServicesOptions, openLineServices } from "../../../src/line/line-services.js";
import type { TrialExecutor } from "../../../src/line/trials/trial-executor.js";
import { NoSandbox } from "../../../src/runners/sandbox/no-sandbox.js";
import { AccessTokens } from "../../../src/server/access/access-tokens.js";
import type { ConsoleServices, ConsoleSettings } from "../../../src/server/console-services.js";
import { EventSignal } from "../../../src/server/events/event-signal.js";
import { CalibrationRuns } from "../../../src/server/runtime/calibration-runs.js";
import { ConsoleLine } from "../../../src/server/runtime/console-line.js";
import { createServerApp, type ServerApp } from "../../../src/server/server-app.js";
import { ConfigFileSettings } from "../../../src/server/settings/config-file-settings.js";
import { FakeTrialExecutor, InstantAgent } from "../../line/support/line-fakes.js";
import { repositoryRoot } from "../../line/support/line-home.js";

export interface ConsoleHarness {
  home: string;
  app: ServerApp;
  services: ConsoleServices;
  consoleLine: ConsoleLine;
  /** Secrets of the three tokens. */
  tokens: { manager: string; operator: string; reader: string };
  /** The todo-api spec's text with 5 normal, 3 edge and 2 malicious scenarios. */
  smallSpec: string;
  /** Calls the app in-process; `token: null` sends none, the default is the manager's. */
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Works the line's queue until nothing waits. */
  work(): Promise<void>;
  remove(): Promise<void>;
}

export interface RequestOptions {
  token?: string | null;
  json?: unknown;
  headers?: Record<string, string>;
}

export interface ConsoleHarnessOptions {
  config?: unknown;
  agent?: Agent;
  trialExecutor?: TrialExecutor;
  now?: () => Date;
  /** The agents' environment (PATH, keys); default this process's. */
  environment?: Readonly<Record<string, string | undefined>>;
  /** The local deploy target's host (tests: an in-process one); deploys stay off unless config says. */
  connectReleaseHost?: LineServicesOptions["connectReleaseHost"];
  /** Default: the real settings on `<home>/config.yaml`, which holds `config`; saving reopens the line. */
  settings?: (home: string, consoleLine: ConsoleLine, config: Config) => ConsoleSettings;
}

export async function consoleHarness(options: ConsoleHarnessOptions = {}): Promise<ConsoleHarness> {
  const home = mkdtempSync(join(tmpdir(), "shopfloor-console-"));
  const now = options.now ?? (() => new Date());
  const events = new EventSignal();
  const agent = options.agent ?? new InstantAgent();
  const trialExecutor = options.trialExecutor ?? new FakeTrialExecutor();
  const configValues = { deploy: { enabled: false }, ...(options.config as object) };
  const config = Config.parse(configValues);
  const lineOptions = (lineConfig: Config): FactoryLineOptions => ({
    home,
    config: lineConfig,
    environment: options.environment ?? process.env,
    projectFolder: repositoryRoot,
    sandbox: new NoSandbox(),
    trialExecutor,
    createAgent: async () => agent,
    now,
    onEvent: () => events.fire(),
    ...(options.connectReleaseHost === undefined
      ? {}
      : { connectReleaseHost: options.connectReleaseHost }),
  });
  const consoleLine = new ConsoleLine({
    work: false,
    open: async (lineConfig) => {
      const { services } = await openLineServices(lineOptions(lineConfig));
      return new FactoryLineSession(services, {
        projectFolder: repositoryRoot,
        workerId: "console-test:1",
      });
    },
  });
  await consoleLine.start(config);
  const tokens = new AccessTokens({ home, now });
  const secrets = {
    manager: (await tokens.create("manager", ["read", "operate", "configure"])).secret,
    operator: (await tokens.create("operator", ["read", "operate"])).secret,
    reader: (await tokens.create("reader", ["read"])).secret,
  };
  const settings =
    options.settings?.(home, consoleLine, config) ??
    homeConfigSettings(home, consoleLine, config, configValues);
  const services: ConsoleServices = {
    line: () => consoleLine.current(),
    settings,
    tokens,
    events,
    now,
    lineOptions,
    // As `serve` runs them: on services of their own, beside the line, with the line's fakes.
    calibrations: new CalibrationRuns({
      calibrate: (request) => calibrateInHome(lineOptions(settings.config()), request),
      now,
    }),
  };
  const app = createServerApp(services, { version: "0.0.0-test" });
  const todo = readFileSync(join(repositoryRoot, "examples/todo-api/spec.md"), "utf8");
  const smallSpec = todo.replace(
    "profile: admin\n",
    "profile: admin\nscenarios: { normal: 5, edge: 3, malicious: 2 }\n",
  );
  writeFileSync(join(home, "todo-small.md"), smallSpec);
  return {
    home,
    app,
    services,
    consoleLine,
    tokens: secrets,
    smallSpec,
    request: async (method, path, requestOptions = {}) => {
      const headers: Record<string, string> = { ...requestOptions.headers };
      const token = requestOptions.token === undefined ? secrets.manager : requestOptions.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (requestOptions.json !== undefined) headers["content-type"] = "application/json";
      return app.request(path, {
        method,
        headers,
        ...(requestOptions.json === undefined ? {} : { body: JSON.stringify(requestOptions.json) }),
      });
    },
    work: async () => {
      await consoleLine.current().run({ untilIdle: true });
    },
    remove: async () => {
      await services.calibrations.close();
      await consoleLine.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The settings `serve` has on a home whose config.yaml holds the harness's config. */
function homeConfigSettings(
  home: string,
  consoleLine: ConsoleLine,
  config: Config,
  configValues: object,
): ConsoleSettings {
  const path = join(home, "config.yaml");
  writeFileSync(path, stringify(configValues));
  return new ConfigFileSettings({
    found: { config, path },
    home,
    apply: (next) => consoleLine.reopen(next),
  });
}
