/**
 * The spec's own examples as scenarios: each `model.examples` item with its steps as written (covering its
 * criteria), and each inline criterion example in its http form, `METHOD /path [json]` → `STATUS` [or a
 * JSON subset]. An inline example that cannot be read becomes a note, never an error.
 */
import { parse as parseYaml } from "yaml";
import type { HttpStep } from "../../contracts/scenario.js";
import type { AcceptanceCriterion, CriterionExample } from "../../contracts/spec.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, storedRecord } from "./http-records.js";
import { createStep, type HttpScenario, httpStep, idPart } from "./http-steps.js";
import { toTemplate } from "./unique-values.js";

export function modelExampleScenarios(context: HttpContext): HttpScenario[] {
  return context.model.examples.map((example, index) => ({
    id: `${example.category}/examples/${idPart(example.title).toLowerCase()}-${index + 1}`,
    category: example.category,
    title: example.title,
    tags: ["aspect:example"],
    covers: example.criteria,
    steps: example.steps as unknown as HttpStep[],
  }));
}

const requestLine = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\s+(\/\S*)(?:\s+([\s\S]+))?$/i;
const statusLine = /^([1-5]\d\d)\b\s*([\s\S]*)$/;
/** A path segment that stands for an id: `{id}`, `{todoId}` or `:id`. */
const idSegment = /\/(?:\{[A-Za-z_]\w*\}|:[A-Za-z_]\w*)(?=\/|$|\?)/;

export function criterionExampleScenarios(
  context: HttpContext,
  criteria: readonly AcceptanceCriterion[],
): HttpScenario[] {
  const scenarios: HttpScenario[] = [];
  for (const criterion of criteria) {
    for (const [index, example] of criterion.examples.entries()) {
      const built = fromExample(context, criterion, example, index);
      if (typeof built === "string") {
        context.note(`${criterion.id}: the example on line ${example.line} was not used: ${built}`);
      } else {
        scenarios.push(built);
      }
    }
  }
  return scenarios;
}

function unquote(text: string): string {
  return text
    .trim()
    .replace(/^`+|`+$/g, "")
    .trim();
}

function parseData(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    try {
      const value: unknown = parseYaml(text);
      return typeof value === "object" && value !== null ? { ok: true, value } : { ok: false };
    } catch {
      return { ok: false };
    }
  }
}

function fromExample(
  context: HttpContext,
  criterion: AcceptanceCriterion,
  example: CriterionExample,
  index: number,
): HttpScenario | string {
  const request = requestLine.exec(unquote(example.input));
  if (!request) return `"${example.input}" is not METHOD /path [json]`;
  const [, method = "GET", rawPath = "/", data] = request;
  const expected = unquote(example.expected);
  const status = statusLine.exec(expected);
  const subsetText = status ? (status[2] ?? "").trim() : expected;
  const subset = subsetText === "" ? undefined : parseData(subsetText);
  if (subset !== undefined && !subset.ok) {
    return `"${example.expected}" is neither a status nor a JSON subset`;
  }
  const json = data === undefined ? undefined : parseData(data);
  if (json !== undefined && !json.ok) return `the body "${data}" is not JSON`;
  const steps: HttpStep[] = [];
  let path = toTemplate(rawPath) as string;
  if (idSegment.test(rawPath)) {
    const entity = owningEntity(context, rawPath);
    if (!entity) return `no entity of the model has the path ${rawPath}`;
    const body = createBody(context, entity, { variant: 2000 + index });
    steps.push(createStep(context.model, entity, body, storedRecord(entity, body)));
    path = path.replace(idSegment, `/{{ created.${context.model.http.idField} }}`);
  }
  const expect: HttpStep["expect"] = [];
  const statusCode = status ? Number(status[1]) : undefined;
  if (statusCode !== undefined) expect.push({ status: statusCode });
  if (subset?.ok) expect.push({ jsonSubset: toTemplate(subset.value) });
  const parts = json?.ok ? { json: toTemplate(json.value) } : {};
  steps.push(httpStep(method.toUpperCase() as "GET", path, expect, parts));
  const category = statusCode !== undefined && statusCode >= 400 ? "edge" : "normal";
  return {
    id: `${category}/criteria/${idPart(criterion.id).toLowerCase()}-${index + 1}`,
    category,
    title: `${criterion.id}: ${unquote(example.input)} → ${expected}`.slice(0, 200),
    tags: ["aspect:example"],
    covers: [criterion.id],
    steps,
  };
}

function owningEntity(context: HttpContext, path: string): EntityInfo | undefined {
  return context.entities.find((entity) => path.startsWith(`${entity.path}/`));
}
