/**
 * `shopfloor scenarios freeze REFERENCE` and `unfreeze NAME`: pin the version a suite's gate runs
 * against, so that no generate or extend replaces it until it is unfrozen.
 */
import { Command } from "commander";
import type { StoredVersion } from "../../../scenarios/store/suite-store.js";
import { type CommandContext, printJson } from "../../command-context.js";
import { openStore, referenceOf, type StoreOptions, withStoreOptions } from "./store-options.js";

export function freezeCommand(context: CommandContext): Command {
  return withStoreOptions(
    new Command("freeze")
      .description("make a version current and frozen: new versions are refused until unfrozen")
      .argument("<reference>", "NAME (its current version) or NAME@VERSION"),
  ).action(async (reference: string, options: StoreOptions) => {
    const stored = await openStore(context, options).freeze(reference);
    print(
      context,
      options,
      stored,
      `${referenceOf(stored)} is current and frozen: generate and extend refuse new versions until \`shopfloor scenarios unfreeze ${stored.name}\`\n`,
    );
  });
}

export function unfreezeCommand(context: CommandContext): Command {
  return withStoreOptions(
    new Command("unfreeze")
      .description("let a suite take new versions again")
      .argument("<name>", "the suite's name"),
  ).action(async (name: string, options: StoreOptions) => {
    const stored = await openStore(context, options).unfreeze(name);
    print(
      context,
      options,
      stored,
      `${name} is no longer frozen; its current version stays ${referenceOf(stored)}\n`,
    );
  });
}

function print(
  context: CommandContext,
  options: StoreOptions,
  stored: StoredVersion,
  message: string,
): void {
  if (options.json) printJson(context, stored);
  else context.io.stdout(message);
}
