/**
 * The spec: what a person asks the factory to build. A Markdown file with front matter (name, kind,
 * profile, budget), prose requirements, a list of acceptance criteria and, optionally, a structured model
 * in a fenced YAML block (```yaml model) that the offline generators and the scaffold agent read. This
 * module holds the schemas of the front matter and of the three kinds of model; `src/requirements` reads
 * the Markdown around them.
 */
import { z } from "zod";
import { scenarioCategories } from "./scenario-category.js";

export const specKinds = ["http-service", "cli", "library"] as const;
export const SpecKind = z.enum(specKinds);
export type SpecKind = z.infer<typeof SpecKind>;

const Name = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*$/,
    "a name is lower-case letters, digits and '-', starting with a letter",
  );
const Identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a name is a word: letters, digits and '_'");

/** How many scenarios of each category to generate; the defaults are the article's 100/50/30. */
export const ScenarioCounts = z.strictObject({
  normal: z.int().nonnegative().default(100),
  edge: z.int().nonnegative().default(50),
  malicious: z.int().nonnegative().default(30),
});
export type ScenarioCounts = z.infer<typeof ScenarioCounts>;
export const defaultScenarioCounts: ScenarioCounts = ScenarioCounts.parse({});

export const SpecFrontMatter = z.strictObject({
  name: Name,
  kind: SpecKind,
  /** The quality profile the gate applies; the config's default profile when absent. */
  profile: z.string().min(1).optional(),
  /** A cap on what one work item of this spec may spend, in US dollars. */
  budget: z.strictObject({ usd: z.number().positive() }).optional(),
  description: z.string().optional(),
  /** Counts the spec asks for; the rest keep their defaults. */
  scenarios: z
    .strictObject({
      normal: z.int().nonnegative().optional(),
      edge: z.int().nonnegative().optional(),
      malicious: z.int().nonnegative().optional(),
    })
    .optional(),
  /** An OpenAPI 3 document, relative to the spec, instead of (or besides) the model's entities. */
  openapi: z.string().min(1).optional(),
});
export type SpecFrontMatter = z.infer<typeof SpecFrontMatter>;

export const fieldTypes = ["string", "integer", "number", "boolean", "date", "email"] as const;
export const FieldType = z.enum(fieldTypes);
export type FieldType = z.infer<typeof FieldType>;

/** What an `email` field accepts (docs/spec-conventions.md): generators and services agree on it. */
export const emailPattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
/** A `date` is written `YYYY-MM-DD` and must be a real calendar date. */
export const datePattern = "^\\d{4}-\\d{2}-\\d{2}$";

const numericTypes: readonly FieldType[] = ["integer", "number"];
const textTypes: readonly FieldType[] = ["string", "email"];

const FieldObject = z.strictObject({
  type: FieldType,
  description: z.string().optional(),
  required: z.boolean().default(false),
  /** Numbers: the smallest and largest value allowed, inclusive. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Strings: the fewest and most characters (Unicode code points), inclusive. */
  minLength: z.int().nonnegative().optional(),
  maxLength: z.int().positive().optional(),
  /** Strings: a regular expression (JavaScript syntax) the whole value must match. */
  pattern: z.string().min(1).optional(),
  enum: z
    .array(z.union([z.string(), z.number()]))
    .min(1)
    .optional(),
  /** No two records may have the same value. */
  unique: z.boolean().default(false),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** Set by the service, never by a client (an action's effects may change it). */
  readOnly: z.boolean().default(false),
});

/** A field: `{ type: string, required: true, maxLength: 200 }`, or just its type: `string`. */
export const FieldDefinition = z
  .union([FieldType.transform((type) => ({ type })), FieldObject])
  .pipe(FieldObject)
  .superRefine(checkField);
export type FieldDefinition = z.output<typeof FieldObject>;

/** A positional argument, an option or a function parameter: a field with a name. */
export const ParameterDefinition = FieldObject.extend({
  name: z
    .string()
    .regex(/^[a-z][A-Za-z0-9-]*$/, "a parameter name is a word, e.g. value or dry-run"),
}).superRefine(checkField);
export type ParameterDefinition = z.output<typeof ParameterDefinition>;

function checkField(field: z.output<typeof FieldObject>, context: z.RefinementCtx): void {
  const problem = (message: string, path: string) =>
    context.addIssue({ code: "custom", message, path: [path] });
  const numeric = numericTypes.includes(field.type);
  const textual = textTypes.includes(field.type);
  if (!numeric && (field.min !== undefined || field.max !== undefined))
    problem(`min and max apply to numbers, not to ${field.type}`, "min");
  if (!textual && (field.minLength !== undefined || field.maxLength !== undefined))
    problem(`minLength and maxLength apply to strings, not to ${field.type}`, "minLength");
  if (field.type !== "string" && field.pattern !== undefined)
    problem(`pattern applies to strings, not to ${field.type}`, "pattern");
  if (field.min !== undefined && field.max !== undefined && field.min > field.max)
    problem(`min ${field.min} is above max ${field.max}`, "min");
  if (
    field.minLength !== undefined &&
    field.maxLength !== undefined &&
    field.minLength > field.maxLength
  )
    problem(`minLength ${field.minLength} is above maxLength ${field.maxLength}`, "minLength");
  if (field.pattern !== undefined && !compiles(field.pattern))
    problem(
      `pattern ${JSON.stringify(field.pattern)} is not a valid regular expression`,
      "pattern",
    );
  if (field.required && field.default !== undefined)
    problem("a required field has no default: drop one of the two", "default");
  if (field.readOnly && field.required)
    problem("a read-only field is set by the service; it cannot be required", "readOnly");
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

const Fields = z
  .record(Identifier, FieldDefinition)
  .refine((fields) => Object.keys(fields).length > 0, "at least one field");

export const crudOperations = ["create", "read", "list", "update", "delete"] as const;
export const CrudOperation = z.enum(crudOperations);
export type CrudOperation = z.infer<typeof CrudOperation>;

/** A precondition of an action: an expression over the record's fields and the action's input. */
export const ActionRule = z.strictObject({
  check: z.string().min(1),
  /** What the service answers when the check is false. */
  status: z.int().min(400).max(499).default(409),
  error: z.string().min(1),
});
export type ActionRule = z.infer<typeof ActionRule>;

/**
 * A named action on one record, beyond CRUD: `POST /products/{id}/reserve { quantity }`. It validates its
 * input like fields, refuses when a rule fails (nothing changes), otherwise applies its effects (each an
 * expression computing a field's new value) and answers with the updated record.
 */
export const ActionDefinition = z.strictObject({
  description: z.string().optional(),
  method: z.enum(["POST", "PUT", "PATCH"]).default("POST"),
  input: z.record(Identifier, FieldDefinition).default({}),
  requires: z.array(ActionRule).default([]),
  effects: z.record(Identifier, z.string().min(1)).default({}),
  status: z.int().min(200).max(299).default(200),
});
export type ActionDefinition = z.infer<typeof ActionDefinition>;

export const EntityDefinition = z.strictObject({
  description: z.string().optional(),
  /** The collection's path; `/` + the entity's name + `s` when absent. */
  path: z
    .string()
    .regex(/^(\/[A-Za-z0-9_-]+)+$/, "a path such as /todos")
    .optional(),
  fields: Fields,
  operations: z.array(CrudOperation).default([...crudOperations]),
  actions: z.record(Identifier, ActionDefinition).default({}),
});
export type EntityDefinition = z.infer<typeof EntityDefinition>;

/** What a service answers when it refuses a request; every error body is a JSON object. */
export const HttpErrorBehaviour = z.strictObject({
  validation: z.int().min(400).max(499).default(400),
  notFound: z.int().min(400).max(499).default(404),
  conflict: z.int().min(400).max(499).default(409),
  /** The string field of an error body that says what was wrong. */
  messageField: Identifier.default("error"),
});
export type HttpErrorBehaviour = z.infer<typeof HttpErrorBehaviour>;

/** The HTTP conventions of the generated tests and the scaffolded service; the defaults are REST-ish. */
export const HttpConventions = z.strictObject({
  /** The field that holds a record's identifier, assigned by the service on create. */
  idField: Identifier.default("id"),
  health: z.string().startsWith("/").default("/health"),
  pageParameter: Identifier.default("page"),
  limitParameter: Identifier.default("limit"),
  defaultLimit: z.int().positive().default(20),
  maximumLimit: z.int().positive().default(100),
  /** A list answers `{ items: [...], page, limit, total }`. */
  itemsField: Identifier.default("items"),
  totalField: Identifier.default("total"),
  /** Requests larger than this are refused with 413. */
  maximumBodyBytes: z.int().positive().default(65_536),
});
export type HttpConventions = z.infer<typeof HttpConventions>;

/**
 * A worked example in the model, usually for one acceptance criterion: steps in the scenario format of
 * the spec's kind (http requests, command-line runs or function calls), checked by the suite loader.
 */
export const ModelExample = z.strictObject({
  title: z.string().min(1),
  /** The acceptance criteria it shows, by id (`AC1`). */
  criteria: z.array(z.string().min(1)).default([]),
  category: z.enum(scenarioCategories).default("normal"),
  steps: z.array(z.record(z.string(), z.unknown())).min(1),
});
export type ModelExample = z.infer<typeof ModelExample>;

export const HttpServiceModel = z.strictObject({
  entities: z
    .record(Identifier, EntityDefinition)
    .refine((entities) => Object.keys(entities).length > 0, "at least one entity"),
  errors: HttpErrorBehaviour.default(HttpErrorBehaviour.parse({})),
  http: HttpConventions.default(HttpConventions.parse({})),
  examples: z.array(ModelExample).default([]),
});
export type HttpServiceModel = z.infer<typeof HttpServiceModel>;

/**
 * A rule a valid command line must also meet for its work to succeed: an expression over the parameters
 * (a `-` in a name is written `_`: `dry_run`). A line that breaks it exits `errors.failure` with a message.
 */
export const CliRule = z.strictObject({
  check: z.string().min(1),
  error: z.string().min(1),
});
export type CliRule = z.infer<typeof CliRule>;

export const CliCommandDefinition = z.strictObject({
  description: z.string().optional(),
  /** Positional arguments, in order. */
  arguments: z.array(ParameterDefinition).default([]),
  /** `--name value` options, or `--name` flags for booleans. */
  options: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), FieldDefinition).default({}),
  /** What a successful run prints on stdout: a regular expression for the whole output (trimmed). */
  output: z.strictObject({ pattern: z.string().min(1) }).optional(),
  requires: z.array(CliRule).default([]),
});

export const CliErrorBehaviour = z.strictObject({
  /** Exit code for a bad command line (unknown option, missing or invalid argument). */
  usage: z.int().min(1).max(125).default(2),
  /** Exit code for a valid command line whose work fails. */
  failure: z.int().min(1).max(125).default(1),
});
export type CliErrorBehaviour = z.infer<typeof CliErrorBehaviour>;

export const CliModel = z.strictObject({
  /** How the built program is run, from the build's folder: `[node, tempconv.mjs]`. */
  command: z.array(z.string().min(1)).min(1),
  /** Subcommands by name; without them the program itself takes the arguments and options below. */
  commands: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), CliCommandDefinition).optional(),
  arguments: CliCommandDefinition.shape.arguments,
  options: CliCommandDefinition.shape.options,
  output: CliCommandDefinition.shape.output,
  requires: CliCommandDefinition.shape.requires,
  errors: CliErrorBehaviour.default(CliErrorBehaviour.parse({})),
  examples: z.array(ModelExample).default([]),
});
export type CliModel = z.infer<typeof CliModel>;

export const FunctionDefinition = z.strictObject({
  description: z.string().optional(),
  parameters: z.array(ParameterDefinition).default([]),
  /** What a valid call returns. */
  returns: FieldDefinition.optional(),
  /** The name of the error class an invalid argument throws, e.g. `ValidationError`. */
  throws: z.string().min(1).default("Error"),
});

export const LibraryModel = z.strictObject({
  /** The module under test, from the build's folder: `./index.mjs`. */
  module: z.string().min(1),
  functions: z
    .record(Identifier, FunctionDefinition)
    .refine((functions) => Object.keys(functions).length > 0, "at least one function"),
  examples: z.array(ModelExample).default([]),
});
export type LibraryModel = z.infer<typeof LibraryModel>;

export type SpecModel =
  | { kind: "http-service"; model: HttpServiceModel }
  | { kind: "cli"; model: CliModel }
  | { kind: "library"; model: LibraryModel };

/** An acceptance criterion, numbered `AC1`, `AC2`… unless the spec writes its own id (`**AC-7**: …`). */
export interface AcceptanceCriterion {
  id: string;
  text: string;
  line: number;
  /**
   * Worked examples written inline: `` `POST /todos {"title": "Milk"}` → 201 `` or
   * `` `tempconv --to f 100` → `212` ``: the code before the arrow and what follows it.
   */
  examples: CriterionExample[];
}

export interface CriterionExample {
  input: string;
  expected: string;
  line: number;
}

/** A paragraph or list item of prose, with its line, for the requirements lint. */
export interface ProseBlock {
  text: string;
  line: number;
  /** The heading it sits under, or "" before the first heading. */
  section: string;
}

export interface Spec {
  /** Where it was read from, for messages. */
  source: string;
  /** sha256 of the file's text: which version of the spec a suite was generated from. */
  hash: string;
  frontMatter: SpecFrontMatter;
  /** The first heading, or the name. */
  title: string;
  prose: ProseBlock[];
  criteria: AcceptanceCriterion[];
  /** The structured model, when the spec has one (from its YAML block or its OpenAPI document). */
  model?: SpecModel;
  /** The line of the model's YAML block, for messages about it. */
  modelLine?: number;
}
