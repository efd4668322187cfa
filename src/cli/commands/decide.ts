/**
 * `shopfloor decide ID`: a person's decision on an exception (approve anyway, reject, clarify the spec,
 * change the profile, raise the budget, retry), recorded with who, when and why. What follows is queued;
 * `shopfloor run` carries it out.
 */
import { resolve } from "node:path";
import { Command } from "commander";
import {
  type DecisionAction,
  ShopfloorError,
  settledWorkItemStates,
} from "../../contracts/index.js";
import type { DecisionRequest } from "../../line/factory-line.js";
import { type CommandContext, printJson } from "../command-context.js";
import {
  defaultLineDependencies,
  type LineDependencies,
  lineConfigHelp,
  lineHomeHelp,
  withLine,
} from "../line-session.js";
import { parseUsd } from "./budget/budget-options.js";

interface DecideOptions {
  approve?: boolean;
  reject?: boolean;
  clarify?: string;
  profile?: string;
  raiseBudget?: number;
  retry?: boolean;
  reason?: string;
  by?: string;
  home?: string;
  config?: string;
  json?: boolean;
}

const actionOptions: readonly [keyof DecideOptions, string, DecisionAction][] = [
  ["approve", "--approve", "approve"],
  ["reject", "--reject", "reject"],
  ["clarify", "--clarify FILE", "clarify"],
  ["profile", "--profile NAME", "change-profile"],
  ["raiseBudget", "--raise-budget USD", "raise-budget"],
  ["retry", "--retry", "retry"],
];

export function decideCommand(
  context: CommandContext,
  dependencies: LineDependencies = defaultLineDependencies,
): Command {
  return new Command("decide")
    .description(
      "decide an exception: recorded with who, when and why; `shopfloor run` carries it out",
    )
    .argument("<exception>", "the exception's id (shopfloor exceptions lists them)")
    .option("--approve", "approve the item's build anyway")
    .option("--reject", "reject the work item")
    .option("--clarify <file>", "a clarified spec: a new work item continues this one")
    .option("--profile <name>", "re-gate the item's last builds under another quality profile")
    .option("--raise-budget <usd>", "set the daily budget to this many dollars and go on", parseUsd)
    .option("--retry", "run the station that stopped again")
    .option("--reason <text>", "why (required): kept with the decision")
    .option("--by <name>", "who decides (default: $USER)")
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option("--json", "print the recorded decision as one JSON object")
    .addHelpText(
      "after",
      '\nExactly one of --approve, --reject, --clarify, --profile, --raise-budget, --retry.\n\nExamples:\n  shopfloor decide ex-7f3a --retry --reason "the test runner is fixed"\n  shopfloor decide ex-0001 --clarify specs/todo-api.md --reason "added the limits"\n  shopfloor decide ex-9c1d --raise-budget 1500 --reason "release day"',
    )
    .action(async (exception: string, options: DecideOptions) => {
      const request = await decisionRequest(context, exception, options);
      await withLine(context.io, options, dependencies, async ({ line }) => {
        const decision = await line.decide(request);
        const item = (await line.history(decision.workItem)).item;
        if (options.json) {
          printJson(context, decision);
          return;
        }
        const next = settledWorkItemStates.includes(item.state)
          ? ""
          : "\nRun `shopfloor run` to carry it out.";
        context.io.stdout(
          `Decision ${decision.id} on ${decision.exception}: ${decision.action} by ${decision.by}, "${decision.reason}".\n${item.id} is now ${item.state}.${next}\n`,
        );
      });
    });
}

async function decisionRequest(
  context: CommandContext,
  exception: string,
  options: DecideOptions,
): Promise<DecisionRequest> {
  const chosen = actionOptions.filter(([key]) => options[key] !== undefined);
  const [only] = chosen;
  if (only === undefined || chosen.length > 1) {
    const names = actionOptions.map(([, name]) => name).join(", ");
    const given = chosen.length > 1 ? `; got ${chosen.map(([, name]) => name).join(" and ")}` : "";
    throw new ShopfloorError("invalid-argument", `decide needs exactly one of ${names}${given}`);
  }
  if (options.reason === undefined || options.reason.trim() === "") {
    throw new ShopfloorError(
      "invalid-argument",
      'decide needs --reason "why": it is kept with the decision',
      {
        field: "reason",
      },
    );
  }
  const by = options.by ?? context.io.environment.USER ?? context.io.environment.USERNAME;
  if (by === undefined || by.trim() === "") {
    throw new ShopfloorError("invalid-argument", "decide needs --by NAME: $USER is not set", {
      field: "by",
    });
  }
  const request: DecisionRequest = {
    exception,
    action: only[2],
    reason: options.reason.trim(),
    by: by.trim(),
  };
  if (options.clarify !== undefined) {
    const path = resolve(context.io.workingDirectory, options.clarify);
    if (!(await context.io.exists(path))) {
      throw new ShopfloorError("invalid-argument", `there is no spec file ${path}`, { path });
    }
    request.clarifiedSpecPath = path;
  }
  if (options.profile !== undefined) request.profile = options.profile;
  if (options.raiseBudget !== undefined) request.dailyBudgetUsd = options.raiseBudget;
  return request;
}
