/**
 * Malicious scenarios aimed at an entity's fields: every hostile string of the corpus in every text field
 * (stored and read back byte for byte when the field's constraints allow it, refused otherwise), NoSQL
 * operator objects and values of the wrong type (refused). One list per payload family, so that the
 * first scenarios chosen cover every family.
 */

import type { HttpStep } from "../../contracts/scenario.js";
import type { FieldDefinition } from "../../contracts/spec.js";
import {
  type PayloadFamily,
  payloadFamilies,
  stringPayloads,
  structuredPayloads,
} from "../malicious/index.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, type RecordValues, storedRecord } from "./http-records.js";
import {
  createStep,
  type HttpScenario,
  httpStep,
  readBackStep,
  refusal,
  scenario,
} from "./http-steps.js";
import { isValidValue } from "./is-valid-value.js";
import { typeConfusionValues } from "./type-confusion.js";
import { canCarryToken, tokenStandIn, toTemplate } from "./unique-values.js";

const textTypes = new Set(["string", "email"]);

/** The payload as sent: with the trial's token after it when the field is unique and has room. */
function sentPayload(
  context: HttpContext,
  key: string,
  field: FieldDefinition,
  payload: string,
): string {
  if (!field.unique) return payload;
  const tokened = `${payload} ${tokenStandIn}`;
  if (canCarryToken(field) && isValidValue(field, tokened)) return tokened;
  if (isValidValue(field, payload)) {
    context.note(
      `${key}: some hostile values are too long to carry the trial's token; repeats may conflict`,
    );
  }
  return payload;
}

/**
 * Text the runner's robustness check could take for a leaked file-system path. It ignores what a request
 * sent, but a read-back request did not send it, so such values are checked on create only.
 */
const pathRoots = [
  ...["home", "Users", "root", "srv", "var", "usr", "opt", "tmp", "etc", "proc", "mnt", "private"],
  ...[
    "nix",
    "workspace",
    "builds",
    "run",
    "lib",
    "app",
    "code",
    "src",
    "data",
    "workdir",
    "project",
  ],
];
const pathLike = new RegExp(String.raw`\/(?:${pathRoots.join("|")})\/|node_modules|[A-Za-z]:\\`);

function createOrRefuse(
  context: HttpContext,
  entity: EntityInfo,
  body: RecordValues,
  valid: boolean,
): HttpStep[] {
  const { model } = context;
  if (!valid) {
    return [
      httpStep("POST", entity.path, refusal(model, model.errors.validation), {
        json: toTemplate(body),
      }),
    ];
  }
  const steps = [createStep(model, entity, body, storedRecord(entity, body))];
  const readable = context.supports(entity, "read");
  if (readable && !Object.values(body).some((value) => pathLike.test(String(value)))) {
    steps.push(readBackStep(model, entity, "created"));
  }
  return steps;
}

/** One list per payload family: each hostile string of the family in each text field. */
export function stringPayloadScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[][] {
  if (!context.supports(entity, "create")) return [];
  // Free text first: a hostile string is stored there, while a pattern or an enum refuses nearly all.
  const text = entity.writable.filter(([, field]) => textTypes.has(field.type));
  const free = (field: FieldDefinition) => field.pattern === undefined && field.enum === undefined;
  const fields = [
    ...text.filter(([, field]) => free(field)),
    ...text.filter(([, field]) => !free(field)),
  ];
  return payloadFamilies.map((family: PayloadFamily) => {
    const payloads = stringPayloads.filter((payload) => payload.family === family);
    const scenarios: HttpScenario[] = [];
    for (const [index, payload] of payloads.entries()) {
      for (const [name, field] of fields) {
        const key = `${entity.name}.${name}`;
        const value = sentPayload(context, key, field, payload.value);
        const valid = isValidValue(field, value);
        const outcome = valid ? "stored as text" : "refused";
        const base = createBody(context, entity, { variant: 10_000 + index, requiredOnly: true });
        scenarios.push(
          scenario({
            id: `malicious/${entity.name}/${name}/${family}-${index + 1}`,
            category: "malicious",
            title: `${family} in ${entity.name}.${name} (${payload.note}) is ${outcome}`,
            tags: [
              `entity:${entity.name}`,
              "operation:create",
              `field:${name}`,
              "aspect:injection",
              valid ? "aspect:round-trip" : "aspect:validation",
              `family:${family}`,
            ],
            steps: createOrRefuse(context, entity, { ...base, [name]: value }, valid),
          }),
        );
      }
    }
    return scenarios;
  });
}

/** NoSQL operators and values of the wrong JSON type in each writable field: refused. */
export function wrongShapeScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[][] {
  if (!context.supports(entity, "create")) return [];
  const { model } = context;
  const operators = structuredPayloads.filter((payload) => payload.family === "nosql-operator");
  const refuse = (
    id: string,
    title: string,
    name: string,
    value: unknown,
    aspect: string,
    index: number,
  ) => {
    const body = { ...createBody(context, entity, { variant: 11_000 + index }), [name]: value };
    return scenario({
      id,
      category: "malicious",
      title,
      tags: [
        `entity:${entity.name}`,
        "operation:create",
        `field:${name}`,
        "aspect:validation",
        `aspect:${aspect}`,
      ],
      steps: [
        httpStep("POST", entity.path, refusal(model, model.errors.validation), {
          json: toTemplate(body),
        }),
      ],
    });
  };
  const nosql: HttpScenario[] = [];
  const confusion: HttpScenario[] = [];
  for (const [name, field] of entity.writable) {
    for (const [index, operator] of operators.entries()) {
      nosql.push(
        refuse(
          `malicious/${entity.name}/${name}/nosql-operator-${index + 1}`,
          `A NoSQL operator as ${entity.name}.${name} (${operator.note}) is refused`,
          name,
          operator.value,
          "nosql-injection",
          index,
        ),
      );
    }
    for (const [index, value] of typeConfusionValues(field).entries()) {
      confusion.push(
        refuse(
          `malicious/${entity.name}/${name}/type-confusion-${index + 1}`,
          `${JSON.stringify(value)} as ${entity.name}.${name} (${field.type}) is refused`,
          name,
          value,
          "type-confusion",
          index,
        ),
      );
    }
  }
  return [nosql, confusion];
}
