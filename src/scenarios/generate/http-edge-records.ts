/**
 * Edge scenarios about records as a whole: duplicates of unique fields (the first create succeeds, the
 * second is a conflict, on create and on update; case matters; a deleted record frees its value), and
 * ids that do not exist (404 on read, update and delete).
 */
import type { HttpStep } from "../../contracts/scenario.js";
import { baseActionInput } from "./http-actions.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, fieldValue, type RecordValues, storedRecord } from "./http-records.js";
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

/**
 * Duplicates of each unique field, which must be conflicts: on create, on update, and on an update that
 * changes another field too (the duplicate must still be found, and nothing changes).
 */
export function duplicateScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  return eachUniqueField(context, entity, duplicatesOf);
}

/** Values that are no duplicates: another case of a unique value, the value of a deleted record. */
export function notDuplicateScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  return eachUniqueField(context, entity, notDuplicatesOf);
}

type UniqueFieldScenarios = (
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  variant: number,
) => HttpScenario[];

function eachUniqueField(
  context: HttpContext,
  entity: EntityInfo,
  scenariosOf: UniqueFieldScenarios,
): HttpScenario[] {
  if (!context.supports(entity, "create")) return [];
  return entity.writable.flatMap(([name, field], fieldIndex) =>
    field.unique ? scenariosOf(context, entity, name, 8000 + fieldIndex * 10) : [],
  );
}

/** Two fresh valid records: every scenario gets its own, so no two scenarios share a unique value. */
function twoRecords(context: HttpContext, entity: EntityInfo, variant: number) {
  const first = createBody(context, entity, { variant });
  const second = createBody(context, entity, { variant: variant + 1, index: 1 });
  return { first, second };
}

function uniqueTags(entity: EntityInfo, name: string, ...operations: string[]): string[] {
  return [
    `entity:${entity.name}`,
    ...["create", ...operations].map((operation) => `operation:${operation}`),
    `field:${name}`,
    "aspect:conflict",
    "aspect:unique",
  ];
}

const duplicatesOf: UniqueFieldScenarios = (context, entity, name, variant) => {
  const { model } = context;
  const conflict = refusal(model, model.errors.conflict);
  const duplicate = twoRecords(context, entity, variant);
  const scenarios: HttpScenario[] = [
    scenario({
      id: `edge/${entity.name}/${name}/duplicate`,
      category: "edge",
      title: `A second ${entity.name} with the same ${name} is a conflict`,
      tags: uniqueTags(entity, name),
      steps: [
        createStep(model, entity, duplicate.first, storedRecord(entity, duplicate.first), "first"),
        httpStep("POST", entity.path, conflict, {
          json: toTemplate({ ...duplicate.second, [name]: fieldOf(duplicate.first, name) }),
        }),
      ],
    }),
  ];
  if (!context.supports(entity, "update")) return scenarios;
  const other = entity.writable.find(([field, definition]) => field !== name && !definition.unique);
  const changes: [label: string, title: string, variant: number, also?: [string, unknown]][] = [
    ["duplicate-on-update", "", variant + 4],
  ];
  if (other !== undefined) {
    const [otherName, otherField] = other;
    const value = fieldValue(context, entity, otherName, otherField, { variant: variant + 8 });
    changes.push([
      "duplicate-on-update-with-other-fields",
      ` (with ${otherName} changed too)`,
      variant + 8,
      [otherName, value],
    ]);
  }
  for (const [label, also, recordsVariant, otherChange] of changes) {
    const { first, second } = twoRecords(context, entity, recordsVariant);
    const change: RecordValues = { [name]: fieldOf(first, name) };
    if (otherChange !== undefined) change[otherChange[0]] = otherChange[1];
    const steps: HttpStep[] = [
      createStep(model, entity, first, storedRecord(entity, first), "first"),
      createStep(model, entity, second, storedRecord(entity, second), "second"),
      httpStep("PATCH", recordPath(model, entity, "second"), conflict, {
        json: toTemplate(change),
      }),
    ];
    if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "second"));
    scenarios.push(
      scenario({
        id: `edge/${entity.name}/${name}/${label}`,
        category: "edge",
        title: `Changing a ${entity.name}'s ${name} to another's${also} is a conflict and changes nothing`,
        tags: uniqueTags(entity, name, "update"),
        steps,
      }),
    );
  }
  return scenarios;
};

const notDuplicatesOf: UniqueFieldScenarios = (context, entity, name, variant) => {
  const { model } = context;
  const field = entity.definition.fields[name];
  const scenarios: HttpScenario[] = [];
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
        tags: uniqueTags(entity, name),
        steps: [
          createStep(model, entity, cased.first, storedRecord(entity, cased.first), "first"),
          createStep(model, entity, other, storedRecord(entity, other), "second"),
        ],
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
        tags: uniqueTags(entity, name, "delete"),
        steps: [
          createStep(model, entity, first, storedRecord(entity, first), "first"),
          httpStep("DELETE", recordPath(model, entity, "first"), [{ status: 204 }]),
          createStep(model, entity, again, storedRecord(entity, again), "second"),
        ],
      }),
    );
  }
  return scenarios;
};

/** Ids no record has (read, update, delete and actions): one deleted a moment ago, ids that never existed. */
export function notFoundScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  const { model } = context;
  const has = (operation: "create" | "read" | "update" | "delete") =>
    context.supports(entity, operation);
  const scenarios: HttpScenario[] = [];
  // Actions too, with a valid input: only the id is wrong.
  const actions = Object.entries(entity.definition.actions);
  const operations = (path: string): HttpStep[] => [
    ...(has("read") ? [notFoundStep(model, "GET", path)] : []),
    ...(has("update") ? [notFoundStep(model, "PATCH", path, { json: {} })] : []),
    ...(has("delete") ? [notFoundStep(model, "DELETE", path)] : []),
    ...actions.map(([name, action]) =>
      notFoundStep(model, action.method, `${path}/${name}`, {
        json: toTemplate(baseActionInput(context, entity, name)),
      }),
    ),
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
        title: `A deleted ${entity.name} is not found by read, update, delete${actions.length > 0 ? " or its actions" : ""}`,
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

/** A record's own field: a field named like an Object method (`constructor`) is not inherited. */
function fieldOf(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
