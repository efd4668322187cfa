/**
 * One entity of an OpenAPI document: the collection path `/xs`, its item path `/xs/{id}` and its action
 * paths `/xs/{id}/verb`, read into an entity definition of the model (not yet validated).
 */
import { type CrudOperation, crudOperations } from "../contracts/spec.js";
import {
  asObject,
  fieldsFromSchema,
  type JsonObject,
  type OpenApiProblem,
  pointerTo,
} from "./openapi-fields.js";

export interface PathItem {
  path: string;
  /** Dereferenced. */
  item: JsonObject;
  /** As written, for the names of the schemas it refers to. */
  raw: JsonObject;
}

export interface PathGroup {
  collection: string;
  collectionItem?: PathItem;
  item?: PathItem & { parameter: string };
  actions: Map<string, PathItem>;
}

export interface EntityReading {
  name: string;
  definition?: JsonObject;
  /** The property that holds a record's id, when a schema has one. */
  idField?: string;
  problems: OpenApiProblem[];
}

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const collectionMethods: Record<string, CrudOperation> = { post: "create", get: "list" };
const itemMethods: Record<string, CrudOperation> = {
  get: "read",
  patch: "update",
  put: "update",
  delete: "delete",
};
const actionMethods = ["post", "put", "patch"];
const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A schema found at some place of an operation, with its pointer. */
interface Located {
  schema: JsonObject;
  pointer: string;
}

export function readEntity(group: PathGroup): EntityReading {
  const problems: OpenApiProblem[] = [];
  const operations = new Set<CrudOperation>();
  const readMethods = (pathItem: PathItem | undefined, allowed: Record<string, CrudOperation>) => {
    for (const method of methodsOf(pathItem)) {
      const operation = allowed[method];
      if (operation !== undefined) operations.add(operation);
      else problems.push(unsupportedMethod(pathItem as PathItem, method, Object.keys(allowed)));
    }
  };
  readMethods(group.collectionItem, collectionMethods);
  readMethods(group.item, itemMethods);

  const name = entityName(group);
  const source = fieldSource(group, problems);
  const idField = idProperty(source?.schema, group);
  const fieldReading = source
    ? fieldsFromSchema(source.schema, source.pointer, idField === undefined ? [] : [idField])
    : { fields: {}, problems: [] };
  problems.push(...fieldReading.problems);
  if (source === undefined)
    problems.push({
      pointer: pointerTo("paths", group.collection),
      message: "no request body or response schema says the fields of this entity",
    });
  const actions: JsonObject = {};
  for (const [verb, pathItem] of group.actions) {
    const action = readAction(verb, pathItem, problems);
    if (action !== undefined) actions[verb] = action;
  }
  const definition = {
    path: group.collection,
    fields: fieldReading.fields,
    operations: crudOperations.filter((operation) => operations.has(operation)),
    actions,
  };
  return { name, definition, idField, problems };
}

function methodsOf(pathItem: PathItem | undefined): string[] {
  return Object.keys(pathItem?.item ?? {}).filter((key) => httpMethods.includes(key));
}

function unsupportedMethod(pathItem: PathItem, method: string, allowed: string[]): OpenApiProblem {
  return {
    pointer: pointerTo("paths", pathItem.path, method),
    message: `${method} is not supported on ${pathItem.path}; the methods here are ${allowed.join(", ")}`,
  };
}

function readAction(verb: string, pathItem: PathItem, problems: OpenApiProblem[]) {
  const methods = methodsOf(pathItem);
  for (const method of methods.filter((each) => !actionMethods.includes(each)))
    problems.push(unsupportedMethod(pathItem, method, actionMethods));
  const supported = methods.filter((each) => actionMethods.includes(each));
  if (!identifier.test(verb)) {
    problems.push({
      pointer: pointerTo("paths", pathItem.path),
      message: `the action "${verb}" must be a word (letters, digits and '_') to be an action's name`,
    });
    return undefined;
  }
  if (supported.length !== 1) {
    if (supported.length > 1)
      problems.push({
        pointer: pointerTo("paths", pathItem.path),
        message: `an action has one method; ${pathItem.path} has ${supported.join(", ")}`,
      });
    return undefined;
  }
  const method = supported[0] as string;
  const operation = asObject(pathItem.item[method]) ?? {};
  const body = requestBodySchema(operation, ["paths", pathItem.path, method], problems);
  const input = body ? fieldsFromSchema(body.schema, body.pointer) : { fields: {}, problems: [] };
  problems.push(...input.problems);
  const success = Object.keys(asObject(operation.responses) ?? {}).find((status) =>
    /^2\d\d$/.test(status),
  );
  return {
    method: method.toUpperCase(),
    input: input.fields,
    status: success === undefined ? 200 : Number(success),
  };
}

/** Where the entity's fields are said: the create body, the update body, else the read response. */
function fieldSource(group: PathGroup, problems: OpenApiProblem[]): Located | undefined {
  const bodyOf = (pathItem: PathItem | undefined, method: string) => {
    const operation = asObject(pathItem?.item[method]);
    if (pathItem === undefined || operation === undefined) return undefined;
    return requestBodySchema(operation, ["paths", pathItem.path, method], problems);
  };
  return (
    bodyOf(group.collectionItem, "post") ??
    bodyOf(group.item, "patch") ??
    bodyOf(group.item, "put") ??
    responseSchema(group.item, "get")
  );
}

function requestBodySchema(
  operation: JsonObject,
  keys: string[],
  problems: OpenApiProblem[],
): Located | undefined {
  const body = asObject(operation.requestBody);
  if (body === undefined) return undefined;
  const located = jsonSchema(body, [...keys, "requestBody"]);
  if (located === undefined)
    problems.push({
      pointer: pointerTo(...keys, "requestBody"),
      message: "a request body is application/json with a schema",
    });
  return located;
}

function responseSchema(pathItem: PathItem | undefined, method: string): Located | undefined {
  const responses = asObject(asObject(pathItem?.item[method])?.responses);
  if (pathItem === undefined || responses?.["200"] === undefined) return undefined;
  return jsonSchema(asObject(responses["200"]) ?? {}, [
    "paths",
    pathItem.path,
    method,
    "responses",
    "200",
  ]);
}

/** The schema of a request body's or a response's JSON content. */
function jsonSchema(holder: JsonObject, keys: string[]): Located | undefined {
  const content = asObject(holder.content) ?? {};
  const type = Object.keys(content).find((each) => /^application\/(?:[\w.-]+\+)?json\b/.test(each));
  const schema = type === undefined ? undefined : asObject(asObject(content[type])?.schema);
  if (type === undefined || schema === undefined) return undefined;
  return { schema, pointer: pointerTo(...keys, "content", type, "schema") };
}

/** The id: the property named like the item path's parameter, else `id`. */
function idProperty(schema: JsonObject | undefined, group: PathGroup): string | undefined {
  const inBody = Object.keys(asObject(schema?.properties) ?? {});
  const inResponse = Object.keys(
    asObject(responseSchema(group.item, "get")?.schema.properties) ?? {},
  );
  const candidates = [group.item?.parameter, "id"];
  return candidates.find(
    (name) => name !== undefined && (inBody.includes(name) || inResponse.includes(name)),
  );
}

/** The name of the record's schema (`Todo` → `todo`), else the singular of the path (`/todos` → `todo`). */
function entityName(group: PathGroup): string {
  const referenced = [
    rawSchemaRef(group.item?.raw, ["get", "responses", "200"]),
    rawSchemaRef(group.collectionItem?.raw, ["post", "responses", "201"]),
    rawSchemaRef(group.collectionItem?.raw, ["post", "requestBody"]),
    rawSchemaRef(group.item?.raw, ["patch", "requestBody"]),
    rawSchemaRef(group.item?.raw, ["put", "requestBody"]),
  ].find((name) => name !== undefined && identifier.test(name));
  if (referenced !== undefined) return referenced.charAt(0).toLowerCase() + referenced.slice(1);
  return singular(group.collection.split("/").at(-1) ?? "item").replaceAll("-", "_");
}

function rawSchemaRef(raw: JsonObject | undefined, keys: string[]): string | undefined {
  let holder: JsonObject | undefined = raw;
  for (const key of keys) holder = asObject(holder?.[key]);
  const content = asObject(holder?.content) ?? {};
  for (const media of Object.values(content)) {
    const reference = asObject(asObject(media)?.schema)?.$ref;
    if (typeof reference === "string" && reference.startsWith("#/components/schemas/"))
      return reference.split("/").at(-1);
  }
  return undefined;
}

export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word)) return word.slice(0, -1);
  return word;
}
