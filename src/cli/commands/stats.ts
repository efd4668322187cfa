/** `shopfloor stats interval`: a binomial confidence interval, for checking the gate's arithmetic by hand. */
import { Command } from "commander";
import { ShopfloorError } from "../../contracts/index.js";
import { percent } from "../../gate/index.js";
import {
  binomialInterval,
  type IntervalMethod,
  type IntervalSide,
  intervalMethods,
} from "../../stats/index.js";
import { type CommandContext, printJson } from "../command-context.js";
import {
  parseChoice,
  parseCount,
  parsePositiveCount,
  parseProbability,
} from "../option-parsers.js";

interface IntervalOptions {
  successes: number;
  trials: number;
  confidence: number;
  method: IntervalMethod;
  side: IntervalSide;
  json?: boolean;
}

const sides: readonly IntervalSide[] = ["two-sided", "lower", "upper"];

export function statsCommand(context: CommandContext): Command {
  const interval = new Command("interval")
    .description("confidence interval for a pass rate from successes out of trials")
    .requiredOption("--successes <count>", "trials that passed", parseCount)
    .requiredOption("--trials <count>", "trials in all", parsePositiveCount)
    .option("--confidence <level>", "confidence level", parseProbability, 0.95)
    .option(
      "--method <name>",
      `one of ${intervalMethods.join(", ")}`,
      parseChoice(intervalMethods),
      "clopper-pearson",
    )
    .option(
      "--side <side>",
      "two-sided, or a one-sided lower or upper bound",
      parseChoice(sides),
      "two-sided",
    )
    .option("--json", "print one JSON object")
    .action((options: IntervalOptions) => {
      if (options.successes > options.trials) {
        throw new ShopfloorError(
          "invalid-argument",
          `--successes (${options.successes}) cannot exceed --trials (${options.trials})`,
          {
            field: "successes",
          },
        );
      }
      const result = binomialInterval(options);
      const rate = options.successes / options.trials;
      if (options.json) {
        printJson(context, { ...result, rate });
        return;
      }
      context.io.stdout(
        `${options.successes}/${options.trials} = ${percent(rate)}; ${percent(options.confidence)} ${options.side} ${options.method} interval: [${result.lower.toPrecision(10)}, ${result.upper.toPrecision(10)}]\n`,
      );
    });
  return new Command("stats").description("the statistics behind the gate").addCommand(interval);
}
