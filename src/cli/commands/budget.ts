/**
 * `shopfloor budget`: today's budget (limits, spend, reservations, alerts, where each value comes from),
 * and `shopfloor budget set`, which records a change with who, when and why in the factory database,
 * where it takes precedence over the config file.
 */
import { Command } from "commander";
import { ShopfloorError } from "../../contracts/errors.js";
import type { BudgetChange } from "../../ledger/budget-settings.js";
import { type CommandContext, printJson } from "../command-context.js";
import { parseCapUsd, parseDayStart, parseSplit, parseUsd } from "./budget/budget-options.js";
import {
  configOptionHelp,
  homeOptionHelp,
  type LedgerLocation,
  withLedger,
} from "./budget/open-ledger.js";
import { renderBudgetStatus, settingsTable } from "./budget/render-budget-status.js";

interface StatusOptions extends LedgerLocation {
  json?: boolean;
}

interface SetOptions extends StatusOptions {
  dailyUsd?: number;
  split?: BudgetChange["split"];
  timeZone?: string;
  dayStarts?: string;
  itemCapUsd?: number;
  runCapUsd?: number;
  reason?: string;
  by?: string;
}

export function budgetCommand(
  context: CommandContext,
  now: () => Date = () => new Date(),
): Command {
  const budget = new Command("budget")
    .description("today's budget: limits, spend, reservations and alerts per category")
    .option("--home <dir>", homeOptionHelp)
    .option("--config <path>", configOptionHelp)
    .option("--json", "print the status as one JSON object (amounts in micro-dollars)")
    .action(async (options: StatusOptions) => {
      const status = await withLedger(context.io, options, now, (ledger) => ledger.status());
      if (options.json) printJson(context, status);
      else context.io.stdout(renderBudgetStatus(status));
    });
  budget.addCommand(
    new Command("set")
      .description(
        "change the budget; recorded with who, when and why, and used before the config file",
      )
      .option("--daily-usd <amount>", "the day's budget in dollars", parseUsd)
      .option(
        "--split <percentages>",
        "percent for inference,testing,ci,monitoring, e.g. 30,40,15,15",
        parseSplit,
      )
      .option("--time-zone <zone>", "IANA time zone of the budget day, e.g. Europe/Paris")
      .option("--day-starts <time>", "local time the budget day starts, HH:MM", parseDayStart)
      .option(
        "--item-cap-usd <amount>",
        'cap on one work item\'s whole spend, or "none"',
        parseCapUsd,
      )
      .option("--run-cap-usd <amount>", 'cap on one run\'s spend, or "none"', parseCapUsd)
      .option("--reason <text>", "why (required): kept with the change")
      .option("--by <name>", "who (default: $USER)")
      .addHelpText(
        "after",
        '\nExample:\n  shopfloor budget set --daily-usd 500 --split 30,40,15,15 --time-zone Europe/Paris --day-starts 06:00 --reason "quarter end"',
      )
      .action(async (_options: SetOptions, command: Command) => {
        await setBudget(context, command.optsWithGlobals<SetOptions>(), now);
      }),
  );
  return budget;
}

async function setBudget(
  context: CommandContext,
  options: SetOptions,
  now: () => Date,
): Promise<void> {
  if (options.reason === undefined || options.reason.trim() === "") {
    throw new ShopfloorError(
      "invalid-argument",
      'budget set needs --reason "why": it is kept with the change',
      {
        field: "reason",
      },
    );
  }
  const by = options.by ?? context.io.environment.USER ?? context.io.environment.USERNAME;
  if (by === undefined || by.trim() === "") {
    throw new ShopfloorError("invalid-argument", "budget set needs --by NAME: $USER is not set", {
      field: "by",
    });
  }
  const change: BudgetChange = {
    by,
    reason: options.reason,
    dailyUsd: options.dailyUsd,
    split: options.split,
    timeZone: options.timeZone,
    dayStart: options.dayStarts,
    itemCapUsd: options.itemCapUsd,
    runCapUsd: options.runCapUsd,
  };
  const policy = await withLedger(context.io, options, now, (ledger) =>
    ledger.changeBudget(change),
  );
  if (options.json) {
    printJson(context, policy);
    return;
  }
  context.io.stdout(
    [
      `Budget changed by ${by.trim()}: "${options.reason.trim()}". The budget now:`,
      settingsTable(policy),
      "",
    ].join("\n"),
  );
}
