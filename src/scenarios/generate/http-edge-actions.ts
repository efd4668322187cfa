/**
 * Edge scenarios of actions: every boundary case of every input field (valid ones get the simulated
 * outcome, invalid ones the validation status and an unchanged record), an unknown input field, an id
 * that does not exist, and the boundaries of rules and effects found by searching the model: a state
 * reached by earlier actions and an input value allowed while the next one is refused (`quantity == stock`
 * allowed, `stock + 1` refused) or breaks a field's constraint (conflict).
 */

import type { HttpStep } from "../../contracts/scenario.js";
import type { ActionDefinition } from "../../contracts/spec.js";
import { apply, findFlip, type Prefix, prefixes } from "./action-boundary-search.js";
import { type RecordState, simulateAction } from "./action-simulation.js";
import { boundaryCases } from "./boundary-cases.js";
import { actionStep, actionTags, baseActionInput } from "./http-actions.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, storedRecord } from "./http-records.js";
import {
  createStep,
  type HttpScenario,
  httpStep,
  notFoundStep,
  readStep,
  recordPath,
  refusal,
  scenario,
} from "./http-steps.js";
import { omitted } from "./is-valid-value.js";
import { toTemplate } from "./unique-values.js";

interface Setup {
  body: RecordState;
  state: RecordState;
  steps: HttpStep[];
}

function freshRecord(context: HttpContext, entity: EntityInfo, variant: number): Setup {
  const body = createBody(context, entity, { variant });
  const state = storedRecord(entity, body);
  return { body, state, steps: [createStep(context.model, entity, body, state)] };
}

export function actionEdgeScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[][] {
  if (!context.supports(entity, "create")) return [];
  return Object.keys(entity.definition.actions).map((name) => [
    ...searchedBoundaries(context, entity, name),
    ...refusedRequestScenarios(context, entity, name),
    ...boundaryScenarios(context, entity, name),
  ]);
}

function boundaryScenarios(context: HttpContext, entity: EntityInfo, name: string): HttpScenario[] {
  const action = entity.definition.actions[name] as ActionDefinition;
  const scenarios: HttpScenario[] = [];
  for (const [fieldIndex, [field, definition]] of Object.entries(action.input).entries()) {
    const cases = boundaryCases(definition, { required: definition.required });
    for (const [caseIndex, entry] of cases.entries()) {
      const setup = freshRecord(context, entity, 9000 + fieldIndex * 100 + caseIndex);
      const input = { ...baseActionInput(context, entity, name) };
      if (entry.value === omitted) delete input[field];
      else input[field] = entry.value;
      const steps = entry.valid
        ? validInputSteps(context, entity, name, setup, input)
        : refusedInputSteps(context, entity, name, setup, input);
      if (!steps) continue;
      const outcome = entry.valid ? "answers as the model says" : "is refused and changes nothing";
      scenarios.push(
        scenario({
          id: `edge/${entity.name}/${name}/${field}/${entry.label}`,
          category: "edge",
          title: `${name} with ${field} ${entry.note} ${outcome}`,
          tags: [
            ...actionTags(entity, [name], [entry.valid ? "effect" : "validation", "boundary"]),
            `field:${field}`,
          ],
          steps,
        }),
      );
    }
  }
  return scenarios;
}

/** A valid input: the outcome the model predicts, then the record as it left it (undefined if unknown). */
function validInputSteps(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  setup: Setup,
  input: RecordState,
): HttpStep[] | undefined {
  const action = entity.definition.actions[name] as ActionDefinition;
  const outcome = simulateAction(context.model, entity, action, setup.state, input);
  if (outcome.kind === "unknown") return undefined;
  const result = actionStep(context, entity, name, input, outcome, setup.state);
  return [...setup.steps, result.step, readStep(context.model, entity, "created", result.state)];
}

/** An invalid input: the validation status, then the record unchanged. */
function refusedInputSteps(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  setup: Setup,
  input: RecordState,
): HttpStep[] {
  const { model } = context;
  const action = entity.definition.actions[name] as ActionDefinition;
  const path = `${recordPath(model, entity, "created")}/${name}`;
  const refused = refusal(model, model.errors.validation);
  return [
    ...setup.steps,
    httpStep(action.method, path, refused, { json: toTemplate(input) }),
    readStep(model, entity, "created", setup.state),
  ];
}

function refusedRequestScenarios(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
): HttpScenario[] {
  const { model } = context;
  const action = entity.definition.actions[name] as ActionDefinition;
  const input = baseActionInput(context, entity, name);
  const unknownName =
    ["notAnInput", "unexpectedInput"].find((key) => !(key in action.input)) ?? "x_unknown";
  const setup = freshRecord(context, entity, 9500);
  const path = `${recordPath(model, entity, "created")}/${name}`;
  const scenarios = [
    scenario({
      id: `edge/${entity.name}/${name}/unknown-input-field`,
      category: "edge",
      title: `${name} with an input field it does not have is refused and changes nothing`,
      tags: actionTags(entity, [name], ["validation"]),
      steps: [
        ...setup.steps,
        httpStep(action.method, path, refusal(model, model.errors.validation), {
          json: toTemplate({ ...input, [unknownName]: 1 }),
        }),
        readStep(model, entity, "created", setup.state),
      ],
    }),
  ];
  const missing = `${entity.path}/00000000-0000-0000-0000-000000000000/${name}`;
  scenarios.push(
    scenario({
      id: `edge/${entity.name}/${name}/unknown-id`,
      category: "edge",
      title: `${name} on a ${entity.name} that does not exist is not found`,
      tags: actionTags(entity, [name], ["not-found"]),
      steps: [notFoundStep(model, action.method, missing, { json: toTemplate(input) })],
    }),
  );
  return scenarios;
}

/** Replays a prefix on a fresh record: the steps, and the state it reaches (undefined if it differs). */
function replay(context: HttpContext, entity: EntityInfo, setup: Setup, prefix: Prefix) {
  let state = setup.state;
  const steps: HttpStep[] = [...setup.steps];
  for (const step of prefix.applied) {
    const outcome = apply(context, entity, state, step);
    if (outcome.kind !== "applied") return undefined;
    steps.push(actionStep(context, entity, step.name, step.input, outcome, state).step);
    state = outcome.state;
  }
  return { steps, state };
}

function searchedBoundaries(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
): HttpScenario[] {
  const { model } = context;
  const action = entity.definition.actions[name] as ActionDefinition;
  const found = prefixes(context, entity, name, freshRecord(context, entity, 9700).state);
  const scenarios: HttpScenario[] = [];
  const input = baseActionInput(context, entity, name);
  for (const [fieldIndex, [field, definition]] of Object.entries(action.input).entries()) {
    if (definition.type !== "integer" || definition.enum !== undefined) continue;
    for (const kind of ["refused", "conflict"] as const) {
      const flip = findFlip(context, entity, name, found, field, definition, kind);
      if (!flip) continue;
      // Each scenario creates its own record, so that no two scenarios share a unique value.
      const reached = replay(
        context,
        entity,
        freshRecord(context, entity, 9800 + fieldIndex * 2 + (kind === "refused" ? 0 : 1)),
        flip.prefix,
      );
      if (!reached) continue;
      const otherInput = { ...input, [field]: flip.other };
      const appliedInput = { ...input, [field]: flip.applied };
      const otherOutcome = apply(context, entity, reached.state, { name, input: otherInput });
      const appliedOutcome = apply(context, entity, reached.state, { name, input: appliedInput });
      if (otherOutcome.kind !== kind || appliedOutcome.kind !== "applied") continue;
      const refused = actionStep(context, entity, name, otherInput, otherOutcome, reached.state);
      const applied = actionStep(
        context,
        entity,
        name,
        appliedInput,
        appliedOutcome,
        reached.state,
      );
      const reason =
        otherOutcome.kind === "refused"
          ? otherOutcome.check
          : "the result breaks a field's constraint";
      scenarios.push(
        scenario({
          id: `edge/${entity.name}/${name}/${field}/${kind === "refused" ? "rule" : "effect"}-boundary`,
          category: "edge",
          title: `${name}: ${field} ${flip.applied} is applied, ${flip.other} is refused (${reason})`,
          tags: [
            ...actionTags(entity, [name], [kind === "refused" ? "rule" : "conflict", "boundary"]),
            `field:${field}`,
          ],
          steps: [
            ...reached.steps,
            refused.step,
            applied.step,
            readStep(model, entity, "created", applied.state),
          ],
        }),
      );
    }
  }
  return scenarios;
}
