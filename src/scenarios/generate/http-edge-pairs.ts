/**
 * Edge scenarios that send both sides of every bound of every writable field, at two places: on create
 * (the value just past the bound is refused, then the value at it is stored and read back) and on update
 * (refused and nothing changes, then stored). A missing check fails the refused side twice; a flipped
 * comparison or a bound off by one fails the accepted side twice: enough for a gate to notice.
 */
import type { HttpStep } from "../../contracts/scenario.js";
import type { FieldDefinition } from "../../contracts/spec.js";
import { type BoundaryPair, boundaryPairs } from "./boundary-pairs.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { sentValue } from "./http-edge-fields.js";
import { createBody, fieldValue, type RecordValues, storedRecord } from "./http-records.js";
import {
  createStep,
  type HttpScenario,
  httpStep,
  readBackStep,
  recordAnswer,
  recordPath,
  refusal,
  scenario,
} from "./http-steps.js";
import { toTemplate, withToken } from "./unique-values.js";

/** Bounds whose accepted side is any valid value, so a unique field can take a fresh one. */
const anyValidValue = new Set(["pattern", "enum"]);

/** Per writable field, its pairs on create then on update, bound by bound: `[create max, update max, …]`. */
export function fieldPairScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[][] {
  if (!context.supports(entity, "create")) return [];
  return entity.writable.map(([name, field], fieldIndex) =>
    boundaryPairs(field).flatMap((pair, pairIndex) => {
      const variant = 15_000 + fieldIndex * 100 + pairIndex * 2;
      const onUpdate = context.supports(entity, "update")
        ? [updatePair(context, entity, name, field, pair, variant + 1)]
        : [];
      return [createPair(context, entity, name, field, pair, variant), ...onUpdate];
    }),
  );
}

/** The accepted value as sent: a unique field gets the trial's token, or a value of its own. */
function acceptedValue(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  field: FieldDefinition,
  pair: BoundaryPair,
  variant: number,
): unknown {
  const { accepted } = pair;
  if (!field.unique || typeof accepted.value !== "string") return accepted.value;
  const tokenFits = withToken(field, accepted.value, "keep-length") !== undefined;
  if (!tokenFits && anyValidValue.has(pair.bound)) {
    return fieldValue(context, entity, name, field, { variant, index: 2 });
  }
  return sentValue(context, entity, name, field, accepted);
}

function tags(entity: EntityInfo, name: string, operation: string): string[] {
  return [
    `entity:${entity.name}`,
    `operation:${operation}`,
    `field:${name}`,
    "aspect:validation",
    "aspect:round-trip",
    "aspect:boundary",
  ];
}

function createPair(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  field: FieldDefinition,
  pair: BoundaryPair,
  variant: number,
): HttpScenario {
  const { model } = context;
  const base = createBody(context, entity, { variant, requiredOnly: true });
  const refused: RecordValues = { ...base, [name]: pair.refused.value };
  const accepted = { ...base, [name]: acceptedValue(context, entity, name, field, pair, variant) };
  const steps: HttpStep[] = [
    httpStep("POST", entity.path, refusal(model, model.errors.validation), {
      json: toTemplate(refused),
    }),
    createStep(model, entity, accepted, storedRecord(entity, accepted)),
  ];
  if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "created"));
  return scenario({
    id: `edge/${entity.name}/${name}/${pair.bound}-bound`,
    category: "edge",
    title: `A ${entity.name} whose ${name} is ${pair.refused.note} is refused; ${pair.accepted.note} is stored`,
    tags: tags(entity, name, "create"),
    steps,
  });
}

function updatePair(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  field: FieldDefinition,
  pair: BoundaryPair,
  variant: number,
): HttpScenario {
  const { model } = context;
  const body = createBody(context, entity, { variant });
  const stored = storedRecord(entity, body);
  const changes = { [name]: acceptedValue(context, entity, name, field, pair, variant) };
  const path = recordPath(model, entity, "created");
  const steps: HttpStep[] = [
    createStep(model, entity, body, stored),
    httpStep("PATCH", path, refusal(model, model.errors.validation), {
      json: toTemplate({ [name]: pair.refused.value }),
    }),
    httpStep(
      "PATCH",
      path,
      recordAnswer(model, 200, { ...stored, ...changes }),
      { json: toTemplate(changes) },
      { updated: "body" },
    ),
  ];
  if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "updated"));
  return scenario({
    id: `edge/${entity.name}/${name}/update-${pair.bound}-bound`,
    category: "edge",
    title: `Changing a ${entity.name}'s ${name} to ${pair.refused.note} is refused and changes nothing; to ${pair.accepted.note} it is stored`,
    tags: tags(entity, name, "update"),
    steps,
  });
}
