/** `shopfloor scenarios list [NAME]`: the stored suites and their versions, newest first. */
import { Command } from "commander";
import type { StoredVersion } from "../../../scenarios/store/suite-store.js";
import { type CommandContext, printJson } from "../../command-context.js";
import { textTable } from "../../text-table.js";
import {
  categoryCounts,
  openStore,
  type StoreOptions,
  shortTime,
  withStoreOptions,
} from "./store-options.js";

export function listCommand(context: CommandContext): Command {
  return withStoreOptions(
    new Command("list")
      .description("list the stored suites and their versions, newest first")
      .argument("[name]", "only this suite"),
  ).action(async (name: string | undefined, options: StoreOptions) => {
    const store = openStore(context, options);
    const versions = await store.list(name);
    if (options.json) printJson(context, versions);
    else context.io.stdout(renderVersionList(versions, store.folder));
  });
}

export function renderVersionList(versions: readonly StoredVersion[], folder: string): string {
  if (versions.length === 0) {
    return `No suites in ${folder} yet: \`shopfloor scenarios generate SPEC\` stores one.\n`;
  }
  const rows = versions.map((stored) => [
    stored.name,
    stored.version,
    shortTime(stored.createdAt),
    categoryCounts(stored),
    [stored.current ? "current" : "", stored.frozen ? "frozen" : ""].filter(Boolean).join(", "),
    stored.parent ?? "",
  ]);
  const table = textTable(
    ["suite", "version", "created", "scenarios n/e/m", "state", "parent"],
    rows,
    ["left", "left", "left", "right", "left", "left"],
  );
  return `${table}\n`;
}
