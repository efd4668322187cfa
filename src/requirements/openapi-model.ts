/**
 * An OpenAPI 3 document as an http-service model. A collection path `/xs` (post → create, get → list) and
 * its item path `/xs/{id}` (get → read, patch or put → update, delete → delete) make an entity named after
 * its schema (or the singular of the path); `/xs/{id}/verb` makes an action. Fields come from the request
 * body's properties. What the model cannot hold is a problem naming the JSON pointer.
 */
import type { InputProblem } from "../contracts/invalid-input.js";
import { HttpServiceModel } from "../contracts/spec.js";
import { type PathGroup, readEntity } from "./openapi-entity.js";
import { asObject, type JsonObject, type OpenApiProblem, pointerTo } from "./openapi-fields.js";
import { schemaMessages, schemaProblems } from "./schema-problems.js";

export interface OpenApiDocuments {
  /** As written, with its `$ref`s: where the schemas' names are. */
  raw: JsonObject;
  /** With every internal `$ref` replaced by what it points to. */
  dereferenced: JsonObject;
}

export interface OpenApiModelReading {
  model?: HttpServiceModel;
  /** Constructs of the document the model cannot hold. */
  problems: OpenApiProblem[];
  /** Problems of the model it makes (a constraint the model refuses), by field, without a line. */
  modelProblems: InputProblem[];
}

const collectionPattern = /^((?:\/[A-Za-z0-9_-]+)+)(?:\/\{([^}/]+)\}(?:\/([A-Za-z0-9_-]+))?)?$/;
const healthSegments = ["health", "healthz"];

export function openApiModel(documents: OpenApiDocuments): OpenApiModelReading {
  const problems: OpenApiProblem[] = [];
  const paths = asObject(documents.dereferenced.paths) ?? {};
  const groups = new Map<string, PathGroup>();
  const http: JsonObject = {};
  for (const [path, item] of Object.entries(paths)) {
    const match = collectionPattern.exec(path);
    if (match === null) {
      problems.push({
        pointer: pointerTo("paths", path),
        message: "only /xs, /xs/{id} and /xs/{id}/action paths are supported",
      });
      continue;
    }
    const [, collection = path, parameter, verb] = match;
    if (parameter === undefined && healthSegments.includes(collection.split("/").at(-1) ?? "")) {
      http.health = path;
      continue;
    }
    const group: PathGroup = groups.get(collection) ?? { collection, actions: new Map() };
    groups.set(collection, group);
    const pathItem = { path, item: asObject(item) ?? {}, raw: rawPathItem(documents, path) };
    if (parameter === undefined) group.collectionItem = pathItem;
    else if (verb === undefined) group.item = { ...pathItem, parameter };
    else group.actions.set(verb, pathItem);
  }

  const entities: JsonObject = {};
  const idFields = new Map<string, string>();
  for (const group of groups.values()) {
    const entity = readEntity(group);
    problems.push(...entity.problems);
    if (entity.definition === undefined) continue;
    entities[entity.name] = entity.definition;
    if (entity.idField !== undefined) idFields.set(entity.name, entity.idField);
  }
  const distinctIds = [...new Set(idFields.values())];
  if (distinctIds.length > 1)
    problems.push({
      pointer: pointerTo("paths"),
      message: `the entities use different id properties (${distinctIds.join(", ")}); a model has one idField`,
    });
  if (distinctIds[0] !== undefined) http.idField = distinctIds[0];
  if (Object.keys(entities).length === 0)
    problems.push({ pointer: pointerTo("paths"), message: "no collection path such as /todos" });
  if (problems.length > 0) return { problems, modelProblems: [] };

  const written = { entities, errors: errorStatuses(paths), http };
  const parsed = HttpServiceModel.safeParse(written, { error: schemaMessages });
  if (parsed.success) return { model: parsed.data, problems, modelProblems: [] };
  const place = { prefix: ["model"], lineOf: () => undefined };
  return { problems, modelProblems: schemaProblems(parsed.error.issues, place) };
}

function rawPathItem(documents: OpenApiDocuments, path: string): JsonObject {
  return asObject(asObject(documents.raw.paths)?.[path]) ?? {};
}

/** The validation status is 422 when an operation documents 422, else 400; not found and conflict keep 404 and 409. */
function errorStatuses(paths: JsonObject): JsonObject {
  const documented = new Set<string>();
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(asObject(item) ?? {})) {
      for (const status of Object.keys(asObject(asObject(operation)?.responses) ?? {}))
        documented.add(status);
    }
  }
  return { validation: documented.has("422") ? 422 : 400, notFound: 404, conflict: 409 };
}
