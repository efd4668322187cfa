/**
 * The http steps the generator writes, in the scenario format: requests on an entity's collection, one
 * record or an action, and the assertions the conventions allow (status, JSON body, error body, a record
 * read back unchanged). Values go in through `toTemplate`, so literal text is escaped and tokens filled.
 */
import type { Assertion, HttpRequest, HttpStep, Scenario } from "../../contracts/scenario.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import type { HttpServiceModel } from "../../contracts/spec.js";
import type { EntityInfo } from "./http-context.js";
import { toTemplate } from "./unique-values.js";

export interface RequestParts {
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
}

export function httpStep(
  method: HttpRequest["method"],
  path: string,
  expect: Assertion[],
  parts: RequestParts = {},
  capture?: Record<string, string>,
): HttpStep {
  const request: HttpRequest = { method, path };
  if (parts.headers !== undefined) request.headers = parts.headers;
  if (parts.query !== undefined) request.query = parts.query;
  if (parts.json !== undefined) request.json = parts.json;
  if (parts.body !== undefined) request.body = parts.body;
  return capture === undefined ? { request, expect } : { request, expect, capture };
}

/** The path of the record a capture holds: `/todos/{{ created.id }}`. */
export function recordPath(model: HttpServiceModel, entity: EntityInfo, capture: string): string {
  return `${entity.path}/{{ ${capture}.${model.http.idField} }}`;
}

export const jsonContentType: Assertion = {
  header: { name: "content-type", contains: "application/json" },
};

/** An error body: a JSON object whose messageField is a string. */
export function errorBody(model: HttpServiceModel): Assertion {
  const field = model.errors.messageField;
  return {
    jsonSchema: { type: "object", required: [field], properties: { [field]: { type: "string" } } },
  };
}

export function refusal(model: HttpServiceModel, status: number): Assertion[] {
  return [{ status }, errorBody(model)];
}

/** What a stored record answers: the status, JSON, its id, and every field we know the value of. */
export function recordAnswer(
  model: HttpServiceModel,
  status: number,
  known: Record<string, unknown>,
): Assertion[] {
  return [
    { status },
    jsonContentType,
    { jsonSchema: { type: "object", required: [model.http.idField, ...Object.keys(known)] } },
    { jsonSubset: toTemplate(known) },
  ];
}

/** `POST {path}` with a valid record: 201 and the record as stored, captured under `capture`. */
export function createStep(
  model: HttpServiceModel,
  entity: EntityInfo,
  body: Record<string, unknown>,
  stored: Record<string, unknown>,
  capture = "created",
): HttpStep {
  return httpStep(
    "POST",
    entity.path,
    recordAnswer(model, 201, stored),
    { json: toTemplate(body) },
    {
      [capture]: "body",
    },
  );
}

/** `GET {path}/{id}` answers exactly what `capture` holds (the record as created or last changed). */
export function readBackStep(
  model: HttpServiceModel,
  entity: EntityInfo,
  capture: string,
): HttpStep {
  return httpStep("GET", recordPath(model, entity, capture), [
    { status: 200 },
    jsonContentType,
    { json: `{{ ${capture} }}` },
  ]);
}

/** `GET {path}/{id}` answers a record with these known values. */
export function readStep(
  model: HttpServiceModel,
  entity: EntityInfo,
  capture: string,
  known: Record<string, unknown>,
): HttpStep {
  return httpStep("GET", recordPath(model, entity, capture), recordAnswer(model, 200, known));
}

export function notFoundStep(
  model: HttpServiceModel,
  method: HttpRequest["method"],
  path: string,
  parts: RequestParts = {},
): HttpStep {
  return httpStep(method, path, refusal(model, model.errors.notFound), parts);
}

export interface ScenarioParts {
  id: string;
  category: ScenarioCategory;
  title: string;
  tags: string[];
  steps: HttpStep[];
}

/** A scenario whose steps are http steps, as every http generator writes them. */
export type HttpScenario = Omit<Scenario, "steps"> & { steps: HttpStep[] };

export function scenario(parts: ScenarioParts): HttpScenario {
  return {
    id: parts.id,
    category: parts.category,
    title: parts.title,
    tags: parts.tags,
    steps: parts.steps,
  };
}

/** A part of a scenario id: letters, digits, '.', '-' and '_' only. */
export function idPart(text: string): string {
  const safe = text.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "");
  return safe === "" ? "x" : safe;
}
