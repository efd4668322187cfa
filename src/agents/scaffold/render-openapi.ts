/**
 * Writes the scaffolded service's `openapi.json`: an OpenAPI 3.1 document of exactly what the service
 * answers, from the same model: every endpoint, each field's rules as JSON Schema, the error body, and
 * the statuses of refusals (an action's rules with their error messages).
 */
import type { FieldDefinition } from "../../contracts/spec.js";
import { wholePatternSource } from "./code-text.js";
import type { ActionPlan, EntityPlan, ServicePlan } from "./service-plan.js";

type Schema = Record<string, unknown>;
type Responses = Record<string, { description: string; content?: unknown }>;

export function fieldSchema(field: FieldDefinition): Schema {
  const schema: Schema = {};
  if (field.description !== undefined) schema.description = field.description;
  if (field.type === "date" || field.type === "email") {
    Object.assign(schema, { type: "string", format: field.type });
  } else schema.type = field.type;
  if (field.min !== undefined) schema.minimum = field.min;
  if (field.max !== undefined) schema.maximum = field.max;
  if (field.minLength !== undefined) schema.minLength = field.minLength;
  if (field.maxLength !== undefined) schema.maxLength = field.maxLength;
  if (field.pattern !== undefined) schema.pattern = wholePatternSource(field.pattern);
  if (field.enum !== undefined) schema.enum = field.enum;
  if (field.default !== undefined) schema.default = field.default;
  if (field.readOnly) schema.readOnly = true;
  return schema;
}

function objectSchema(fields: [string, FieldDefinition][], required: string[]): Schema {
  return {
    type: "object",
    properties: Object.fromEntries(fields.map(([name, field]) => [name, fieldSchema(field)])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

const reference = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });

class ResponseList {
  readonly responses: Responses = {};

  add(status: number, description: string, schema?: unknown): this {
    const key = String(status);
    const existing = this.responses[key];
    if (existing !== undefined) existing.description += `; ${description}`;
    else {
      this.responses[key] = {
        description,
        ...(schema === undefined ? {} : { content: json(schema) }),
      };
    }
    return this;
  }
}

export function renderOpenApi(plan: ServicePlan): string {
  const { model } = plan;
  const schemas: Record<string, Schema> = {
    Error: {
      type: "object",
      required: [model.errors.messageField],
      properties: { [model.errors.messageField]: { type: "string" } },
    },
  };
  const paths: Record<string, Record<string, unknown>> = {
    [model.http.health]: {
      get: {
        operationId: "health",
        summary: "Whether the service is up",
        responses: { 200: { description: "It is up" } },
      },
    },
  };
  for (const entity of plan.entities) {
    Object.assign(schemas, entitySchemas(plan, entity));
    Object.assign(paths, entityPaths(plan, entity));
  }
  const document = {
    openapi: "3.1.0",
    info: {
      title: plan.title,
      version: "1.0.0",
      ...(plan.description === undefined ? {} : { description: plan.description }),
    },
    paths,
    components: { schemas },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function entitySchemas(plan: ServicePlan, entity: EntityPlan): Record<string, Schema> {
  const { http } = plan.model;
  const fields = Object.entries(entity.definition.fields);
  const writable = fields.filter(([, field]) => !field.readOnly);
  const stored = fields
    .filter(([, field]) => field.required || field.default !== undefined)
    .map(([name]) => name);
  const record = objectSchema(fields, [http.idField, ...stored]);
  (record.properties as Schema)[http.idField] = { type: "string", readOnly: true };
  const schemas: Record<string, Schema> = {
    [entity.typeName]: {
      ...(entity.definition.description === undefined
        ? {}
        : { description: entity.definition.description }),
      ...record,
    },
    [`${entity.typeName}Create`]: objectSchema(
      writable,
      writable.filter(([, field]) => field.required).map(([name]) => name),
    ),
    [`${entity.typeName}Update`]: objectSchema(writable, []),
    [`${entity.typeName}Page`]: {
      type: "object",
      required: [http.itemsField, http.pageParameter, http.limitParameter, http.totalField],
      properties: {
        [http.itemsField]: { type: "array", items: reference(entity.typeName) },
        [http.pageParameter]: { type: "integer", minimum: 1 },
        [http.limitParameter]: { type: "integer", minimum: 1, maximum: http.maximumLimit },
        [http.totalField]: { type: "integer", minimum: 0 },
      },
    },
  };
  for (const action of entity.actions) {
    const input = Object.entries(action.definition.input);
    schemas[action.inputType] = objectSchema(
      input,
      input.filter(([, field]) => field.required).map(([name]) => name),
    );
  }
  return schemas;
}

type Operations = Record<string, unknown>;

const errorSchema = reference("Error");

/** The refusals of a request with a body: too large, and not JSON. */
function bodyRefusals(plan: ServicePlan, list: ResponseList): Responses {
  const limit = plan.model.http.maximumBodyBytes;
  list.add(413, `The body is larger than ${limit} bytes`, errorSchema);
  list.add(415, "The body is not application/json", errorSchema);
  return list.responses;
}

function collectionOperations(plan: ServicePlan, entity: EntityPlan): Operations {
  const { errors, http } = plan.model;
  const { operations } = entity.definition;
  const collection: Operations = {};
  if (operations.includes("list")) {
    const limit = { minimum: 1, maximum: http.maximumLimit, default: http.defaultLimit };
    collection.get = {
      operationId: `list${entity.pluralName}`,
      summary: `A page of ${entity.name} records, in creation order`,
      parameters: [
        {
          name: http.pageParameter,
          in: "query",
          schema: { type: "integer", minimum: 1, default: 1 },
        },
        { name: http.limitParameter, in: "query", schema: { type: "integer", ...limit } },
      ],
      responses: new ResponseList()
        .add(200, "The page; past the end it is empty", reference(`${entity.typeName}Page`))
        .add(errors.validation, "The page or limit is out of range", errorSchema).responses,
    };
  }
  if (operations.includes("create")) {
    const list = new ResponseList()
      .add(201, `The ${entity.name} as stored`, reference(entity.typeName))
      .add(errors.validation, "The body breaks a rule of the model", errorSchema);
    if (hasUnique(entity)) list.add(errors.conflict, duplicate, errorSchema);
    collection.post = {
      operationId: `create${entity.typeName}`,
      requestBody: { required: true, content: json(reference(`${entity.typeName}Create`)) },
      responses: bodyRefusals(plan, list),
    };
  }
  return collection;
}

const duplicate = "Another record has the same value of a unique field";

function hasUnique(entity: EntityPlan): boolean {
  return Object.values(entity.definition.fields).some((field) => field.unique);
}

function recordOperations(plan: ServicePlan, entity: EntityPlan): Operations {
  const { errors } = plan.model;
  const { operations } = entity.definition;
  const notFound = `No ${entity.name} has this id`;
  const record: Operations = {};
  if (operations.includes("read")) {
    record.get = {
      operationId: `read${entity.typeName}`,
      responses: new ResponseList()
        .add(200, `The ${entity.name}`, reference(entity.typeName))
        .add(errors.notFound, notFound, errorSchema).responses,
    };
  }
  if (operations.includes("update")) {
    const list = new ResponseList()
      .add(200, `The whole ${entity.name}, changed in the fields sent`, reference(entity.typeName))
      .add(errors.validation, "The body breaks a rule of the model", errorSchema)
      .add(errors.notFound, notFound, errorSchema);
    if (hasUnique(entity)) list.add(errors.conflict, duplicate, errorSchema);
    record.patch = {
      operationId: `update${entity.typeName}`,
      requestBody: { required: true, content: json(reference(`${entity.typeName}Update`)) },
      responses: bodyRefusals(plan, list),
    };
  }
  if (operations.includes("delete")) {
    record.delete = {
      operationId: `delete${entity.typeName}`,
      responses: new ResponseList().add(204, "Deleted").add(errors.notFound, notFound, errorSchema)
        .responses,
    };
  }
  return record;
}

function actionOperation(plan: ServicePlan, entity: EntityPlan, action: ActionPlan): Operations {
  const { errors } = plan.model;
  const { definition } = action;
  const list = new ResponseList()
    .add(definition.status, `The ${entity.name} after ${action.name}`, reference(entity.typeName))
    .add(errors.validation, "The input breaks a rule of the model", errorSchema)
    .add(errors.notFound, `No ${entity.name} has this id`, errorSchema);
  for (const rule of definition.requires) {
    list.add(rule.status, `"${rule.error}" when ${rule.check} is false`, errorSchema);
  }
  list.add(errors.conflict, "The result would break a rule of a field", errorSchema);
  return {
    [definition.method.toLowerCase()]: {
      operationId: action.descriptor,
      ...(definition.description === undefined ? {} : { summary: definition.description }),
      requestBody: {
        required: Object.values(definition.input).some((field) => field.required),
        content: json(reference(action.inputType)),
      },
      responses: bodyRefusals(plan, list),
    },
  };
}

function entityPaths(plan: ServicePlan, entity: EntityPlan): Record<string, Operations> {
  const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };
  const paths: Record<string, Operations> = {};
  const collection = collectionOperations(plan, entity);
  const record = recordOperations(plan, entity);
  if (Object.keys(collection).length > 0) paths[entity.path] = collection;
  if (Object.keys(record).length > 0) {
    paths[`${entity.path}/{id}`] = { parameters: [idParameter], ...record };
  }
  for (const action of entity.actions) {
    paths[`${entity.path}/{id}/${action.name}`] = {
      parameters: [idParameter],
      ...actionOperation(plan, entity, action),
    };
  }
  return paths;
}
