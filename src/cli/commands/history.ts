/**
 * `shopfloor history ITEM`: a work item's full provenance: the spec, every event, which agent and model
 * wrote which commit, which suite version judged it and how, what it cost, and who decided what.
 */
import { Command } from "commander";
import { type CommandContext, printJson } from "../command-context.js";
import { renderHistory } from "../line-history.js";
import {
  defaultLineDependencies,
  type LineDependencies,
  lineConfigHelp,
  lineHomeHelp,
  withLine,
} from "../line-session.js";

interface HistoryOptions {
  home?: string;
  config?: string;
  json?: boolean;
}

export function historyCommand(
  context: CommandContext,
  dependencies: LineDependencies = defaultLineDependencies,
): Command {
  return new Command("history")
    .description("a work item's provenance: spec, builds, suites, verdicts, decisions, costs")
    .argument("<item>", "the work item's id, or the start of it when that is unique")
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option(
      "--json",
      "print one JSON object: the item, its events, builds, exceptions, decisions, costs",
    )
    .addHelpText("after", "\nExample:\n  shopfloor history todo-api-3f9c2a")
    .action(async (item: string, options: HistoryOptions) => {
      await withLine(context.io, options, dependencies, async ({ line }) => {
        const history = await line.history(item);
        if (options.json) printJson(context, history);
        else {
          context.io.stdout(
            renderHistory(history, { timeZone: dependencies.timeZone, now: dependencies.now() }),
          );
        }
      });
    });
}
