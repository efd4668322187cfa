/**
 * Action steps and model-based action sequences: a record is created, then a seeded sequence of the
 * entity's actions with valid input is applied, and each step expects what simulating the model predicts
 * (the action's status and the changed record, a rule's status and error, or a conflict), ending with
 * the record read back. Reaching a state may take actions first: readOnly fields start at their default.
 */

import type { HttpStep } from "../../contracts/scenario.js";
import type { ActionDefinition, FieldDefinition } from "../../contracts/spec.js";
import { type RandomSource, seededRandom } from "../../stats/random.js";
import { type ActionOutcome, type RecordState, simulateAction } from "./action-simulation.js";
import { deriveSeed } from "./derive-seed.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, storedRecord } from "./http-records.js";
import {
  createStep,
  type HttpScenario,
  httpStep,
  readStep,
  recordAnswer,
  recordPath,
  refusal,
  scenario,
} from "./http-steps.js";
import { toTemplate } from "./unique-values.js";

export interface ActionStepResult {
  step: HttpStep;
  /** The record's state after the step (unchanged unless the action applied). */
  state: RecordState;
}

/** The request of an action on the record `capture` holds, expecting the simulated outcome. */
export function actionStep(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  input: RecordState,
  outcome: Exclude<ActionOutcome, { kind: "unknown" }>,
  state: RecordState,
  capture = "created",
): ActionStepResult {
  const { model } = context;
  const action = entity.definition.actions[name] as ActionDefinition;
  const path = `${recordPath(model, entity, capture)}/${name}`;
  const parts = { json: toTemplate(input) };
  if (outcome.kind === "applied") {
    const step = httpStep(
      action.method,
      path,
      recordAnswer(model, outcome.status, outcome.state),
      parts,
    );
    return { step, state: outcome.state };
  }
  const expect = refusal(model, outcome.status);
  if (outcome.kind === "refused") {
    expect.push({ jsonSubset: toTemplate({ [model.errors.messageField]: outcome.error }) });
  }
  return { step: httpStep(action.method, path, expect, parts), state };
}

/** A valid input for an action: each input field from its seeded pool, or a small whole number. */
export function actionInput(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  random: RandomSource,
): RecordState {
  const action = entity.definition.actions[name] as ActionDefinition;
  const input: RecordState = {};
  for (const [field, definition] of Object.entries(action.input)) {
    if (!definition.required && random() < 0.2) continue;
    input[field] = inputValue(context, `${entity.name}.${name}.${field}`, definition, random);
  }
  return input;
}

/** The one input every edge scenario of an action starts from, the same for a seed. */
export function baseActionInput(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
): RecordState {
  const random = seededRandom(deriveSeed(context.seed, `${entity.name}/${name}/base-input`));
  return actionInput(context, entity, name, random);
}

function inputValue(
  context: HttpContext,
  key: string,
  field: FieldDefinition,
  random: RandomSource,
): unknown {
  // Small numbers make rules such as `quantity <= stock` go both ways within a few steps.
  const small = Math.ceil(field.min ?? 1) + Math.floor(random() * 10);
  if (field.type === "integer" && field.enum === undefined && random() < 0.6) {
    if (field.max === undefined || small <= field.max) return small;
  }
  const pool = context.pool(key, field);
  return pool[Math.floor(random() * pool.length)];
}

export function actionTags(
  entity: EntityInfo,
  names: Iterable<string>,
  aspects: Iterable<string>,
): string[] {
  return [
    `entity:${entity.name}`,
    ...[...new Set(names)].map((name) => `action:${name}`),
    "operation:create",
    ...[...new Set(aspects)].map((aspect) => `aspect:${aspect}`),
  ];
}

const outcomeAspects = { applied: "effect", refused: "rule", conflict: "conflict" } as const;

/** Creates a record and applies a seeded sequence of actions, each expecting the simulated outcome. */
export function actionSequence(
  context: HttpContext,
  entity: EntityInfo,
  variant: number,
): HttpScenario | undefined {
  const names = Object.keys(entity.definition.actions);
  if (names.length === 0 || !context.supports(entity, "create")) return undefined;
  const { model } = context;
  const random = seededRandom(deriveSeed(context.seed, `${entity.name}/actions/${variant}`));
  const body = createBody(context, entity, { variant: variant + 1200 });
  let state = storedRecord(entity, body);
  const steps: HttpStep[] = [createStep(model, entity, body, state)];
  const used: string[] = [];
  const aspects: string[] = [];
  const length = 2 + Math.floor(random() * 4);
  for (let index = 0; index < length; index += 1) {
    const name = names[Math.floor(random() * names.length)] as string;
    const input = actionInput(context, entity, name, random);
    const action = entity.definition.actions[name] as ActionDefinition;
    const outcome = simulateAction(model, entity, action, state, input);
    if (outcome.kind === "unknown") {
      context.note(`${entity.name}.${name}: cannot predict its outcome (${outcome.reason})`);
      break;
    }
    const result = actionStep(context, entity, name, input, outcome, state);
    steps.push(result.step);
    state = result.state;
    used.push(name);
    aspects.push(outcomeAspects[outcome.kind]);
  }
  if (used.length === 0) return undefined;
  if (context.supports(entity, "read")) steps.push(readStep(model, entity, "created", state));
  return scenario({
    id: `normal/${entity.name}/actions-${variant + 1}`,
    category: "normal",
    title: `A ${entity.name} goes through ${used.join(", ")} as the model predicts`,
    tags: actionTags(entity, used, aspects),
    steps,
  });
}
