/**
 * `shopfloor init`: creates a factory home readable by its owner only (it holds the holdout suites the
 * agents must never see), writes a commented `config.yaml` with every setting's default, and creates and
 * migrates the factory database. An existing config is kept unless `--force` says to overwrite it. A home
 * without a token file gets a `manager` token with every scope for the console, its secret shown once.
 */
import { chmod, mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Command } from "commander";
import { homeConfigFileName } from "../../contracts/config.js";
import { parseConfig, ShopfloorError } from "../../contracts/index.js";
import { managerScopes } from "../../server/access/access-scopes.js";
import {
  AccessTokens,
  accessTokensFileName,
  type IssuedToken,
} from "../../server/access/access-tokens.js";
import { factoryDatabaseFileName, openFactoryDatabase } from "../../store/open-factory-database.js";
import { type CommandContext, printJson } from "../command-context.js";
import { factoryHome } from "../factory-home.js";
import { configTemplate } from "./init/config-template.js";
import { defaultSignInLink, renderSecret } from "./token.js";

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
  const managerToken = await firstManagerToken(home);
  const result = {
    home,
    config: configPath,
    database: databasePath,
    homeExisted,
    configExisted,
    managerToken:
      managerToken === undefined
        ? null
        : { ...managerToken, signInLink: defaultSignInLink(managerToken.secret) },
  };
  if (options.json) {
    printJson(context, result);
    return;
  }
  io.stdout(
    [
      `${homeExisted ? "Factory home" : "Created the factory home"} ${home} (mode 0700)`,
      `  ${column(homeConfigFileName)}${configExisted ? "overwritten" : "written"}: ${options.config === undefined ? "every setting with its default, commented; edit it" : `copied from ${options.config}`}`,
      `  ${column(factoryDatabaseFileName)}the ledger, work items, events and job queue, migrated`,
      ...tokenLines(managerToken),
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
    [`shopfloor serve${where}`, "the console: the dashboard and its API"],
  ];
  const width = Math.max(...commands.map(([command = ""]) => command.length));
  return commands.map(([command = "", what]) => `  ${command.padEnd(width)}   ${what}`);
}

/** A `manager` token with every scope, unless the home has a token file already (then its tokens stay). */
async function firstManagerToken(home: string): Promise<IssuedToken | undefined> {
  if (await exists(join(home, accessTokensFileName))) return undefined;
  return new AccessTokens({ home }).create("manager", managerScopes);
}

/** A file's name in the list of what init made, padded so that what is said of each lines up. */
function column(fileName: string): string {
  return fileName.padEnd(accessTokensFileName.length + 2);
}

function tokenLines(managerToken: IssuedToken | undefined): string[] {
  if (managerToken === undefined) {
    return [
      `  ${column(accessTokensFileName)}kept as it was (\`shopfloor token list\` shows its tokens)`,
    ];
  }
  return [
    `  ${column(accessTokensFileName)}a manager token with every scope, for the console:`,
    "",
    renderSecret(managerToken),
  ];
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
