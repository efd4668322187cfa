/**
 * Edge scenarios of an action's input fields, on a fresh record. First both sides of each bound in one
 * scenario (the value just past it is refused and changes nothing, then the value at it gets the outcome
 * the model predicts); then every other boundary case alone: a valid one gets the simulated outcome, an
 * invalid one the validation status and an unchanged record.
 */
import type { HttpStep } from "../../contracts/scenario.js";
import type { ActionDefinition } from "../../contracts/spec.js";
import { type RecordState, simulateAction } from "./action-simulation.js";
import { boundaryCases } from "./boundary-cases.js";
import { boundaryPairs, pairedLabels } from "./boundary-pairs.js";
import { actionStep, actionTags, baseActionInput } from "./http-actions.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import { createBody, storedRecord } from "./http-records.js";
import {
  createStep,
  type HttpScenario,
  httpStep,
  readStep,
  recordPath,
  refusal,
  scenario,
} from "./http-steps.js";
import { omitted } from "./is-valid-value.js";
import { toTemplate } from "./unique-values.js";

export interface Setup {
  body: RecordState;
  state: RecordState;
  steps: HttpStep[];
}

/** A new record of the entity, created by the scenario's first step. */
export function freshRecord(context: HttpContext, entity: EntityInfo, variant: number): Setup {
  const body = createBody(context, entity, { variant });
  const state = storedRecord(entity, body);
  return { body, state, steps: [createStep(context.model, entity, body, state)] };
}

function actionOf(entity: EntityInfo, name: string): ActionDefinition {
  return entity.definition.actions[name] as ActionDefinition;
}

/** Each bound of each input field: the refused side, then the accepted one, then the record. */
export function inputPairScenarios(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
): HttpScenario[] {
  const action = actionOf(entity, name);
  const scenarios: HttpScenario[] = [];
  for (const [fieldIndex, [field, definition]] of Object.entries(action.input).entries()) {
    for (const [pairIndex, pair] of boundaryPairs(definition).entries()) {
      const setup = freshRecord(context, entity, 9600 + fieldIndex * 10 + pairIndex);
      const base = baseActionInput(context, entity, name);
      const refused = refusedInputSteps(context, entity, name, setup, {
        ...base,
        [field]: pair.refused.value,
      });
      const accepted = validInputSteps(context, entity, name, setup, {
        ...base,
        [field]: pair.accepted.value,
      });
      if (accepted === undefined) continue;
      scenarios.push(
        scenario({
          id: `edge/${entity.name}/${name}/${field}/${pair.bound}-bound`,
          category: "edge",
          title: `${name} with ${field} ${pair.refused.note} is refused and changes nothing; with ${pair.accepted.note} it answers as the model says`,
          tags: [
            ...actionTags(entity, [name], ["validation", "effect", "boundary"]),
            `field:${field}`,
          ],
          // The accepted side starts from the record the refused side left unchanged.
          steps: [...refused.slice(0, -1), ...accepted.slice(setup.steps.length)],
        }),
      );
    }
  }
  return scenarios;
}

/** Every boundary case of every input field that no pair sends, each alone. */
export function inputCaseScenarios(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
): HttpScenario[] {
  const action = actionOf(entity, name);
  const scenarios: HttpScenario[] = [];
  for (const [fieldIndex, [field, definition]] of Object.entries(action.input).entries()) {
    const paired = pairedLabels(definition);
    const cases = boundaryCases(definition, { required: definition.required });
    for (const [caseIndex, entry] of cases.entries()) {
      if (paired.has(entry.label)) continue;
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
  const outcome = simulateAction(context.model, entity, actionOf(entity, name), setup.state, input);
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
  const path = `${recordPath(model, entity, "created")}/${name}`;
  const refused = refusal(model, model.errors.validation);
  return [
    ...setup.steps,
    httpStep(actionOf(entity, name).method, path, refused, { json: toTemplate(input) }),
    readStep(model, entity, "created", setup.state),
  ];
}
