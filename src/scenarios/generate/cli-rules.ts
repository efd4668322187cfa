/**
 * The rules of a cli model (`requires`): which rule, if any, a valid command line breaks. The generators
 * then expect the clean failure the conventions promise (exit `errors.failure`, a message on stderr)
 * instead of success. Parameters are the expression's variables, `-` written `_`, with defaults applied.
 */
import { compileExpression } from "filtrex";
import type { CliRule, FieldDefinition } from "../../contracts/spec.js";
import type { CommandLine } from "./cli-command-line.js";
import type { CliTarget } from "./cli-scenario.js";

/** The first rule the line breaks; undefined when it meets them all or a rule cannot be decided. */
export function brokenRule(target: CliTarget, line: CommandLine): CliRule | undefined {
  if (target.rules.length === 0) return undefined;
  const values = lineValues(target, line);
  return target.rules.find((rule) => compileExpression(rule.check)(values) === false);
}

export function ruleVariable(parameterName: string): string {
  return parameterName.replaceAll("-", "_");
}

function lineValues(target: CliTarget, line: CommandLine): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const parameter of target.parameters) {
    const text =
      parameter.kind === "argument"
        ? line.arguments[parameter.position]
        : optionText(line, parameter.name, parameter.field);
    const value = text === undefined ? parameter.field.default : typedValue(parameter.field, text);
    if (value !== undefined) values[ruleVariable(parameter.name)] = value;
  }
  return values;
}

function optionText(line: CommandLine, name: string, field: FieldDefinition): string | undefined {
  const option = line.options.find((candidate) => candidate.name === name);
  if (option === undefined) return field.type === "boolean" ? "false" : undefined;
  return option.text ?? "true";
}

function typedValue(field: FieldDefinition, text: string): unknown {
  if (field.type === "integer" || field.type === "number") return Number(text);
  if (field.type === "boolean") return text === "true";
  return text;
}
