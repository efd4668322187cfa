/**
 * The pieces every cli scenario is built from: the targets of a model (each subcommand, or the program
 * itself when it has none), their parameters (positional arguments and options), ids and tags in the
 * generators' vocabulary, and a one-step scenario whose arguments reach the program exactly as written.
 */
import type { Assertion, Scenario } from "../../contracts/scenario.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import type { CliModel, CliRule, FieldDefinition } from "../../contracts/spec.js";
import { escapeTemplate } from "../template.js";
import { idPart } from "./cli-library-shared.js";

export interface CliTarget {
  /** The subcommand; undefined when the program itself takes the arguments and options. */
  command: string | undefined;
  parameters: CliParameter[];
  output: { pattern: string } | undefined;
  /** Rules a valid line must meet for its work to succeed (else it exits `errors.failure`). */
  rules: CliRule[];
}

export interface CliParameter {
  kind: "argument" | "option";
  name: string;
  field: FieldDefinition;
  /** The position of an argument among the positionals. */
  position: number;
}

export function cliTargets(model: CliModel): CliTarget[] {
  if (model.commands === undefined || Object.keys(model.commands).length === 0) {
    return [
      {
        command: undefined,
        parameters: parametersOf(model),
        output: model.output,
        rules: model.requires,
      },
    ];
  }
  return Object.entries(model.commands).map(([command, definition]) => ({
    command,
    parameters: parametersOf(definition),
    output: definition.output,
    rules: definition.requires,
  }));
}

function parametersOf(definition: {
  arguments: CliModel["arguments"];
  options: CliModel["options"];
}): CliParameter[] {
  const positionals = definition.arguments.map(
    (argument, position): CliParameter => ({
      kind: "argument",
      name: argument.name,
      field: argument,
      position,
    }),
  );
  const options = Object.entries(definition.options).map(
    ([name, field]): CliParameter => ({ kind: "option", name, field, position: -1 }),
  );
  return [...positionals, ...options];
}

/** `edge/convert/precision/max`: category, subcommand (when there are commands), then `parts`. */
export function cliScenarioId(
  category: ScenarioCategory,
  target: CliTarget,
  ...parts: string[]
): string {
  const command = target.command === undefined ? [] : [idPart(target.command)];
  return [category, ...command, ...parts.map(idPart)].join("/");
}

export function targetTags(target: CliTarget): string[] {
  return target.command === undefined ? [] : [`command:${target.command}`];
}

export function parameterTag(parameter: CliParameter): string {
  return `${parameter.kind}:${parameter.name}`;
}

/** How a parameter is named in a title: `--precision` or `<value>`. */
export function parameterLabel(parameter: CliParameter): string {
  return parameter.kind === "option" ? `--${parameter.name}` : `<${parameter.name}>`;
}

/** `convert: ` before a title when the model has subcommands. */
export function titlePrefix(target: CliTarget): string {
  return target.command === undefined ? "" : `${target.command}: `;
}

export interface CliScenarioDraft {
  id: string;
  category: ScenarioCategory;
  title: string;
  tags: string[];
  argv: readonly string[];
  expect: Assertion[];
  covers?: string[];
}

export function cliScenario(draft: CliScenarioDraft): Scenario {
  return {
    id: draft.id,
    category: draft.category,
    title: draft.title,
    tags: draft.tags,
    ...(draft.covers === undefined ? {} : { covers: draft.covers }),
    steps: [{ run: { args: draft.argv.map(escapeTemplate) }, expect: draft.expect }],
  };
}
