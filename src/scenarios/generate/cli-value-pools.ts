/**
 * Valid command-line words for each parameter of a cli target, drawn from the seed (field-values), and
 * the baseline command line built from them: every argument and every required option with a valid
 * value. Edge and malicious scenarios change one part of the baseline, so the change decides the outcome.
 */
import type { CommandLine } from "./cli-command-line.js";
import { argvText } from "./cli-command-line.js";
import type { CliParameter, CliTarget } from "./cli-scenario.js";
import { cliTextValidity } from "./cli-value-validity.js";
import { deriveSeed } from "./derive-seed.js";
import { boundaryCases, omitted, validValues } from "./field-values.js";

/** Valid words per parameter (booleans have none: they are flags). */
export type ValuePools = Map<CliParameter, string[]>;

export function valuePools(
  target: CliTarget,
  seed: number,
  count: number,
  notes: string[],
): ValuePools {
  const pools: ValuePools = new Map();
  for (const parameter of target.parameters) {
    if (parameter.field.type === "boolean" && parameter.kind === "option") continue;
    const key = `${target.command ?? ""}/${parameter.kind}/${parameter.name}`;
    const texts = validTexts(parameter, deriveSeed(seed, key), count);
    if (texts.length === 0) {
      notes.push(
        `no valid command-line value could be made for ${describeParameter(target, parameter)}; the scenarios that need one were left out`,
      );
    }
    pools.set(parameter, texts);
  }
  return pools;
}

/** Distinct valid words; the field's valid boundary values when no drawn value is written plainly. */
function validTexts(parameter: CliParameter, seed: number, count: number): string[] {
  const { field } = parameter;
  const drawn = validValues(field, seed, Math.max(1, count) * 2);
  const texts = distinctValidTexts(parameter, drawn);
  if (texts.length > 0) return texts;
  const boundaries = boundaryCases(field, { required: field.required })
    .filter((boundary) => boundary.valid && boundary.value !== omitted)
    .map((boundary) => boundary.value);
  return distinctValidTexts(parameter, boundaries);
}

function distinctValidTexts(parameter: CliParameter, values: readonly unknown[]): string[] {
  const texts = new Set<string>();
  for (const value of values) {
    const text = argvText(value);
    if (text === undefined || cliTextValidity(parameter.field, text) !== "valid") continue;
    texts.add(text);
  }
  return [...texts];
}

/**
 * Every argument and every required option with a valid word (the first, or the `variant`-th for a
 * variation); undefined when a required parameter has none. An optional argument without a valid word
 * ends the positionals there.
 */
export function baselineLine(
  target: CliTarget,
  pools: ValuePools,
  variant = 0,
): CommandLine | undefined {
  const line: CommandLine = {
    ...(target.command === undefined ? {} : { command: target.command }),
    options: [],
    arguments: [],
  };
  let positionalsEnded = false;
  for (const parameter of target.parameters) {
    const pool = pools.get(parameter) ?? [];
    const text = pool[variant % Math.max(1, pool.length)];
    if (parameter.kind === "argument") {
      if (text === undefined || positionalsEnded) {
        if (parameter.field.required) return undefined;
        positionalsEnded = true;
        continue;
      }
      line.arguments.push(text);
    } else if (parameter.field.required) {
      if (parameter.field.type === "boolean") line.options.push({ name: parameter.name });
      else if (text === undefined) return undefined;
      else line.options.push({ name: parameter.name, text });
    }
  }
  return line;
}

export function describeParameter(target: CliTarget, parameter: CliParameter): string {
  const name = parameter.kind === "option" ? `option --${parameter.name}` : parameter.name;
  return target.command === undefined ? name : `${name} of ${target.command}`;
}
