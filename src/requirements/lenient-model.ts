/**
 * A model made from a block that failed its schema, so that the checks across the model still run on its
 * valid parts and the spec's problems are reported all at once. Each part that does not parse is replaced
 * by a placeholder that keeps its name and position and raises no problem of its own.
 */
import { z } from "zod";
import {
  ActionDefinition,
  ActionRule,
  CliCommandDefinition,
  type CliModel,
  FieldDefinition,
  FunctionDefinition,
  type HttpServiceModel,
  type LibraryModel,
  ModelExample,
  ParameterDefinition,
  type SpecKind,
  type SpecModel,
} from "../contracts/spec.js";

const placeholderField = FieldDefinition.parse("string");
const placeholderParameter = ParameterDefinition.parse({ type: "string", name: "placeholder" });
const placeholderExample = { title: "(invalid)", criteria: [], category: "normal", steps: [] };

export function lenientModel(kind: SpecKind, written: Record<string, unknown>): SpecModel {
  const examples = items(written.examples, ModelExample, placeholderExample as ModelExample);
  if (kind === "http-service") {
    const model = {
      entities: mapEntries(written.entities, lenientEntity),
      examples,
    } as unknown as HttpServiceModel;
    return { kind, model };
  }
  if (kind === "cli") {
    const model = {
      ...lenientCommand(written),
      command: ["(invalid)"],
      commands: mapEntries(written.commands, lenientCommand),
      examples,
    } as unknown as CliModel;
    return { kind, model };
  }
  const functions = mapEntries(written.functions, (raw) => {
    const parsed = FunctionDefinition.safeParse(raw);
    if (parsed.success) return parsed.data;
    const fields = record(raw);
    const returns = FieldDefinition.safeParse(fields.returns);
    return {
      parameters: items(fields.parameters, ParameterDefinition, placeholderParameter),
      ...(returns.success ? { returns: returns.data } : {}),
    };
  });
  return { kind, model: { module: "(invalid)", functions, examples } as unknown as LibraryModel };
}

function lenientEntity(raw: unknown) {
  const fields = record(raw);
  return {
    fields: entries(fields.fields, FieldDefinition, placeholderField),
    actions: mapEntries(fields.actions, (action) => {
      const parsed = ActionDefinition.safeParse(action);
      if (parsed.success) return parsed.data;
      const parts = record(action);
      const rule = { check: "true", status: 409, error: "(invalid)" };
      return {
        input: entries(parts.input, FieldDefinition, placeholderField),
        requires: items(parts.requires, ActionRule, rule),
        effects: entries(parts.effects, z.string().min(1), "true"),
      };
    }),
  };
}

function lenientCommand(raw: unknown) {
  const parsed = CliCommandDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = record(raw);
  return {
    arguments: items(fields.arguments, ParameterDefinition, placeholderParameter),
    options: entries(fields.options, FieldDefinition, placeholderField),
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Each entry parsed, or its placeholder when it does not parse. */
function entries<Value>(
  value: unknown,
  schema: z.ZodType<Value>,
  placeholder: Value,
): Record<string, Value> {
  return mapEntries(value, (raw) => schema.safeParse(raw).data ?? placeholder);
}

function mapEntries<Value>(value: unknown, make: (raw: unknown) => Value): Record<string, Value> {
  return Object.fromEntries(Object.entries(record(value)).map(([key, raw]) => [key, make(raw)]));
}

function items<Value>(value: unknown, schema: z.ZodType<Value>, placeholder: Value): Value[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => schema.safeParse(raw).data ?? placeholder);
}
