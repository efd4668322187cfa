/**
 * Edge scenarios of an entity's fields: every boundary case of every writable field on create (valid ones
 * stored and read back, invalid ones refused with an error body), a few on update (an invalid one leaves
 * the record unchanged), defaults of left-out fields, and bodies with fields a client may not send. The
 * cases the boundary pairs send (`http-edge-pairs.ts`: a bound's two sides) are left out here.
 */

import type { HttpStep } from "../../contracts/scenario.js";
import type { FieldDefinition } from "../../contracts/spec.js";
import { type BoundaryCase, boundaryCases } from "./boundary-cases.js";
import { pairedLabels } from "./boundary-pairs.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, type RecordValues, storedRecord } from "./http-records.js";
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
import { omitted } from "./is-valid-value.js";
import { canCarryToken, toTemplate, withToken } from "./unique-values.js";

/** The case's value as sent: unique fields get the trial's token where the length allows. */
export function sentValue(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  field: FieldDefinition,
  entry: BoundaryCase,
) {
  if (!field.unique || !entry.valid || typeof entry.value !== "string") return entry.value;
  const tokened = withToken(field, entry.value, "keep-length");
  if (tokened !== undefined) return tokened;
  if (canCarryToken(field)) {
    const id = `edge/${entity.name}/${name}/${entry.label}`;
    context.note(`${id}: a value too short for the trial's token; repeats may conflict`);
  }
  return entry.value;
}

function withCase(body: RecordValues, name: string, value: unknown): RecordValues {
  const changed = { ...body };
  if (value === omitted) delete changed[name];
  else changed[name] = value;
  return changed;
}

/** Every boundary case of every writable field that no pair sends, sent on create. */
export function createBoundaryScenarios(
  context: HttpContext,
  entity: EntityInfo,
): HttpScenario[][] {
  if (!context.supports(entity, "create")) return [];
  const { model } = context;
  return entity.writable.map(([name, field], fieldIndex) => {
    const paired = pairedLabels(field);
    const cases = boundaryCases(field, { required: field.required });
    return cases.flatMap((entry, caseIndex) => {
      if (paired.has(entry.label)) return [];
      const base = createBody(context, entity, {
        variant: 3000 + fieldIndex * 100 + caseIndex,
        requiredOnly: true,
      });
      const body = withCase(base, name, sentValue(context, entity, name, field, entry));
      const outcome = entry.valid ? "is stored" : "is refused";
      const steps: HttpStep[] = entry.valid
        ? [createStep(model, entity, body, storedRecord(entity, body))]
        : [
            httpStep("POST", entity.path, refusal(model, model.errors.validation), {
              json: toTemplate(body),
            }),
          ];
      if (entry.valid && context.supports(entity, "read"))
        steps.push(readBackStep(model, entity, "created"));
      const aspect =
        entry.value === omitted && entry.valid
          ? "default"
          : entry.valid
            ? "round-trip"
            : "validation";
      return scenario({
        id: `edge/${entity.name}/${name}/${entry.label}`,
        category: "edge",
        title: `A ${entity.name} whose ${name} is ${entry.note} ${outcome}`,
        tags: [
          `entity:${entity.name}`,
          "operation:create",
          `field:${name}`,
          `aspect:${aspect}`,
          "aspect:boundary",
        ],
        steps,
      });
    });
  });
}

const updateLabels = new Set([
  "longest",
  "longest-plus-one",
  "below-min",
  "above-max",
  "empty",
  "max",
  "min",
]);

/** A few boundary cases of each field that no pair sends, on update; an invalid one changes nothing. */
export function updateBoundaryScenarios(
  context: HttpContext,
  entity: EntityInfo,
): HttpScenario[][] {
  if (!context.supports(entity, "create") || !context.supports(entity, "update")) return [];
  const { model } = context;
  return entity.writable.map(([name, field], fieldIndex) => {
    const paired = pairedLabels(field);
    const cases = boundaryCases(field, { required: false }).filter(
      (entry) =>
        entry.value !== omitted &&
        !paired.has(entry.label) &&
        (updateLabels.has(entry.label) || entry.label.startsWith("pattern-")) &&
        // A fixed value of a unique field would collide with the create scenario that sends it too.
        !(
          field.unique &&
          entry.valid &&
          withToken(field, entry.value, "keep-length") === undefined
        ),
    );
    return cases.map((entry, caseIndex) => {
      const body = createBody(context, entity, { variant: 5000 + fieldIndex * 100 + caseIndex });
      const stored = storedRecord(entity, body);
      const changes = { [name]: sentValue(context, entity, name, field, entry) };
      const path = recordPath(model, entity, "created");
      const steps: HttpStep[] = [createStep(model, entity, body, stored)];
      if (entry.valid) {
        steps.push(
          httpStep(
            "PATCH",
            path,
            recordAnswer(model, 200, { ...stored, ...changes }),
            { json: toTemplate(changes) },
            { updated: "body" },
          ),
        );
        if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "updated"));
      } else {
        steps.push(
          httpStep("PATCH", path, refusal(model, model.errors.validation), {
            json: toTemplate(changes),
          }),
        );
        if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "created"));
      }
      const outcome = entry.valid ? "is stored" : "is refused and changes nothing";
      return scenario({
        id: `edge/${entity.name}/${name}/update-${entry.label}`,
        category: "edge",
        title: `Changing a ${entity.name}'s ${name} to ${entry.note} ${outcome}`,
        tags: [
          `entity:${entity.name}`,
          "operation:update",
          `field:${name}`,
          `aspect:${entry.valid ? "round-trip" : "validation"}`,
          "aspect:boundary",
        ],
        steps,
      });
    });
  });
}

/** A record with only its required fields gets every default; `{}` on update changes nothing. */
export function defaultScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  if (!context.supports(entity, "create")) return [];
  const { model } = context;
  const scenarios: HttpScenario[] = [];
  const body = createBody(context, entity, { variant: 7000, requiredOnly: true });
  const defaults = entity.fields
    .filter(([, field]) => field.default !== undefined)
    .map(([name]) => name);
  if (defaults.length > 0) {
    const steps = [createStep(model, entity, body, storedRecord(entity, body))];
    if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "created"));
    scenarios.push(
      scenario({
        id: `edge/${entity.name}/defaults`,
        category: "edge",
        title: `A ${entity.name} sent without ${defaults.join(", ")} gets their defaults`,
        tags: [
          `entity:${entity.name}`,
          "operation:create",
          ...defaults.map((name) => `field:${name}`),
          "aspect:default",
        ],
        steps,
      }),
    );
  }
  if (context.supports(entity, "update")) {
    const path = recordPath(model, entity, "created");
    const record = createBody(context, entity, { variant: 7001 });
    const steps = [
      createStep(model, entity, record, storedRecord(entity, record)),
      httpStep("PATCH", path, [{ status: 200 }, { json: "{{ created }}" }], { json: {} }),
    ];
    scenarios.push(
      scenario({
        id: `edge/${entity.name}/update-nothing`,
        category: "edge",
        title: `Changing a ${entity.name} with {} changes nothing`,
        tags: [`entity:${entity.name}`, "operation:update", "aspect:empty-update"],
        steps,
      }),
    );
  }
  return scenarios;
}

/** Fields a client may not send: one the entity does not have, the id field, each readOnly field. */
export function forbiddenFieldScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[] {
  const { model } = context;
  const unknownName =
    ["notAField", "unknownField", "extraField"].find(
      (name) => !(name in entity.definition.fields),
    ) ?? "x_unknown";
  const forbidden: [label: string, name: string, value: unknown, what: string][] = [
    ["unknown-field", unknownName, "surprise", `a field it does not have (${unknownName})`],
    ["id-field", model.http.idField, 4242, `its id field (${model.http.idField})`],
    ...entity.fields
      .filter(([, field]) => field.readOnly)
      .map(([name, field]): [string, string, unknown, string] => [
        `read-only-${name}`,
        name,
        context.pool(`${entity.name}.${name}`, { ...field, readOnly: false })[0] ?? 1,
        `the read-only field ${name}`,
      ]),
  ];
  const scenarios: HttpScenario[] = [];
  for (const [index, [label, name, value, what]] of forbidden.entries()) {
    if (context.supports(entity, "create")) {
      const body = { ...createBody(context, entity, { variant: 7100 + index }), [name]: value };
      scenarios.push(
        scenario({
          id: `edge/${entity.name}/create-with-${label}`,
          category: "edge",
          title: `A new ${entity.name} with ${what} is refused`,
          tags: [`entity:${entity.name}`, "operation:create", `field:${name}`, "aspect:validation"],
          steps: [
            httpStep("POST", entity.path, refusal(model, model.errors.validation), {
              json: toTemplate(body),
            }),
          ],
        }),
      );
    }
    if (context.supports(entity, "create") && context.supports(entity, "update")) {
      const body = createBody(context, entity, { variant: 7200 + index });
      const steps = [
        createStep(model, entity, body, storedRecord(entity, body)),
        httpStep(
          "PATCH",
          recordPath(model, entity, "created"),
          refusal(model, model.errors.validation),
          {
            json: toTemplate({ [name]: value }),
          },
        ),
      ];
      if (context.supports(entity, "read")) steps.push(readBackStep(model, entity, "created"));
      scenarios.push(
        scenario({
          id: `edge/${entity.name}/update-with-${label}`,
          category: "edge",
          title: `Changing ${what} of a ${entity.name} is refused and changes nothing`,
          tags: [`entity:${entity.name}`, "operation:update", `field:${name}`, "aspect:validation"],
          steps,
        }),
      );
    }
  }
  return scenarios;
}
