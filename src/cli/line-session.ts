/**
 * How the line's commands reach the factory: the config found for `--config`/`--home`, the factory
 * home, and the facade (src/line/factory-line.ts) opened on them, closed when the command is done, even
 * on error. The facade's opener and the clock are passed in, so tests run a command on a fake line.
 */
import { join } from "node:path";
import type { Config, LineEvent } from "../contracts/index.js";
import type { BudgetStatus } from "../ledger/budget-status.js";
import { Ledger } from "../ledger/ledger.js";
import type { FactoryLine, FactoryLineOptions } from "../line/factory-line.js";
import { factoryDatabaseFileName, openFactoryDatabase } from "../store/open-factory-database.js";
import type { CliIo } from "./cli-io.js";
import { factoryHome } from "./factory-home.js";
import { findConfig } from "./load-config.js";
import { packageRoot } from "./package-root.js";

export interface LineDependencies {
  openLine(options: FactoryLineOptions): Promise<FactoryLine>;
  now(): Date;
  /** The time zone times are shown in; default: this machine's. */
  timeZone?: string;
}

export const defaultLineDependencies: LineDependencies = {
  // Loaded on first use: the other commands start without loading the line, its agents and stations.
  openLine: async (options) => (await import("../line/factory-line.js")).openFactoryLine(options),
  now: () => new Date(),
};

export interface LineLocation {
  home?: string;
  config?: string;
}

export interface LineSession {
  line: FactoryLine;
  home: string;
  config: Config;
}

export const lineHomeHelp = "the factory home (default: $SHOPFLOOR_HOME or .shopfloor)";
export const lineConfigHelp =
  "config file (default: ./shopfloor.config.yaml, .yml or .json, else the home's config.yaml)";

export async function withLine<Result>(
  io: CliIo,
  location: LineLocation,
  dependencies: LineDependencies,
  work: (session: LineSession) => Promise<Result>,
  onEvent?: (event: LineEvent) => void,
): Promise<Result> {
  const found = await findConfig(io, location.config, location.home);
  const home = factoryHome(io, location.home);
  const line = await dependencies.openLine({
    home,
    config: found.config,
    environment: io.environment,
    projectFolder: found.folder,
    now: dependencies.now,
    onEvent,
    hostCliPath: join(packageRoot(), "bin", "shopfloor.js"),
  });
  try {
    return await work({ line, home, config: found.config });
  } finally {
    await line.close();
  }
}

/** Today's budget from the ledger in the home's database: limits per category, spend, reservations. */
export async function budgetStatusOf(session: LineSession, now: () => Date): Promise<BudgetStatus> {
  const database = await openFactoryDatabase(join(session.home, factoryDatabaseFileName));
  try {
    return await new Ledger({ database, config: session.config, now }).status();
  } finally {
    await database.destroy();
  }
}
