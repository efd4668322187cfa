/**
 * `shopfloor exceptions`: the queue of what the line could not decide itself (a vague spec, retries
 * spent, the budget reached, an inconclusive gate…), each with its evidence and the `shopfloor decide`
 * command to run; `--all` adds the decided ones.
 */
import { Command } from "commander";
import { type CommandContext, printJson } from "../command-context.js";
import { renderExceptions } from "../line-exceptions.js";
import {
  defaultLineDependencies,
  type LineDependencies,
  lineConfigHelp,
  lineHomeHelp,
  withLine,
} from "../line-session.js";

interface ExceptionsOptions {
  all?: boolean;
  home?: string;
  config?: string;
  json?: boolean;
}

export function exceptionsCommand(
  context: CommandContext,
  dependencies: LineDependencies = defaultLineDependencies,
): Command {
  return new Command("exceptions")
    .description("what the line could not decide: reason, evidence, and the decide command to run")
    .option("--all", "include the exceptions already decided")
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option("--json", "print one JSON array of exceptions")
    .addHelpText(
      "after",
      '\nExample:\n  shopfloor exceptions\n  shopfloor decide ex-7f3a --retry --reason "flaky test runner fixed"',
    )
    .action(async (options: ExceptionsOptions) => {
      const scope = options.all ? "all" : "open";
      await withLine(context.io, options, dependencies, async ({ line }) => {
        const exceptions = await line.exceptions({ state: scope });
        if (options.json) printJson(context, exceptions);
        else context.io.stdout(renderExceptions(exceptions, dependencies.now(), scope));
      });
    });
}
