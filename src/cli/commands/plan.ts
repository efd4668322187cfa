/**
 * `shopfloor plan`: the sample-size planner. With --pass-rate, the trials needed to demonstrate a rate;
 * with --profile, whether a suite of given size can ever approve under that profile and what it must add.
 */
import { Command, InvalidArgumentError as InvalidOptionValue } from "commander";
import {
  type ScenarioCategory,
  ShopfloorError,
  scenarioCategories,
} from "../../contracts/index.js";
import {
  defaultSuiteSizes,
  percent,
  planSuite,
  resolveProfile,
  type SuiteSizes,
} from "../../gate/index.js";
import { trialsToDemonstrate } from "../../stats/index.js";
import { type CommandContext, printJson } from "../command-context.js";
import { count, plural } from "../format.js";
import { loadConfig } from "../load-config.js";
import { parseCount, parseProbability } from "../option-parsers.js";
import { textTable } from "../text-table.js";

interface PlanOptions {
  passRate?: number;
  confidence: number;
  failures: number;
  profile?: string;
  suite?: SuiteSizes;
  config?: string;
  json?: boolean;
}

export function planCommand(context: CommandContext): Command {
  return new Command("plan")
    .description(
      "how many trials a pass rate needs, or whether a suite can approve under a profile",
    )
    .option("--pass-rate <rate>", "the pass rate to demonstrate, e.g. 0.999", parseProbability)
    .option("--confidence <level>", "confidence of the one-sided bound", parseProbability, 0.95)
    .option(
      "--failures <count>",
      "failures the run may contain and still demonstrate the rate",
      parseCount,
      0,
    )
    .option("--profile <name>", "plan a suite for this quality profile instead of a single rate")
    .option(
      "--suite <sizes>",
      `scenarios per category, e.g. normal=100,edge=50,malicious=30 (default: those)`,
      parseSuiteSizes,
    )
    .option("--config <path>", "config file with your own profiles")
    .option("--json", "print one JSON object")
    .addHelpText(
      "after",
      "\nExamples:\n  shopfloor plan --pass-rate 0.999 --confidence 0.95\n  shopfloor plan --profile standard --suite normal=100,edge=50,malicious=30",
    )
    .action(async (options: PlanOptions) => {
      if (options.profile !== undefined) {
        await planProfile(context, options.profile, options);
        return;
      }
      if (options.passRate === undefined) {
        throw new ShopfloorError(
          "invalid-argument",
          "plan needs --pass-rate <rate> or --profile <name>; see shopfloor plan --help",
          {
            field: "pass-rate",
          },
        );
      }
      planRate(context, options.passRate, options);
    });
}

function planRate(context: CommandContext, passRate: number, options: PlanOptions): void {
  const { confidence, failures } = options;
  const trials = trialsToDemonstrate({ passRate, confidence, failuresAllowed: failures });
  if (options.json) {
    printJson(context, {
      passRate,
      confidence,
      failuresAllowed: failures,
      trials,
      method: "clopper-pearson",
    });
    return;
  }
  const allowance =
    failures === 0 ? "no failure allowed" : `at most ${plural(failures, "failure")}`;
  const alternatives = [0, 1, 2, 3]
    .filter((alternative) => alternative !== failures)
    .map(
      (alternative) =>
        `${alternative} → ${count(trialsToDemonstrate({ passRate, confidence, failuresAllowed: alternative }))}`,
    );
  context.io.stdout(
    [
      `To show a pass rate of at least ${percent(passRate)} at ${percent(confidence)} confidence (one-sided Clopper–Pearson), with ${allowance}:`,
      `  ${count(trials)} trials`,
      `Other failure allowances (failures → trials): ${alternatives.join(", ")}`,
      "",
    ].join("\n"),
  );
}

async function planProfile(
  context: CommandContext,
  name: string,
  options: PlanOptions,
): Promise<void> {
  const config = await loadConfig(context.io, options.config);
  const plan = planSuite(resolveProfile(name, config), options.suite ?? defaultSuiteSizes);
  if (options.json) {
    printJson(context, plan);
    return;
  }
  const rows = plan.categories.map((category) => [
    category.category,
    count(category.scenarios),
    percent(category.threshold),
    percent(category.confidence),
    percent(category.bestLowerBound),
    category.canApprove ? "yes" : "no",
    category.failuresTolerated < 0 ? "–" : String(category.failuresTolerated),
    count(category.scenariosNeeded),
    category.scenariosToAdd === 0 ? "0" : `+${count(category.scenariosToAdd)}`,
  ]);
  const verdict = plan.canApprove
    ? `This suite can approve a build under "${plan.profile}".`
    : `This suite can never approve a build under "${plan.profile}": add ${count(plan.scenariosToAdd)} scenarios as shown.`;
  context.io.stdout(
    [
      `Suite plan for profile ${plan.profile}`,
      "",
      textTable(
        [
          "category",
          "scenarios",
          "threshold",
          "confidence",
          "best bound",
          "can approve",
          "failures ok",
          "needs",
          "add",
        ],
        rows,
        ["left", "right", "right", "right", "right", "left", "right", "right", "right"],
      ),
      "",
      verdict,
      "",
    ].join("\n"),
  );
}

function parseSuiteSizes(value: string): SuiteSizes {
  const sizes: Record<ScenarioCategory, number> = { ...defaultSuiteSizes };
  for (const part of value.split(",")) {
    const [name, size] = part.split("=").map((text) => text.trim());
    const category = scenarioCategories.find((known) => known === name);
    if (category === undefined || size === undefined) {
      throw new InvalidOptionValue(
        `"${part}" is not category=count with a category of ${scenarioCategories.join(", ")}`,
      );
    }
    sizes[category] = parseCount(size);
  }
  return sizes;
}
