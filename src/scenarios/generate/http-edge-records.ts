/**
 * Edge scenarios about records as a whole: duplicates of unique fields (the first create succeeds, the
 * second is a conflict; case matters; a deleted record frees its value), ids that do not exist (404 on
 * read, update, delete and actions), and the ends of a paged list.
 */
import type { HttpStep } from "../../contracts/scenario.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, storedRecord } from "./http-records.js";
import {
  createStep,
  type HttpScenario,
  httpStep,
  notFoundStep,
  readBackStep,
  recordPath,
  refusal,
  scenario,
} from "./http-steps.js";
import { isValidValue } from "./is-valid-value.js";
import { tokenStandIn, toTemplate } from "./unique-values.js";

/** The value with the case of its letters swapped, the trial's token left as it is. */
function swapCase(value: string): string {
  return value
    .split(tokenStandIn)
    .map((part) =>
      [...part]
        .map((character) =>
          character === character.toUpperCase() ? character.toLowerCase() : character.toUpperCase(),
        )
        .join(""),
    )
    .join(tokenStandIn);
}

export function duplicateScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  if (!context.supports(entity, "create")) return [];
  const scenarios: HttpScenario[] = [];
  for (const [fieldIndex, [name, field]] of entity.writable.entries()) {
    if (field.unique) scenarios.push(...duplicatesOf(context, entity, name, fieldIndex));
  }
  return scenarios;
}

/** Two fresh valid records: every scenario gets its own, so no two scenarios share a unique value. */
function twoRecords(context: HttpContext, entity: EntityInfo, variant: number) {
  const first = createBody(context, entity, { variant });
  const second = createBody(context, entity, { variant: variant + 1, index: 1 });
  return { first, second };
}

function duplicatesOf(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  fieldIndex: number,
): HttpScenario[] {
  const { model } = context;
  const field = entity.definition.fields[name];
  const variant = 8000 + fieldIndex * 10;
  const tags = [
    `entity:${entity.name}`,
    "operation:create",
    `field:${name}`,
    "aspect:conflict",
    "aspect:unique",
  ];
  const conflict = refusal(model, model.errors.conflict);
  const scenarios: HttpScenario[] = [];
  const duplicate = twoRecords(context, entity, variant);
  const value = fieldOf(duplicate.first, name);
  scenarios.push(
    scenario({
      id: `edge/${entity.name}/${name}/duplicate`,
      category: "edge",
      title: `A second ${entity.name} with the same ${name} is a conflict`,
      tags,
      steps: [
        createStep(model, entity, duplicate.first, storedRecord(entity, duplicate.first), "first"),
        httpStep("POST", entity.path, conflict, {
          json: toTemplate({ ...duplicate.second, [name]: value }),
        }),
      ],
    }),
  );
  const cased = twoRecords(context, entity, variant + 2);
  const casedValue = fieldOf(cased.first, name);
  if (
    field !== undefined &&
    typeof casedValue === "string" &&
    swapCase(casedValue) !== casedValue &&
    isValidValue(field, swapCase(casedValue))
  ) {
    const other = { ...cased.second, [name]: swapCase(casedValue) };
    scenarios.push(
      scenario({
        id: `edge/${entity.name}/${name}/duplicate-other-case`,
        category: "edge",
        title: `A ${entity.name} whose ${name} differs only in case is not a duplicate`,
        tags,
        steps: [
          createStep(model, entity, cased.first, storedRecord(entity, cased.first), "first"),
          createStep(model, entity, other, storedRecord(entity, other), "second"),
        ],
      }),
    );
  }
  if (context.supports(entity, "update")) {
    const { first, second } = twoRecords(context, entity, variant + 4);
    const steps: HttpStep[] = [
      createStep(model, entity, first, storedRecord(entity, first), "first"),
      createStep(model, entity, second, storedRecord(entity, second), "second"),
      httpStep("PATCH", recordPath(model, entity, "second"), conflict, {
        json: toTemplate({ [name]: fieldOf(first, name) }),
      }),
    ];
    if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "second"));
    scenarios.push(
      scenario({
        id: `edge/${entity.name}/${name}/duplicate-on-update`,
        category: "edge",
        title: `Changing a ${entity.name}'s ${name} to another's is a conflict and changes nothing`,
        tags: [...tags, "operation:update"],
        steps,
      }),
    );
  }
  if (context.supports(entity, "delete")) {
    const { first, second } = twoRecords(context, entity, variant + 6);
    const again = { ...second, [name]: fieldOf(first, name) };
    scenarios.push(
      scenario({
        id: `edge/${entity.name}/${name}/reuse-after-delete`,
        category: "edge",
        title: `The ${name} of a deleted ${entity.name} can be used again`,
        tags: [...tags, "operation:delete"],
        steps: [
          createStep(model, entity, first, storedRecord(entity, first), "first"),
          httpStep("DELETE", recordPath(model, entity, "first"), [{ status: 204 }]),
          createStep(model, entity, again, storedRecord(entity, again), "second"),
        ],
      }),
    );
  }
  // A duplicate refused on create and on update are the faults most often made; they come first.
  const order = ["duplicate", "duplicate-on-update", "duplicate-other-case", "reuse-after-delete"];
  const rank = (scenario: HttpScenario) => order.indexOf(scenario.id.split("/").at(-1) ?? "");
  return scenarios.sort((left, right) => rank(left) - rank(right));
}

/** Ids no record has: one deleted a moment ago, and ids that could never exist. */
export function notFoundScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  const { model } = context;
  const has = (operation: "create" | "read" | "update" | "delete") =>
    context.supports(entity, operation);
  const scenarios: HttpScenario[] = [];
  const operations = (path: string): HttpStep[] => [
    ...(has("read") ? [notFoundStep(model, "GET", path)] : []),
    ...(has("update") ? [notFoundStep(model, "PATCH", path, { json: {} })] : []),
    ...(has("delete") ? [notFoundStep(model, "DELETE", path)] : []),
  ];
  const tags = [
    `entity:${entity.name}`,
    "aspect:not-found",
    ...(["read", "update", "delete"] as const).filter(has).map((name) => `operation:${name}`),
  ];
  if (has("create") && has("delete")) {
    const body = createBody(context, entity, { variant: 8500 });
    const path = recordPath(model, entity, "created");
    scenarios.push(
      scenario({
        id: `edge/${entity.name}/deleted-id`,
        category: "edge",
        title: `A deleted ${entity.name} is not found by read, update or delete`,
        tags: [...tags, "operation:create"],
        steps: [
          createStep(model, entity, body, storedRecord(entity, body)),
          httpStep("DELETE", path, [{ status: 204 }]),
          ...operations(path),
        ],
      }),
    );
  }
  const neverIds: [label: string, id: string, what: string][] = [
    ["zero-uuid", "00000000-0000-0000-0000-000000000000", "the all-zero UUID"],
    ["large-number", "987654321987", "a large number"],
    ["very-long-id", "x".repeat(300), "a 300-character id"],
    ["word", "no-such-record", "a word"],
  ];
  for (const [label, id, what] of neverIds) {
    const steps = operations(`${entity.path}/${id}`);
    if (steps.length === 0) continue;
    scenarios.push(
      scenario({
        id: `edge/${entity.name}/unknown-id-${label}`,
        category: "edge",
        title: `A ${entity.name} id that never existed (${what}) is not found`,
        tags,
        steps,
      }),
    );
  }
  return scenarios;
}

/** The ends of a paged list: past the last page, the largest page, and parameters out of range. */
export function paginationScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  if (!context.supports(entity, "list")) return [];
  const { model } = context;
  const { http } = model;
  const tags = [`entity:${entity.name}`, "operation:list", "aspect:pagination"];
  const list = (
    label: string,
    title: string,
    query: Record<string, string | number>,
    expect: HttpStep["expect"],
    aspect?: string,
  ) =>
    scenario({
      id: `edge/${entity.name}/list-${label}`,
      category: "edge",
      title,
      tags: aspect ? [...tags, `aspect:${aspect}`] : tags,
      steps: [httpStep("GET", entity.path, expect, { query })],
    });
  const page = http.pageParameter;
  const limit = http.limitParameter;
  const items = (maxItems: number) => ({
    jsonSchema: {
      type: "object",
      required: [http.itemsField, http.totalField],
      properties: { [http.itemsField]: { type: "array", maxItems } },
    },
  });
  const invalid: [string, string, Record<string, string | number>][] = [
    ["limit-zero", `${limit}=0`, { [limit]: 0 }],
    [
      "limit-above-maximum",
      `${limit}=${http.maximumLimit + 1}`,
      { [limit]: http.maximumLimit + 1 },
    ],
    ["limit-not-a-number", `${limit}=abc`, { [limit]: "abc" }],
    ["limit-fraction", `${limit}=2.5`, { [limit]: "2.5" }],
    ["page-zero", `${page}=0`, { [page]: 0 }],
    ["page-negative", `${page}=-1`, { [page]: -1 }],
    ["page-not-a-number", `${page}=abc`, { [page]: "abc" }],
  ];
  const refused = invalid.map(([label, text, query]) =>
    list(
      label,
      `A list with ${text} is refused`,
      query,
      refusal(model, model.errors.validation),
      "validation",
    ),
  );
  const [limitZero, limitAboveMaximum, ...otherRefusals] = refused;
  // Suites are cut to a count: the limits just past the allowed range come first, then the valid ends.
  return [
    ...(limitAboveMaximum ? [limitAboveMaximum] : []),
    ...(limitZero ? [limitZero] : []),
    list(
      "past-the-end",
      "A page past the end of the list is empty",
      { [page]: 1_000_000, [limit]: http.maximumLimit },
      [{ status: 200 }, { jsonSubset: { [http.itemsField]: [] } }],
    ),
    list(
      "maximum-limit",
      `A page of the largest size (${http.maximumLimit}) is allowed`,
      { [page]: 1, [limit]: http.maximumLimit },
      [{ status: 200 }, items(http.maximumLimit)],
    ),
    list(
      "default-limit",
      `Without parameters a page holds at most ${http.defaultLimit}`,
      {},
      [{ status: 200 }, items(http.defaultLimit)],
      "default",
    ),
    ...otherRefusals,
  ];
}

/** A record's own field: a field named like an Object method (`constructor`) is not inherited. */
function fieldOf(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
