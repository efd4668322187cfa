/**
 * Writes the scaffolded service's `src/validation.ts`: the rules of every field of every entity and
 * action input, as data, and the checks docs/spec-conventions.md asks for (type, null, required,
 * min/max, lengths in code points, whole-value pattern, enum, calendar date, email, unknown, id and
 * read-only fields). Only the checks the model uses are written: a service without dates has no
 * date check.
 */
import type { FieldDefinition, FieldType } from "../../contracts/spec.js";
import { emailPattern } from "../../contracts/spec.js";
import {
  docComment,
  lines,
  literal,
  objectLiteral,
  regexLiteral,
  wholePatternSource,
} from "./code-text.js";
import type { ServicePlan } from "./service-plan.js";

type Feature =
  | FieldType
  | "range"
  | "length"
  | "pattern"
  | "enum"
  | "readOnly"
  | "unique"
  | "default";

const typeDescriptions: Record<FieldType, string> = {
  string: "a string",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  date: "a calendar date written YYYY-MM-DD",
  email: "an email address",
};

const typeChecks: Record<FieldType, string> = {
  string: 'typeof value === "string"',
  integer: "Number.isInteger(value)",
  number: 'typeof value === "number" && Number.isFinite(value)',
  boolean: 'typeof value === "boolean"',
  date: 'typeof value === "string" && isCalendarDate(value)',
  email: 'typeof value === "string" && emailPattern.test(value)',
};

/** Every field of the model: the entities' and the actions' inputs. */
export function allFields(plan: ServicePlan): FieldDefinition[] {
  return plan.entities.flatMap((entity) => [
    ...Object.values(entity.definition.fields),
    ...entity.actions.flatMap((action) => Object.values(action.definition.input)),
  ]);
}

function featuresOf(fields: readonly FieldDefinition[]): Set<Feature> {
  const features = new Set<Feature>();
  for (const field of fields) {
    features.add(field.type);
    if (field.min !== undefined || field.max !== undefined) features.add("range");
    if (field.minLength !== undefined || field.maxLength !== undefined) features.add("length");
    if (field.pattern !== undefined) features.add("pattern");
    if (field.enum !== undefined) features.add("enum");
    if (field.readOnly) features.add("readOnly");
    if (field.unique) features.add("unique");
    if (field.default !== undefined) features.add("default");
  }
  return features;
}

/** A field's rules as a TypeScript object literal, in a fixed order. */
export function fieldRulesLiteral(
  field: FieldDefinition,
  indent: string,
  usedWidth: number,
): string {
  const entries: [string, string][] = [["type", literal(field.type)]];
  if (field.required) entries.push(["required", "true"]);
  if (field.unique) entries.push(["unique", "true"]);
  if (field.readOnly) entries.push(["readOnly", "true"]);
  for (const key of ["min", "max", "minLength", "maxLength"] as const) {
    const value = field[key];
    if (value !== undefined) entries.push([key, literal(value)]);
  }
  if (field.pattern !== undefined) {
    entries.push(["pattern", regexLiteral(wholePatternSource(field.pattern))]);
  }
  if (field.enum !== undefined) entries.push(["enum", literal(field.enum)]);
  if (field.default !== undefined) entries.push(["default", literal(field.default)]);
  return objectLiteral(entries, indent, usedWidth);
}

function fieldsConstant(
  name: string,
  comment: string,
  fields: Record<string, FieldDefinition>,
): string {
  const entries = Object.entries(fields).map(([fieldName, field]) =>
    lines(
      field.description === undefined ? undefined : docComment(field.description, "  "),
      // TypeScript types a key named like a member of Object (`constructor`) from that member.
      Object.hasOwn(Object.prototype, fieldName)
        ? `  ${fieldName}: ${fieldRulesLiteral(field, "  ", fieldName.length + 24)} satisfies FieldRules,`
        : `  ${fieldName}: ${fieldRulesLiteral(field, "  ", fieldName.length + 3)},`,
    ),
  );
  const body = entries.length === 0 ? "{}" : `{\n${entries.join("\n")}\n}`;
  return lines(docComment(comment), `export const ${name}: Fields = ${body};`);
}

export function renderValidation(plan: ServicePlan): string {
  const hasActions = plan.entities.some((entity) => entity.actions.length > 0);
  const features = featuresOf(allFields(plan));
  const has = (feature: Feature) => features.has(feature);
  const types = (Object.keys(typeDescriptions) as FieldType[]).filter(has);
  const constants = plan.entities.flatMap((entity) => [
    fieldsConstant(
      entity.fieldsConstant,
      entity.definition.description ?? `The fields of a ${entity.name}.`,
      entity.definition.fields,
    ),
    ...entity.actions.map((action) =>
      fieldsConstant(
        action.inputConstant,
        `The input of a ${entity.name}'s ${action.name}.`,
        action.definition.input,
      ),
    ),
  ]);
  return `${lines(
    docComment(
      `Validation for ${plan.name}: the rules of every field the model declares${hasActions ? ", for records and for the input of actions" : ""}. A body is refused whole, with the first problem found, and nothing changes.`,
    ),
    "",
    "/** A JSON object: a request's body or a stored record. */",
    "export type JsonObject = Record<string, unknown>;",
    "",
    `export type FieldType = ${types.map((type) => literal(type)).join(" | ")};`,
    "",
    "/** One field's rules, as the spec's model declares them. */",
    "export interface FieldRules {",
    "  type: FieldType;",
    "  required?: boolean;",
    has("unique") && "  /** No two records may have the same value. */\n  unique?: boolean;",
    has("readOnly") && "  /** Set by the service, never by a client. */\n  readOnly?: boolean;",
    has("range") && "  min?: number;\n  max?: number;",
    has("length") &&
      "  /** In Unicode code points, not UTF-16 units. */\n  minLength?: number;\n  maxLength?: number;",
    has("pattern") && "  /** Must match the whole value. */\n  pattern?: RegExp;",
    has("enum") && "  enum?: readonly (string | number)[];",
    has("default") &&
      "  /** What a new record holds when its body leaves the field out. */\n  default?: string | number | boolean;",
    "}",
    "",
    "export type Fields = Readonly<Record<string, FieldRules>>;",
    "",
    "/** The field that holds a record's id: assigned by the service, never sent by a client. */",
    `export const idField = ${literal(plan.model.http.idField)};`,
    "",
    constants.join("\n\n"),
    "",
    "/** A body found valid, or what is wrong with it. */",
    "export type Validation = { valid: true; body: JsonObject } | { valid: false; problem: string };",
    "",
    "/** A record's body on create, or on update (`partial`), where no field is required. */",
    "export function validateRecord(body: unknown, fields: Fields, partial: boolean): Validation {",
    '  if (!isJsonObject(body)) return { valid: false, problem: "the body must be a JSON object" };',
    "  if (Object.hasOwn(body, idField)) {",
    `    return { valid: false, problem: \`\${idField} is assigned by the service and cannot be sent\` };`,
    "  }",
    "  const problem = fieldsProblem(body, fields, partial);",
    "  return problem === undefined ? { valid: true, body } : { valid: false, problem };",
    "}",
    "",
    hasActions &&
      lines(
        "/** An action's input: a JSON object of the action's input fields. */",
        "export function validateInput(body: unknown, fields: Fields): Validation {",
        '  if (!isJsonObject(body)) return { valid: false, problem: "the input must be a JSON object" };',
        "  const problem = fieldsProblem(body, fields, false);",
        "  return problem === undefined ? { valid: true, body } : { valid: false, problem };",
        "}",
        "",
      ),
    "/** The body's fields in the model's order, with the defaults of those it leaves out. */",
    "export function withDefaults(body: JsonObject, fields: Fields): JsonObject {",
    "  const complete: JsonObject = {};",
    has("default")
      ? lines(
          "  for (const [name, rules] of Object.entries(fields)) {",
          "    if (Object.hasOwn(body, name)) complete[name] = body[name];",
          "    else if (rules.default !== undefined) complete[name] = rules.default;",
          "  }",
        )
      : lines(
          "  for (const name of Object.keys(fields)) {",
          "    if (Object.hasOwn(body, name)) complete[name] = body[name];",
          "  }",
        ),
    "  return complete;",
    "}",
    "",
    "function fieldsProblem(body: JsonObject, fields: Fields, partial: boolean): string | undefined {",
    "  for (const name of Object.keys(body)) {",
    "    const rules = Object.hasOwn(fields, name) ? fields[name] : undefined;",
    `    if (rules === undefined) return \`there is no field \${quoted(name)}\`;`,
    has("readOnly") &&
      `    if (rules.readOnly) return \`\${name} is set by the service and cannot be sent\`;`,
    "  }",
    "  for (const [name, rules] of Object.entries(fields)) {",
    "    if (Object.hasOwn(body, name)) {",
    "      const problem = valueProblem(name, rules, body[name]);",
    "      if (problem !== undefined) return problem;",
    `    } else if (rules.required && !partial) return \`\${name} is required\`;`,
    "  }",
    "  return undefined;",
    "}",
    "",
    "/** What is wrong with one value of a field, or undefined when the field accepts it. */",
    `${hasActions ? "export " : ""}function valueProblem(name: string, rules: FieldRules, value: unknown): string | undefined {`,
    `  if (value === null) return \`\${name} cannot be null\`;`,
    `  if (!hasType(rules.type, value)) return \`\${name} must be \${typeDescriptions[rules.type]}\`;`,
    has("enum") &&
      lines(
        "  if (rules.enum !== undefined && !rules.enum.some((allowed) => allowed === value)) {",
        `    return \`\${name} must be one of \${rules.enum.join(", ")}\`;`,
        "  }",
      ),
    has("range") && '  if (typeof value === "number") return rangeProblem(name, rules, value);',
    (has("length") || has("pattern")) &&
      '  if (typeof value === "string") return textProblem(name, rules, value);',
    "  return undefined;",
    "}",
    "",
    "const typeDescriptions: Record<FieldType, string> = {",
    ...types.map((type) => `  ${type}: ${literal(typeDescriptions[type])},`),
    "};",
    "",
    "function hasType(type: FieldType, value: unknown): boolean {",
    "  switch (type) {",
    ...types.map((type) => `    case ${literal(type)}:\n      return ${typeChecks[type]};`),
    "  }",
    "}",
    has("range") && rangeProblemFunction,
    (has("length") || has("pattern")) && textProblemFunction(has("length"), has("pattern")),
    has("date") && calendarDateFunction,
    has("email") &&
      `\n/** An address as the conventions define one: something@something.something. */\nconst emailPattern = ${regexLiteral(emailPattern)};`,
    "",
    "function isJsonObject(value: unknown): value is JsonObject {",
    '  return typeof value === "object" && value !== null && !Array.isArray(value);',
    "}",
    "",
    "/** A name the client sent, quoted only when it is a plain word: input is never echoed. */",
    "function quoted(name: string): string {",
    `  return /^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(name) ? \`"\${name}"\` : "with that name";`,
    "}",
  )}\n`;
}

const rangeProblemFunction = `
function rangeProblem(name: string, rules: FieldRules, value: number): string | undefined {
  if (rules.min !== undefined && value < rules.min) return \`\${name} must be at least \${rules.min}\`;
  if (rules.max !== undefined && value > rules.max) return \`\${name} must be at most \${rules.max}\`;
  return undefined;
}`;

function textProblemFunction(length: boolean, pattern: boolean): string {
  return lines(
    "",
    "function textProblem(name: string, rules: FieldRules, value: string): string | undefined {",
    length &&
      lines(
        "  const length = [...value].length; // code points, not UTF-16 units",
        "  if (rules.minLength !== undefined && length < rules.minLength) {",
        `    return \`\${name} must have at least \${rules.minLength} characters\`;`,
        "  }",
        "  if (rules.maxLength !== undefined && length > rules.maxLength) {",
        `    return \`\${name} must have at most \${rules.maxLength} characters\`;`,
        "  }",
      ),
    pattern &&
      lines(
        "  if (rules.pattern !== undefined && !rules.pattern.test(value)) {",
        `    return \`\${name} must match \${rules.pattern.source}\`;`,
        "  }",
      ),
    "  return undefined;",
    "}",
  );
}

const calendarDateFunction = `
/** \`YYYY-MM-DD\` naming a day that exists in the (proleptic Gregorian) calendar: not 2023-02-29. */
function isCalendarDate(text: string): boolean {
  if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}`;
