/**
 * What `shopfloor serve` runs on a factory home: the line (worked in this process unless told not to,
 * reopened when a manager saves settings), the settings kept in the config file, the access tokens, and
 * the signal that wakes the event streams when this process writes an event, and the calibrations the
 * API starts. Closing it stops the calibrations and the worker, and closes the line.
 */
import type { Config } from "../../contracts/config.js";
import type { FactoryLine, FactoryLineOptions } from "../../line/factory-line.js";
import { managerScopes } from "../access/access-scopes.js";
import { AccessTokens, type IssuedToken } from "../access/access-tokens.js";
import type { ConsoleServices } from "../console-services.js";
import { EventSignal } from "../events/event-signal.js";
import { ConfigFileSettings } from "../settings/config-file-settings.js";
import { CalibrationRuns } from "./calibration-runs.js";
import { ConsoleLine } from "./console-line.js";

export interface ConsoleRuntimeOptions {
  home: string;
  /** The config found for the home (`findConfig`) and the file it came from, if any. */
  found: { config: Config; path?: string };
  /** Opens the line on a config; `onEvent` must be called after each event it writes. */
  openLine(config: Config, onEvent: () => void): Promise<FactoryLine>;
  /** What the line is opened with on a config (`onEvent` aside), for what runs beside it. */
  lineOptions(config: Config): FactoryLineOptions;
  /** Work the queue in this process (the default of `serve`), or leave it to `shopfloor run`. */
  work: boolean;
  onWorkError?: (error: unknown) => void;
  now(): Date;
}

export interface ConsoleRuntime {
  services: ConsoleServices;
  consoleLine: ConsoleLine;
  close(): Promise<void>;
}

export async function openConsoleRuntime(options: ConsoleRuntimeOptions): Promise<ConsoleRuntime> {
  const events = new EventSignal();
  const consoleLine = new ConsoleLine({
    open: (config) => options.openLine(config, () => events.fire()),
    work: options.work,
    ...(options.onWorkError === undefined ? {} : { onWorkError: options.onWorkError }),
  });
  const settings = new ConfigFileSettings({
    found: options.found,
    home: options.home,
    apply: (config) => consoleLine.reopen(config),
  });
  const lineOptions = (config: Config): FactoryLineOptions => ({
    ...options.lineOptions(config),
    onEvent: () => events.fire(),
  });
  // A calibration opens the home on services of its own: a line reopened by a settings change goes on.
  const calibrations = new CalibrationRuns({
    calibrate: async (request) =>
      (await import("../../line/calibrate/calibrate-in-home.js")).calibrateInHome(
        lineOptions(settings.config()),
        request,
      ),
    now: options.now,
  });
  await consoleLine.start(options.found.config);
  return {
    services: {
      line: () => consoleLine.current(),
      settings,
      tokens: new AccessTokens({ home: options.home, now: options.now }),
      events,
      now: options.now,
      lineOptions,
      calibrations,
    },
    consoleLine,
    close: async () => {
      await calibrations.close();
      await consoleLine.close();
    },
  };
}

/**
 * A home nobody can sign in to gets a `manager` token with every scope; its secret is returned to be
 * shown once. A home with any token is left as it is.
 */
export async function firstManagerToken(tokens: AccessTokens): Promise<IssuedToken | undefined> {
  if ((await tokens.list()).length > 0) return undefined;
  return tokens.create("manager", managerScopes);
}
