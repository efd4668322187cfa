/**
 * What every `shopfloor scenarios` subcommand shares: `--home` and `--json`, the store under the factory
 * home, and how a stored version is named and summed up for a person.
 */
import type { Command } from "commander";
import { scenarioCategories } from "../../../contracts/scenario-category.js";
import { type StoredVersion, SuiteStore } from "../../../scenarios/store/suite-store.js";
import type { CommandContext } from "../../command-context.js";
import { factoryHome } from "../../factory-home.js";

export interface StoreOptions {
  home?: string;
  json?: boolean;
}

export function withStoreOptions(command: Command): Command {
  return command
    .option(
      "--home <dir>",
      "the factory home holding the suites (default: $SHOPFLOOR_HOME or .shopfloor)",
    )
    .option("--json", "print the result as one JSON object");
}

export function openStore(context: CommandContext, options: StoreOptions): SuiteStore {
  return new SuiteStore({ home: factoryHome(context.io, options.home), now: () => new Date() });
}

export function referenceOf(stored: { name: string; version: string }): string {
  return `${stored.name}@${stored.version}`;
}

/** `100/50/30`: normal, edge and malicious scenarios. */
export function categoryCounts(stored: StoredVersion): string {
  return scenarioCategories.map((category) => String(stored.counts[category])).join("/");
}

/** `2025-03-01 10:00 UTC`: a time to the minute, the same on every machine. */
export function shortTime(isoTime: string): string {
  return `${isoTime.slice(0, 10)} ${isoTime.slice(11, 16)} UTC`;
}

/** The `--home` to repeat in a suggested command, when the user gave one. */
export function homeArgument(options: StoreOptions): string {
  return options.home === undefined ? "" : ` --home ${shellWord(options.home)}`;
}

export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
