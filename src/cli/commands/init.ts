/**
 * `shopfloor init`: creates a factory home readable by its owner only (it holds the holdout suites the
 * agents must never see), writes a commented `config.yaml` with every setting's default, and creates and
 * migrates the factory database. An existing config is kept unless `--force` says to overwrite it.
 */
import { chmod, mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Command } from "commander";
import { parseConfig, ShopfloorError } from "../../contracts/index.js";
import { factoryDatabaseFileName, openFactoryDatabase } from "../../store/open-factory-database.js";
import { type CommandContext, printJson } from "../command-context.js";
import { factoryHome } from "../factory-home.js";
import { homeConfigFileName } from "../load-config.js";
import { configTemplate } from "./init/config-template.js";

interface InitOptions {
  home?: string;
  config?: string;
  force?: boolean;
  json?: boolean;
}

export function initCommand(context: CommandContext): Command {
  return new Command("init")
    .description("create a factory home: a commented config.yaml and the factory database")
    .option("--home <dir>", "the factory home to create (default: $SHOPFLOOR_HOME or .shopfloor)")
    .option("--config <path>", "write this config file (checked first) instead of the defaults")
    .option("--force", "overwrite the home's existing config.yaml")
    .option("--json", "print what was created as one JSON object")
    .addHelpText(
      "after",
      "\nThe home is created with mode 0700: it holds the holdout suites, which no agent may read.\nCommands find its config.yaml when the working directory has no shopfloor.config.yaml.\n\nExample:\n  shopfloor init --home ~/factory && shopfloor run spec.md --home ~/factory",
    )
    .action((options: InitOptions) => initialize(context, options));
}

async function initialize(context: CommandContext, options: InitOptions): Promise<void> {
  const { io } = context;
  const home = factoryHome(io, options.home);
  const configPath = join(home, homeConfigFileName);
  const text =
    options.config === undefined ? configTemplate() : await checkedConfig(context, options.config);
  const homeExisted = await exists(home);
  const configExisted = await exists(configPath);
  if (configExisted && !options.force) {
    throw new ShopfloorError(
      "invalid-argument",
      `${configPath} already exists; add --force to overwrite it with ${options.config ?? "the defaults"}`,
      { path: configPath },
    );
  }
  await createHome(home);
  await writeFile(configPath, text, { mode: 0o600 });
  const databasePath = join(home, factoryDatabaseFileName);
  const database = await openFactoryDatabase(databasePath);
  await database.destroy();
  const result = { home, config: configPath, database: databasePath, homeExisted, configExisted };
  if (options.json) {
    printJson(context, result);
    return;
  }
  io.stdout(
    [
      `${homeExisted ? "Factory home" : "Created the factory home"} ${home} (mode 0700)`,
      `  ${homeConfigFileName}  ${configExisted ? "overwritten" : "written"}: ${options.config === undefined ? "every setting with its default, commented; edit it" : `copied from ${options.config}`}`,
      `  ${factoryDatabaseFileName}   the ledger, work items, events and job queue, migrated`,
      "",
      "Next:",
      ...nextCommands(options.home),
      "",
    ].join("\n"),
  );
}

function nextCommands(home: string | undefined): string[] {
  const where = home === undefined ? "" : ` --home ${home}`;
  const commands = [
    [`shopfloor run SPEC.md${where}`, "submit a spec and work the line"],
    [`shopfloor status${where}`, "the line at a glance"],
  ];
  const width = Math.max(...commands.map(([command = ""]) => command.length));
  return commands.map(([command = "", what]) => `  ${command.padEnd(width)}   ${what}`);
}

async function checkedConfig(context: CommandContext, path: string): Promise<string> {
  const text = await context.io.readText(path);
  parseConfig(text, path);
  return text;
}

async function createHome(home: string): Promise<void> {
  try {
    await mkdir(home, { recursive: true, mode: 0o700 });
    await chmod(home, 0o700);
  } catch (error) {
    throw new ShopfloorError(
      "io-error",
      `cannot create the factory home ${home}: ${(error as Error).message}`,
      { path: home, cause: error },
    );
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
