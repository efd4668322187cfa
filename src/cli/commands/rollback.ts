/**
 * `shopfloor rollback ITEM`: a person takes a live work item's release out of production. Traffic goes
 * back to the service's standby release (the previous live one), and an incident records who and why.
 * No fix item is opened: the person decides what comes next.
 */
import { Command } from "commander";
import { ShopfloorError } from "../../contracts/index.js";
import type { ManualRollbackRequest, RollbackOutcome } from "../../line/factory-line.js";
import type { CliIo } from "../cli-io.js";
import { type CommandContext, printJson } from "../command-context.js";
import {
  defaultLineDependencies,
  type LineDependencies,
  lineConfigHelp,
  lineHomeHelp,
  withLine,
} from "../line-session.js";

interface RollbackOptions {
  reason?: string;
  by?: string;
  home?: string;
  config?: string;
  json?: boolean;
}

export function rollbackCommand(
  context: CommandContext,
  dependencies: LineDependencies = defaultLineDependencies,
): Command {
  return new Command("rollback")
    .description(
      "put a live work item's service back on its previous release, recorded as an incident with who and why",
    )
    .argument(
      "<item>",
      "the live work item's id, or a unique prefix (shopfloor releases lists them)",
    )
    .option("--reason <text>", "why (required): kept with the incident")
    .option("--by <name>", "who rolls back (default: $USER)")
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option(
      "--json",
      "print one JSON object: the rolled-back release, the release live again, the incident",
    )
    .addHelpText(
      "after",
      '\nThe previous release still runs (standby), so traffic switches back at once. A service\'s first\nrelease has none: the service then has no live release.\n\nExamples:\n  shopfloor releases\n  shopfloor rollback inventory-api-cc22dd --reason "orders are lost since the deploy"',
    )
    .action(async (item: string, options: RollbackOptions) => {
      const request = rollbackRequest(context.io, item, options);
      await withLine(context.io, options, dependencies, async ({ line }) => {
        const outcome = await line.rollback(request);
        if (options.json) printJson(context, outcome);
        else context.io.stdout(renderRollback(outcome));
      });
    });
}

function rollbackRequest(io: CliIo, item: string, options: RollbackOptions): ManualRollbackRequest {
  if (options.reason === undefined || options.reason.trim() === "") {
    throw new ShopfloorError(
      "invalid-argument",
      'rollback needs --reason "why": it is kept with the incident',
      { field: "reason" },
    );
  }
  const by = options.by ?? io.environment.USER ?? io.environment.USERNAME;
  if (by === undefined || by.trim() === "") {
    throw new ShopfloorError("invalid-argument", "rollback needs --by NAME: $USER is not set", {
      field: "by",
    });
  }
  return { workItem: item, by: by.trim(), reason: options.reason.trim() };
}

export function renderRollback(outcome: RollbackOutcome): string {
  const { release, to, incident } = outcome;
  const address = to?.address ?? release.address;
  const where =
    to === undefined
      ? "it was the service's first release: the service has no live release now"
      : `traffic is on ${to.id} again${address === undefined ? "" : ` at ${address}`}`;
  return [
    `${release.id} rolled back: ${where}.`,
    `Incident ${incident.id}: ${incident.summary}`,
    `${release.workItem} is now rolled-back; \`shopfloor releases --service ${release.service}\` shows the service.`,
    "",
  ].join("\n");
}
