/**
 * Edge scenarios about requests rather than records. The body-size limit from both sides, on create and
 * on update: a valid body padded with JSON whitespace to `maximumBodyBytes + 1` bytes is refused with
 * 413 (nothing changes), the same padded to exactly `maximumBodyBytes` is accepted. And requests no
 * endpoint takes — a method a path does not have, a path no route has, an id whose percent-encoding is
 * malformed — are refused with a 4xx the conventions allow, never a 5xx.
 */
import type { HttpStep } from "../../contracts/scenario.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, type RecordValues, storedRecord, updateBody } from "./http-records.js";
import {
  createStep,
  errorBody,
  type HttpScenario,
  httpStep,
  readBackStep,
  recordAnswer,
  recordPath,
  scenario,
} from "./http-steps.js";
import { toTemplate } from "./unique-values.js";

const jsonHeaders = { "content-type": "application/json" };

/**
 * The JSON text of `values` with spaces before its closing brace, `bytes` long in UTF-8 (the trial's
 * token has the length of its stand-in, so the size holds once rendered), or undefined when it is
 * already longer.
 */
export function paddedJson(values: RecordValues, bytes: number): string | undefined {
  const text = JSON.stringify(values);
  const room = bytes - Buffer.byteLength(text, "utf8");
  if (room < 0) return undefined;
  return `${text.slice(0, -1)}${" ".repeat(room)}}`;
}

/** Both sides of the body-size limit, on create and on update. */
export function bodySizeScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  if (!context.supports(entity, "create")) return [];
  const { model } = context;
  const limit = model.http.maximumBodyBytes;
  const tags = [`entity:${entity.name}`, "aspect:oversized", "aspect:413", "aspect:boundary"];
  const sized = (values: RecordValues, bytes: number) => {
    const text = paddedJson(values, bytes);
    return text === undefined
      ? undefined
      : { body: toTemplate(text) as string, headers: jsonHeaders };
  };
  const scenarios: HttpScenario[] = [];
  const record = createBody(context, entity, { variant: 16_000 });
  const [over, exact] = [sized(record, limit + 1), sized(record, limit)];
  if (over === undefined || exact === undefined) {
    context.note(
      `edge: a ${entity.name} does not fit in ${limit} bytes; its body size is not tested`,
    );
    return [];
  }
  const steps: HttpStep[] = [
    httpStep("POST", entity.path, [{ status: 413 }, errorBody(model)], over),
    httpStep("POST", entity.path, recordAnswer(model, 201, storedRecord(entity, record)), exact, {
      created: "body",
    }),
  ];
  if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "created"));
  scenarios.push(
    scenario({
      id: `edge/${entity.name}/body-size-bound`,
      category: "edge",
      title: `A ${entity.name} sent in ${limit + 1} bytes is refused with 413; in exactly ${limit} bytes it is stored`,
      tags: [...tags, "operation:create"],
      steps,
    }),
  );
  if (!context.supports(entity, "update")) return scenarios;
  const body = createBody(context, entity, { variant: 16_001 });
  const stored = storedRecord(entity, body);
  const changes = updateBody(context, entity, { variant: 16_001 });
  const [overUpdate, exactUpdate] = [sized(changes, limit + 1), sized(changes, limit)];
  if (overUpdate === undefined || exactUpdate === undefined) return scenarios;
  const path = recordPath(model, entity, "created");
  const updateSteps: HttpStep[] = [
    createStep(model, entity, body, stored),
    httpStep("PATCH", path, [{ status: 413 }, errorBody(model)], overUpdate),
    httpStep("PATCH", path, recordAnswer(model, 200, { ...stored, ...changes }), exactUpdate, {
      updated: "body",
    }),
  ];
  if (context.supports(entity, "read")) updateSteps.push(readBackStep(model, entity, "updated"));
  scenarios.push(
    scenario({
      id: `edge/${entity.name}/update-body-size-bound`,
      category: "edge",
      title: `An update sent in ${limit + 1} bytes is refused with 413 and changes nothing; in exactly ${limit} bytes it is applied`,
      tags: [...tags, "operation:update"],
      steps: updateSteps,
    }),
  );
  return scenarios;
}

/** A path segment no route has: an action's name is an identifier, so it never has a dash. */
const noSuchAction = "no-such-action";

/**
 * Requests outside the endpoints, at two places: on a record (PUT and POST, which no record path has,
 * and a sub-path no action has; the record is unchanged) and on the collection (DELETE and PUT, which no
 * collection has, and a sub-path under an id that is no action). Each also sends an id with a malformed
 * percent-encoding. The answers are 404 or 405 (the validation status for the id); never a 5xx.
 */
export function outsideRouteScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  const { model } = context;
  const notFound = model.errors.notFound;
  const refused = (statuses: number[]) => [{ status: [...new Set(statuses)] }, errorBody(model)];
  const noMethod = refused([405, notFound]);
  const badId = refused([notFound, model.errors.validation, 405]);
  const tags = [`entity:${entity.name}`, "aspect:not-found", "aspect:method"];
  const scenarios: HttpScenario[] = [];
  if (context.supports(entity, "create")) {
    const body = createBody(context, entity, { variant: 16_100 });
    const path = recordPath(model, entity, "created");
    const steps: HttpStep[] = [
      createStep(model, entity, body, storedRecord(entity, body)),
      httpStep("PUT", path, noMethod, { json: toTemplate(body) }),
      httpStep("POST", path, noMethod, { json: {} }),
      httpStep("GET", `${path}/${noSuchAction}`, noMethod),
      httpStep("GET", `${entity.path}/%E0%A4%A`, badId),
    ];
    if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "created"));
    scenarios.push(
      scenario({
        id: `edge/${entity.name}/outside-the-routes-on-a-record`,
        category: "edge",
        title: `PUT and POST on a ${entity.name}, a path no action has, and a malformed id are refused with a 4xx`,
        tags: [...tags, "operation:create"],
        steps,
      }),
    );
  }
  scenarios.push(
    scenario({
      id: `edge/${entity.name}/outside-the-routes-on-the-collection`,
      category: "edge",
      title: `DELETE and PUT on ${entity.path}, a path no route has, and a malformed id are refused with a 4xx`,
      tags,
      steps: [
        httpStep("DELETE", entity.path, noMethod),
        httpStep("PUT", entity.path, noMethod, { json: {} }),
        httpStep("GET", `${entity.path}/no-such-id/${noSuchAction}/more`, noMethod),
        httpStep("DELETE", `${entity.path}/%ZZ%`, badId),
      ],
    }),
  );
  return scenarios;
}
