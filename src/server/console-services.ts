/**
 * What the API's handlers reach: the line (reopened when its config changes, so always asked for anew),
 * the settings a manager may edit, the access tokens, the signal that the event log has grown, the
 * clock, what the line is opened with, and the calibrations running beside it. `shopfloor serve` builds
 * them on a factory home (src/server/runtime); tests build them on a temporary one.
 */
import type { Config, ProfileDefinition } from "../contracts/config.js";
import type { LineUp } from "../contracts/work-item.js";
import type { FactoryLine, FactoryLineOptions } from "../line/factory-line.js";
import type { AccessTokens } from "./access/access-tokens.js";
import type { EventSignal } from "./events/event-signal.js";
import type { CalibrationRuns } from "./runtime/calibration-runs.js";

export interface ConsoleServices {
  /** The line as it is now. */
  line(): FactoryLine;
  settings: ConsoleSettings;
  tokens: AccessTokens;
  /** Fires when this process writes a line event; streams also read the log for other processes' events. */
  events: EventSignal;
  now(): Date;
  /**
   * What the line is opened with on a config: the home, the agents' environment, the project folder
   * (which agents can run here, and what a line-up's relative paths mean).
   */
  lineOptions(config: Config): FactoryLineOptions;
  /** Calibrations started from the API, run in this process beside the line; stopped with the console. */
  calibrations: CalibrationRuns;
}

/** The config file a manager edits from the dashboard: checked, written with its comments kept, applied. */
export interface ConsoleSettings {
  /** The config the line runs on now. */
  config(): Config;
  /** The file changes are written to. */
  readonly path: string;
  /** Adds or replaces one of the user's profiles, then reopens the line on the new config. */
  saveProfile(name: string, definition: ProfileDefinition): Promise<Config>;
  /** Removes one of the user's profiles (not-found if it is not there; a built-in stays). */
  deleteProfile(name: string): Promise<Config>;
  setDefaultProfile(name: string): Promise<Config>;
  /**
   * Sets the config's `line.lineUp` (null removes it: the default agent builds alone). Items already
   * submitted keep the line-up they were submitted with; new submissions get this one.
   */
  saveLineUp(lineUp: LineUp | null): Promise<Config>;
}
