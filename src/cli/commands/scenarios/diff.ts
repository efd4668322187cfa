/** `shopfloor scenarios diff FROM TO`: which scenarios a version added, removed or changed. */
import { Command } from "commander";
import type { SuiteDiff } from "../../../scenarios/store/suite-store.js";
import { type CommandContext, printJson } from "../../command-context.js";
import { openStore, type StoreOptions, withStoreOptions } from "./store-options.js";

export function diffCommand(context: CommandContext): Command {
  return withStoreOptions(
    new Command("diff")
      .description("compare two stored suite versions scenario by scenario")
      .argument("<from>", "NAME or NAME@VERSION")
      .argument("<to>", "NAME or NAME@VERSION"),
  ).action(async (from: string, to: string, options: StoreOptions) => {
    const diff = await openStore(context, options).diff(from, to);
    if (options.json) printJson(context, diff);
    else context.io.stdout(renderDiff(diff));
  });
}

/** Ids shown per kind of change; --json gives them all. */
const shownIds = 25;

export function renderDiff(diff: SuiteDiff): string {
  const lines = [
    `${diff.from} → ${diff.to}`,
    `  ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`,
    ...idLines("+", diff.added),
    ...idLines("-", diff.removed),
    ...idLines("~", diff.changed),
  ];
  return `${lines.join("\n")}\n`;
}

function idLines(mark: string, ids: readonly string[]): string[] {
  const lines = ids.slice(0, shownIds).map((id) => `  ${mark} ${id}`);
  if (ids.length > shownIds)
    lines.push(`  ${mark} …and ${ids.length - shownIds} more (--json lists all)`);
  return lines;
}
