/**
 * Normal scenarios of one entity: valid records created and read back, whole flows (create, read, list,
 * update, read, delete, read), paged lists and updates, each in seeded variations. Lists never assert
 * exact totals or positions: other trials create records at the same time.
 */
import type { HttpStep } from "../../contracts/scenario.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, storedRecord, updateBody } from "./http-records.js";
import {
  createStep,
  type HttpScenario,
  httpStep,
  jsonContentType,
  notFoundStep,
  readBackStep,
  recordAnswer,
  recordPath,
  scenario,
} from "./http-steps.js";
import { toTemplate } from "./unique-values.js";

export type VariantBuilder = (
  context: HttpContext,
  entity: EntityInfo,
  variant: number,
) => HttpScenario | undefined;

function tags(entity: EntityInfo, ...more: string[]): string[] {
  return [`entity:${entity.name}`, ...more];
}

export const createAndReadBack: VariantBuilder = (context, entity, variant) => {
  if (!context.supports(entity, "create")) return undefined;
  const { model } = context;
  const body = createBody(context, entity, { variant });
  const steps: HttpStep[] = [createStep(model, entity, body, storedRecord(entity, body))];
  if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "created"));
  return scenario({
    id: `normal/${entity.name}/create-${variant + 1}`,
    category: "normal",
    title: `A new ${entity.name} is stored as sent, with defaults, and read back (${variant + 1})`,
    tags: tags(entity, "operation:create", "operation:read", "aspect:round-trip"),
    steps,
  });
};

/** Picks a page size: small ones most often, sometimes the largest allowed. */
function pageSize(context: HttpContext, variant: number): number {
  const { defaultLimit, maximumLimit } = context.model.http;
  const sizes = [5, 1, 2, defaultLimit, 10, maximumLimit, 3].filter((size) => size <= maximumLimit);
  return sizes[variant % sizes.length] ?? 1;
}

function listStep(context: HttpContext, entity: EntityInfo, limit: number, created: boolean) {
  const { http } = context.model;
  const total = created ? { type: "integer", minimum: 1 } : { type: "integer", minimum: 0 };
  return httpStep(
    "GET",
    entity.path,
    [
      { status: 200 },
      jsonContentType,
      {
        jsonSchema: {
          type: "object",
          required: [http.itemsField, http.totalField],
          properties: {
            [http.itemsField]: { type: "array", maxItems: limit, items: { type: "object" } },
            [http.totalField]: total,
          },
        },
      },
    ],
    { query: { [http.pageParameter]: 1, [http.limitParameter]: limit } },
  );
}

export const pagedList: VariantBuilder = (context, entity, variant) => {
  if (!context.supports(entity, "list")) return undefined;
  const canCreate = context.supports(entity, "create");
  const steps: HttpStep[] = [];
  if (canCreate) {
    const body = createBody(context, entity, { variant: variant + 300 });
    steps.push(createStep(context.model, entity, body, storedRecord(entity, body)));
  }
  const limit = pageSize(context, variant);
  steps.push(listStep(context, entity, limit, canCreate));
  return scenario({
    id: `normal/${entity.name}/list-${variant + 1}`,
    category: "normal",
    title: `The ${entity.name} list answers a page of at most ${limit}`,
    tags: tags(entity, "operation:list", "aspect:pagination"),
    steps,
  });
};

export const updateAndReadBack: VariantBuilder = (context, entity, variant) => {
  if (!context.supports(entity, "create") || !context.supports(entity, "update")) return undefined;
  const { model } = context;
  const body = createBody(context, entity, { variant: variant + 600 });
  const stored = storedRecord(entity, body);
  const changes = updateBody(context, entity, { variant });
  const steps: HttpStep[] = [
    createStep(model, entity, body, stored),
    httpStep(
      "PATCH",
      recordPath(model, entity, "created"),
      recordAnswer(model, 200, { ...stored, ...changes }),
      { json: toTemplate(changes) },
      { updated: "body" },
    ),
  ];
  if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "updated"));
  return scenario({
    id: `normal/${entity.name}/update-${variant + 1}`,
    category: "normal",
    title: `A ${entity.name} changes ${Object.keys(changes).join(", ")} and keeps the rest`,
    tags: tags(
      entity,
      "operation:update",
      ...Object.keys(changes).map((name) => `field:${name}`),
      "aspect:round-trip",
    ),
    steps,
  });
};

/** Create, read, list, update, read, delete, read: every operation the entity has, in one scenario. */
export const wholeFlow: VariantBuilder = (context, entity, variant) => {
  if (!context.supports(entity, "create")) return undefined;
  const { model } = context;
  const body = createBody(context, entity, { variant: variant + 900 });
  const stored = storedRecord(entity, body);
  const path = recordPath(model, entity, "created");
  const has = (operation: Parameters<HttpContext["supports"]>[1]) =>
    context.supports(entity, operation);
  const steps: HttpStep[] = [createStep(model, entity, body, stored)];
  if (has("read")) steps.push(readBackStep(model, entity, "created"));
  if (has("list")) steps.push(listStep(context, entity, pageSize(context, variant), true));
  if (has("update")) {
    const changes = updateBody(context, entity, { variant: variant + 900 });
    const answer = recordAnswer(model, 200, { ...stored, ...changes });
    steps.push(httpStep("PATCH", path, answer, { json: toTemplate(changes) }, { updated: "body" }));
    if (has("read")) steps.push(readBackStep(model, entity, "updated"));
  }
  if (has("delete")) {
    steps.push(httpStep("DELETE", path, [{ status: 204 }]));
    if (has("read")) steps.push(notFoundStep(model, "GET", path));
  }
  if (steps.length < 3) return undefined;
  const operations = ["create", "read", "list", "update", "delete"].filter((name) =>
    has(name as "create"),
  );
  return scenario({
    id: `normal/${entity.name}/flow-${variant + 1}`,
    category: "normal",
    title: `A ${entity.name} goes through ${operations.join(", ")}`,
    tags: tags(entity, ...operations.map((name) => `operation:${name}`), "aspect:flow"),
    steps,
  });
};

export function healthScenario(context: HttpContext): HttpScenario {
  return scenario({
    id: "normal/health",
    category: "normal",
    title: "The health check answers 200",
    tags: ["aspect:health"],
    steps: [httpStep("GET", context.model.http.health, [{ status: 200 }])],
  });
}
