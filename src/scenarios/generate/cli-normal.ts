/**
 * Normal cli scenarios from the model: `--help` (for the program and each subcommand), then seeded valid
 * command lines — every required option, optional options and flags drawn at random, options in a random
 * order and sometimes written `--name=value`, positionals last — each expected to exit 0 with output
 * matching the model's pattern (or to fail cleanly, when the spec shows that valid lines can fail).
 * Lines of several subcommands are interleaved.
 */
import type { Scenario } from "../../contracts/scenario.js";
import { seededRandom } from "../../stats/random.js";
import { buildArgv, type CommandLine, describeArgv, type OptionPart } from "./cli-command-line.js";
import { helpExpectations } from "./cli-expectations.js";
import { type CliGeneration, validLineExpectations } from "./cli-generation-context.js";
import {
  type CliTarget,
  cliScenario,
  cliScenarioId,
  parameterTag,
  targetTags,
  titlePrefix,
} from "./cli-scenario.js";
import type { ValuePools } from "./cli-value-pools.js";
import { deriveSeed } from "./derive-seed.js";
import { interleave } from "./scenario-identity.js";

export function normalCliScenarios(generation: CliGeneration): Scenario[] {
  const lines = generation.targets.map((target) => validLineScenarios(generation, target));
  return [...helpScenarios(generation), ...interleave(lines)];
}

function helpScenarios(generation: CliGeneration): Scenario[] {
  const program = cliScenario({
    id: "normal/help",
    category: "normal",
    title: "--help exits 0 and prints the usage",
    tags: ["aspect:help"],
    argv: ["--help"],
    expect: helpExpectations(),
  });
  const commands = generation.targets.flatMap((target) =>
    target.command === undefined
      ? []
      : [
          cliScenario({
            id: cliScenarioId("normal", target, "help"),
            category: "normal",
            title: `${target.command} --help exits 0 and prints its usage`,
            tags: [...targetTags(target), "aspect:help"],
            argv: [target.command, "--help"],
            expect: helpExpectations(),
          }),
        ],
  );
  return [program, ...commands];
}

function validLineScenarios(generation: CliGeneration, target: CliTarget): Scenario[] {
  const pools = generation.pools.get(target);
  if (pools === undefined || generation.baselines.get(target) === undefined) return [];
  const key = `${target.command ?? ""}/valid-lines`;
  const random = seededRandom(deriveSeed(generation.seed, key));
  const wanted = generation.validLinesPerTarget;
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  for (let attempt = 0; attempt < wanted * 3 && scenarios.length < wanted; attempt += 1) {
    const line = randomValidLine(target, pools, attempt, random);
    const argv = buildArgv(line);
    const argvKey = JSON.stringify(argv);
    if (seen.has(argvKey)) continue;
    seen.add(argvKey);
    const number = scenarios.length + 1;
    scenarios.push(
      cliScenario({
        id: cliScenarioId("normal", target, `valid-${number}`),
        category: "normal",
        title: `${titlePrefix(target)}valid command line ${number} succeeds: ${describeArgv(argv)}`,
        tags: [
          ...targetTags(target),
          ...usedParameterTags(target, line),
          target.output === undefined ? "aspect:usage" : "aspect:output",
        ],
        argv,
        expect: validLineExpectations(generation, target, line),
      }),
    );
  }
  return scenarios;
}

function randomValidLine(
  target: CliTarget,
  pools: ValuePools,
  index: number,
  random: () => number,
): CommandLine {
  const options: OptionPart[] = [];
  const positionals: string[] = [];
  let positionalsEnded = false;
  for (const [parameterIndex, parameter] of target.parameters.entries()) {
    const { field } = parameter;
    if (parameter.kind === "option" && field.type === "boolean") {
      if (field.required || random() < 0.5) options.push({ name: parameter.name });
      continue;
    }
    const pool = pools.get(parameter) ?? [];
    const text = pool[index % Math.max(1, pool.length)];
    if (parameter.kind === "argument") {
      const restOptional = target.parameters
        .slice(parameterIndex)
        .every((later) => later.kind === "option" || !later.field.required);
      if (positionalsEnded || text === undefined || (restOptional && random() < 0.2)) {
        positionalsEnded = true;
        continue;
      }
      positionals.push(text);
    } else if (text !== undefined && (field.required || random() < 0.6)) {
      options.push({ name: parameter.name, text, form: random() < 0.3 ? "equals" : "separate" });
    }
  }
  return {
    ...(target.command === undefined ? {} : { command: target.command }),
    options: shuffled(options, random),
    arguments: positionals,
  };
}

function shuffled<Item>(items: readonly Item[], random: () => number): Item[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as Item, copy[index] as Item];
  }
  return copy;
}

function usedParameterTags(target: CliTarget, line: CommandLine): string[] {
  return target.parameters
    .filter((parameter) =>
      parameter.kind === "option"
        ? line.options.some((option) => option.name === parameter.name)
        : parameter.position < line.arguments.length,
    )
    .map(parameterTag);
}
