/**
 * The properties of an OpenAPI (dereferenced) object schema as model fields: scalar types and their
 * constraints map one to one; what a field cannot say (nested objects, arrays, oneOf, nullable…) is a
 * problem naming the JSON pointer of the property, never dropped in silence.
 */

export type JsonObject = Record<string, unknown>;

export interface OpenApiProblem {
  /** A JSON pointer into the OpenAPI document: `#/paths/~1todos/post/requestBody`. */
  pointer: string;
  message: string;
}

export interface FieldsReading {
  /** Raw field definitions, validated later with the rest of the model. */
  fields: Record<string, JsonObject>;
  problems: OpenApiProblem[];
}

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** `#/paths/~1todos`: `~` and `/` escaped as JSON pointers require. */
export function pointerTo(...keys: readonly string[]): string {
  return `#/${keys.map((key) => key.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
}

const unsupportedKeywords: Record<string, string> = {
  oneOf: "oneOf is not supported: a field has one type",
  anyOf: "anyOf is not supported: a field has one type",
  allOf: "allOf is not supported: write the properties in one schema",
  not: "not is not supported",
  nullable: "nullable is not supported: a field never holds null",
  exclusiveMinimum: "exclusiveMinimum is not supported: use minimum",
  exclusiveMaximum: "exclusiveMaximum is not supported: use maximum",
  multipleOf: "multipleOf is not supported",
};

const copiedKeys: Record<string, string> = {
  description: "description",
  minLength: "minLength",
  maxLength: "maxLength",
  minimum: "min",
  maximum: "max",
  pattern: "pattern",
  enum: "enum",
  default: "default",
  readOnly: "readOnly",
};

/** The fields of an object schema, without the properties named in `skipped` (the id). */
export function fieldsFromSchema(
  schema: JsonObject,
  pointer: string,
  skipped: readonly string[] = [],
): FieldsReading {
  const problems = schemaShapeProblems(schema, pointer);
  const properties = asObject(schema.properties);
  if (properties === undefined) {
    if (problems.length === 0)
      problems.push({ pointer, message: "an object schema with properties is expected here" });
    return { fields: {}, problems };
  }
  const required = Array.isArray(schema.required) ? schema.required : [];
  const fields: Record<string, JsonObject> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (skipped.includes(name)) continue;
    const propertyPointer = `${pointer}/properties/${pointerTo(name).slice(2)}`;
    const reading = fieldFromProperty(asObject(property) ?? {}, propertyPointer);
    problems.push(...reading.problems);
    if (reading.field === undefined) continue;
    // A read-only property is set by the service: required in a response, never in a request.
    if (required.includes(name) && reading.field.readOnly !== true) reading.field.required = true;
    fields[name] = reading.field;
  }
  return { fields, problems };
}

/** Problems with a schema that should be a plain object of properties. */
function schemaShapeProblems(schema: JsonObject, pointer: string): OpenApiProblem[] {
  const problems = keywordProblems(schema, pointer);
  if (schema.type !== undefined && schema.type !== "object")
    problems.push({
      pointer,
      message: `an object schema is expected here, not ${JSON.stringify(schema.type)}`,
    });
  return problems;
}

function keywordProblems(schema: JsonObject, pointer: string): OpenApiProblem[] {
  const problems: OpenApiProblem[] = [];
  if (typeof schema.$ref === "string")
    problems.push({
      pointer,
      message: `the reference ${schema.$ref} could not be resolved (references to other files are not read)`,
    });
  for (const [keyword, message] of Object.entries(unsupportedKeywords)) {
    if (keyword === "nullable" && schema.nullable !== true) continue;
    if (keyword in schema) problems.push({ pointer: `${pointer}/${keyword}`, message });
  }
  return problems;
}

function fieldFromProperty(
  property: JsonObject,
  pointer: string,
): { field?: JsonObject; problems: OpenApiProblem[] } {
  const problems = keywordProblems(property, pointer);
  if (problems.length > 0) return { problems };
  const type = fieldType(property);
  if (type.type === undefined)
    return { problems: [{ pointer, message: type.problem ?? "this property is not supported" }] };
  const field: JsonObject = { type: type.type };
  for (const [key, modelKey] of Object.entries(copiedKeys)) {
    if (property[key] !== undefined) field[modelKey] = property[key];
  }
  return { field, problems };
}

function fieldType(property: JsonObject): { type?: string; problem?: string } {
  switch (property.type) {
    case "string":
      if (property.format === "date") return { type: "date" };
      if (property.format === "email") return { type: "email" };
      return { type: "string" };
    case "integer":
    case "number":
    case "boolean":
      return { type: property.type };
    case "object":
      return {
        problem: "nested objects are not supported: a field is a string, number or boolean",
      };
    case "array":
      return { problem: "arrays are not supported: a field is a string, number or boolean" };
    case undefined:
      if (property.properties !== undefined)
        return {
          problem: "nested objects are not supported: a field is a string, number or boolean",
        };
      return { problem: "a property needs a type (string, integer, number or boolean)" };
    default:
      return { problem: `the type ${JSON.stringify(property.type)} is not supported` };
  }
}
