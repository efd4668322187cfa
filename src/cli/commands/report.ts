/**
 * `shopfloor report costs`: spend over a range of budget days by day, category, station, agent or
 * model, with the economics of the period (cost per approved change, the human comparison, what
 * sequential testing saved) and today's forecast; as a table, JSON or CSV.
 */
import { Command, Option } from "commander";
import { ShopfloorError } from "../../contracts/errors.js";
import { type CostDimension, costDimensions } from "../../ledger/cost-report.js";
import { type CommandContext, printJson } from "../command-context.js";
import { parseChoice } from "../option-parsers.js";
import {
  configOptionHelp,
  homeOptionHelp,
  type LedgerLocation,
  withLedger,
} from "./budget/open-ledger.js";
import { costCsv } from "./report/cost-csv.js";
import { renderCostReport } from "./report/render-cost-report.js";

interface CostsOptions extends LedgerLocation {
  since?: string;
  until?: string;
  by: CostDimension;
  json?: boolean;
  csv?: boolean;
}

export function reportCommand(
  context: CommandContext,
  now: () => Date = () => new Date(),
): Command {
  return new Command("report").description("reports on the factory's economics").addCommand(
    new Command("costs")
      .description(
        "spend by day, category, station, agent or model, cost per approved change, forecast",
      )
      .option("--since <date>", "first budget day, YYYY-MM-DD (default: 29 days before --until)")
      .option("--until <date>", "last budget day, included (default: today)")
      .option(
        "--by <dimension>",
        `group by ${costDimensions.join(", ")}`,
        parseChoice(costDimensions),
        "category",
      )
      .addOption(
        new Option("--json", "print one JSON object (amounts in micro-dollars)").conflicts("csv"),
      )
      .option("--csv", "print CSV with exact amounts")
      .option("--home <dir>", homeOptionHelp)
      .option("--config <path>", configOptionHelp)
      .addHelpText(
        "after",
        "\nExample:\n  shopfloor report costs --since 2026-11-01 --by model --csv",
      )
      .action(async (options: CostsOptions) => {
        for (const field of ["since", "until"] as const) {
          const value = options[field];
          if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
            throw new ShopfloorError(
              "invalid-argument",
              `--${field} expects a date such as 2026-11-24; got "${value}"`,
              { field },
            );
          }
        }
        const report = await withLedger(context.io, options, now, (ledger) =>
          ledger.report({ since: options.since, until: options.until, by: options.by }),
        );
        if (options.json) printJson(context, report);
        else if (options.csv) context.io.stdout(costCsv(report.costs));
        else context.io.stdout(renderCostReport(report));
      }),
  );
}
