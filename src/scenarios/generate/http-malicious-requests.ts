/**
 * Malicious scenarios aimed at the requests themselves: prototype pollution in the body (refused, and a
 * fresh record shows nothing was polluted), malformed JSON and wrong content types, a body one byte over
 * the limit (413), abusive headers (a clean answer, the record intact), and hostile ids and query
 * parameters (not found, or refused).
 */
import type { HttpStep } from "../../contracts/scenario.js";
import {
  headerAbuses,
  oversizedText,
  pollutionMarker,
  type RawBody,
  rawBodies,
  stringPayloads,
  structuredPayloads,
} from "../malicious/index.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, storedRecord } from "./http-records.js";
import {
  createStep,
  type HttpScenario,
  httpStep,
  readBackStep,
  recordPath,
  refusal,
  scenario,
} from "./http-steps.js";
import { interleave } from "./scenario-identity.js";
import { toTemplate } from "./unique-values.js";

const jsonHeaders = { "content-type": "application/json" };

function tags(entity: EntityInfo, ...more: string[]): string[] {
  return [`entity:${entity.name}`, ...more];
}

/** A valid record's JSON text with the payload's keys added, as raw text (keys such as __proto__ kept). */
function mergedText(record: Record<string, unknown>, payload: Record<string, unknown>): string {
  const recordText = JSON.stringify(record);
  const payloadText = JSON.stringify(payload);
  if (recordText === "{}") return payloadText;
  if (payloadText === "{}") return recordText;
  return `${recordText.slice(0, -1)},${payloadText.slice(1)}`;
}

export function pollutionScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  if (!context.supports(entity, "create")) return [];
  const { model } = context;
  const payloads = structuredPayloads.filter((payload) => payload.family === "prototype-pollution");
  return payloads.map((payload, index) => {
    const body = createBody(context, entity, { variant: 12_000 + index });
    const fresh = createBody(context, entity, { variant: 12_100 + index, index: 1 });
    const text = toTemplate(mergedText(body, payload.value)) as string;
    const check = createStep(model, entity, fresh, storedRecord(entity, fresh), "fresh");
    check.expect.push({ notContains: pollutionMarker });
    const steps: HttpStep[] = [
      httpStep("POST", entity.path, refusal(model, model.errors.validation), {
        body: text,
        headers: jsonHeaders,
      }),
      check,
    ];
    if (context.supports(entity, "read")) {
      const readBack = readBackStep(model, entity, "fresh");
      readBack.expect.push({ notContains: pollutionMarker });
      steps.push(readBack);
    }
    return scenario({
      id: `malicious/${entity.name}/prototype-pollution-${index + 1}`,
      category: "malicious",
      title: `A ${entity.name} body that ${payload.note} is refused and pollutes nothing`,
      tags: tags(
        entity,
        "operation:create",
        "aspect:validation",
        "aspect:prototype-pollution",
        "family:prototype-pollution",
      ),
      steps,
    });
  });
}

/** Whether a raw body would parse, leniently, into a record the service must accept: then it is no probe. */
function acceptableRecord(entity: EntityInfo, text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch {
    return false;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const writable = new Set(entity.writable.map(([name]) => name));
  if (keys.some((key) => !writable.has(key))) return false;
  return entity.writable.every(([name, field]) => !field.required || keys.includes(name));
}

export function rawBodyScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  if (!context.supports(entity, "create")) return [];
  const { model } = context;
  const scenarios: HttpScenario[] = [];
  // Alternate the two families, so that a suite cut to a count still sends a wrong content type.
  const ordered = interleave([
    [...rawBodies.entries()].filter(([, raw]) => raw.family === "malformed-json"),
    [...rawBodies.entries()].filter(([, raw]) => raw.family === "wrong-content-type"),
  ]);
  for (const [index, raw] of ordered) {
    if (raw.family === "malformed-json" && acceptableRecord(entity, raw.body)) {
      context.note(
        `malicious: the raw body "${raw.note}" would be a valid ${entity.name}; not sent`,
      );
      continue;
    }
    const tooLarge = Buffer.byteLength(raw.body) > model.http.maximumBodyBytes;
    const status = tooLarge
      ? [413, model.errors.validation]
      : raw.family === "wrong-content-type"
        ? "4xx"
        : model.errors.validation;
    scenarios.push(
      scenario({
        id: `malicious/${entity.name}/${raw.family}-${index + 1}`,
        category: "malicious",
        title: `POST ${entity.path} with ${raw.note} is refused`,
        tags: tags(
          entity,
          "operation:create",
          "aspect:validation",
          `aspect:${raw.family}`,
          `family:${raw.family}`,
        ),
        steps: [
          httpStep("POST", entity.path, [{ status }], {
            body: toTemplate(bodyOf(context, entity, raw, index)) as string,
            headers: { "content-type": raw.contentType },
          }),
        ],
      }),
    );
  }
  return scenarios;
}

/**
 * What a raw body carries: malformed JSON as the corpus writes it; for a wrong content type, a record
 * that would be valid as JSON, so that a service ignoring the content type creates it and is caught.
 */
function bodyOf(context: HttpContext, entity: EntityInfo, raw: RawBody, index: number): string {
  if (raw.family !== "wrong-content-type") return raw.body;
  return JSON.stringify(createBody(context, entity, { variant: 9000 + index }));
}

/** A body one byte over maximumBodyBytes is refused with 413, on create and on update. */
export function oversizedScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  const { model } = context;
  const limit = model.http.maximumBodyBytes;
  const textField = entity.writable.find(([, field]) => field.type === "string")?.[0] ?? "padding";
  const opening = `{"${textField}":"`;
  const body = `${opening}${oversizedText(limit + 1 - opening.length - 2)}"}`;
  const parts = { body: toTemplate(body) as string, headers: jsonHeaders };
  const scenarios: HttpScenario[] = [];
  const tagList = tags(entity, "aspect:oversized", "aspect:413");
  if (context.supports(entity, "create")) {
    scenarios.push(
      scenario({
        id: `malicious/${entity.name}/oversized-create`,
        category: "malicious",
        title: `A ${entity.name} body of ${limit + 1} bytes (one over the limit) is refused with 413`,
        tags: [...tagList, "operation:create"],
        steps: [httpStep("POST", entity.path, [{ status: 413 }], parts)],
      }),
    );
  }
  if (context.supports(entity, "create") && context.supports(entity, "update")) {
    const record = createBody(context, entity, { variant: 13_000 });
    const steps = [
      createStep(model, entity, record, storedRecord(entity, record)),
      httpStep("PATCH", recordPath(model, entity, "created"), [{ status: 413 }], parts),
    ];
    if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "created"));
    scenarios.push(
      scenario({
        id: `malicious/${entity.name}/oversized-update`,
        category: "malicious",
        title: `An update of ${limit + 1} bytes is refused with 413 and changes nothing`,
        tags: [...tagList, "operation:update"],
        steps,
      }),
    );
  }
  return scenarios;
}

/** Abusive headers on a read: a clean answer (the runner checks), then the record is intact. */
export function headerAbuseScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  if (!context.supports(entity, "create") || !context.supports(entity, "read")) return [];
  const { model } = context;
  return headerAbuses.map((abuse, index) => {
    const record = createBody(context, entity, { variant: 14_000 + index });
    const path = recordPath(model, entity, "created");
    return scenario({
      id: `malicious/${entity.name}/header-abuse-${index + 1}`,
      category: "malicious",
      title: `A read with ${abuse.note} gets a clean answer and leaves the ${entity.name} intact`,
      tags: tags(entity, "operation:read", "aspect:header-abuse", "family:header-abuse"),
      steps: [
        createStep(model, entity, record, storedRecord(entity, record)),
        httpStep("GET", path, [], { headers: toTemplate(abuse.headers) as Record<string, string> }),
        readBackStep(model, entity, "created"),
      ],
    });
  });
}

/** Text a service could read as a number or an id (`1`, ` 2`, ``): not a hostile id or page. */
function looksLikeNumberOrNothing(text: string): boolean {
  return text.trim() === "" || /^\s*[-+]?(\d|\.\d)/.test(text);
}

/** Hostile strings as an id (not found or refused) and as the page and limit (refused). */
export function hostileIdScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[][] {
  const { model } = context;
  const { http } = model;
  const payloads = stringPayloads.filter((payload) => !looksLikeNumberOrNothing(payload.value));
  const ids: HttpScenario[] = [];
  const queries: HttpScenario[] = [];
  for (const [index, payload] of payloads.entries()) {
    const family = payload.family;
    if (context.supports(entity, "read")) {
      const expect: HttpStep["expect"] = [
        { status: [model.errors.notFound, model.errors.validation] },
      ];
      if (family === "path-traversal") expect.push({ notContains: "root:" });
      ids.push(
        scenario({
          id: `malicious/${entity.name}/id-${family}-${index + 1}`,
          category: "malicious",
          title: `${family} as a ${entity.name} id (${payload.note}) finds nothing`,
          tags: tags(
            entity,
            "operation:read",
            "aspect:not-found",
            "aspect:injection",
            `family:${family}`,
          ),
          steps: [httpStep("GET", `${entity.path}/${encodeURIComponent(payload.value)}`, expect)],
        }),
      );
    }
    if (context.supports(entity, "list")) {
      const parameter = index % 2 === 0 ? http.pageParameter : http.limitParameter;
      queries.push(
        scenario({
          id: `malicious/${entity.name}/query-${family}-${index + 1}`,
          category: "malicious",
          title: `${family} as the ${parameter} of the ${entity.name} list (${payload.note}) is refused`,
          tags: tags(
            entity,
            "operation:list",
            "aspect:pagination",
            "aspect:injection",
            `family:${family}`,
          ),
          steps: [
            httpStep("GET", entity.path, [{ status: model.errors.validation }], {
              query: { [parameter]: toTemplate(payload.value) as string },
            }),
          ],
        }),
      );
    }
  }
  return [ids, queries];
}
