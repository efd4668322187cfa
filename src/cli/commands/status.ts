/**
 * `shopfloor status`: the line at a glance: items per state, the items in flight with their age,
 * approvals and exceptions, today's per-category pass rates, spend today against the budget per
 * category, the job queue per station, and how many exceptions wait for a person.
 */
import { Command } from "commander";
import { type CommandContext, printJson } from "../command-context.js";
import {
  budgetStatusOf,
  defaultLineDependencies,
  type LineDependencies,
  lineConfigHelp,
  lineHomeHelp,
  withLine,
} from "../line-session.js";
import { renderLineStatus } from "../line-status.js";

interface StatusOptions {
  home?: string;
  config?: string;
  json?: boolean;
}

export function statusCommand(
  context: CommandContext,
  dependencies: LineDependencies = defaultLineDependencies,
): Command {
  return new Command("status")
    .description("the line at a glance: items per station, pass rates, spend today, the queue")
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option("--json", "print one JSON object: the line's status and today's budget (micro-dollars)")
    .action(async (options: StatusOptions) => {
      await withLine(context.io, options, dependencies, async (session) => {
        const status = await session.line.status();
        const budget = await budgetStatusOf(session, dependencies.now);
        if (options.json) printJson(context, { ...status, budget });
        else context.io.stdout(renderLineStatus(status, budget));
      });
    });
}
