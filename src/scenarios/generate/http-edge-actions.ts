/**
 * Edge scenarios of actions. First the boundaries of rules and effects found by searching the model — a
 * state reached by earlier actions and an input value allowed while the next one is refused
 * (`quantity == stock` allowed, `stock + 1` refused) or breaks a field's constraint (conflict), two of
 * each where the model has them — and both sides of each bound of the input fields
 * (`http-edge-action-inputs.ts`). Then an unknown input field and every other boundary case of the
 * input (an id that does not exist is in the not-found scenarios of `http-edge-records.ts`).
 */

import type { HttpStep } from "../../contracts/scenario.js";
import type { ActionDefinition } from "../../contracts/spec.js";
import { apply, type Flip, findFlips, type Prefix, prefixes } from "./action-boundary-search.js";
import { actionStep, actionTags, baseActionInput } from "./http-actions.js";
import type { EntityInfo, HttpContext } from "./http-context.js";
import {
  freshRecord,
  inputCaseScenarios,
  inputPairScenarios,
  type Setup,
} from "./http-edge-action-inputs.js";
import {
  type HttpScenario,
  httpStep,
  readStep,
  recordPath,
  refusal,
  scenario,
} from "./http-steps.js";
import { toTemplate } from "./unique-values.js";

/**
 * Per action, the boundaries that matter most: of its rules and effects, found by search (two of each
 * where the model has them), and both sides of each bound of its input fields.
 */
export function actionBoundaryScenarios(
  context: HttpContext,
  entity: EntityInfo,
): HttpScenario[][] {
  if (!context.supports(entity, "create")) return [];
  return Object.keys(entity.definition.actions).map((name) => [
    ...searchedBoundaries(context, entity, name),
    ...inputPairScenarios(context, entity, name),
  ]);
}

/** Per action, the rest: an unknown input field, every other case of its input. */
export function actionEdgeScenarios(context: HttpContext, entity: EntityInfo): HttpScenario[][] {
  if (!context.supports(entity, "create")) return [];
  return Object.keys(entity.definition.actions).map((name) => [
    unknownInputScenario(context, entity, name),
    ...inputCaseScenarios(context, entity, name),
  ]);
}

/** An input field the action does not have is refused, and the record is unchanged. */
function unknownInputScenario(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
): HttpScenario {
  const { model } = context;
  const action = entity.definition.actions[name] as ActionDefinition;
  const input = baseActionInput(context, entity, name);
  const unknownName =
    ["notAnInput", "unexpectedInput"].find((key) => !(key in action.input)) ?? "x_unknown";
  const setup = freshRecord(context, entity, 9500);
  const path = `${recordPath(model, entity, "created")}/${name}`;
  return scenario({
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
  });
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

/** Places where a rule or an effect decides, found by search: up to two of each, first ones first. */
const flipsPerKind = 2;

function searchedBoundaries(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
): HttpScenario[] {
  const action = entity.definition.actions[name] as ActionDefinition;
  const found = prefixes(context, entity, name, freshRecord(context, entity, 9700).state);
  const byRank: HttpScenario[][] = Array.from({ length: flipsPerKind }, () => []);
  for (const [fieldIndex, [field, definition]] of Object.entries(action.input).entries()) {
    if (definition.type !== "integer" || definition.enum !== undefined) continue;
    for (const [kindIndex, kind] of (["refused", "conflict"] as const).entries()) {
      const flips = findFlips(context, entity, name, found, field, definition, kind, flipsPerKind);
      for (const [rank, flip] of flips.entries()) {
        const variant = 9800 + fieldIndex * 10 + kindIndex * flipsPerKind + rank;
        const boundary = flipScenario(context, entity, name, field, kind, flip, variant, rank);
        if (boundary !== undefined) byRank[rank]?.push(boundary);
      }
    }
  }
  return byRank.flat();
}

function flipScenario(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  field: string,
  kind: "refused" | "conflict",
  flip: Flip,
  variant: number,
  rank: number,
): HttpScenario | undefined {
  const { model } = context;
  // Each scenario creates its own record, so that no two scenarios share a unique value.
  const reached = replay(context, entity, freshRecord(context, entity, variant), flip.prefix);
  if (!reached) return undefined;
  const input = baseActionInput(context, entity, name);
  const otherInput = { ...input, [field]: flip.other };
  const appliedInput = { ...input, [field]: flip.applied };
  const otherOutcome = apply(context, entity, reached.state, { name, input: otherInput });
  const appliedOutcome = apply(context, entity, reached.state, { name, input: appliedInput });
  if (otherOutcome.kind !== kind || appliedOutcome.kind !== "applied") return undefined;
  const refused = actionStep(context, entity, name, otherInput, otherOutcome, reached.state);
  const applied = actionStep(context, entity, name, appliedInput, appliedOutcome, reached.state);
  const reason =
    otherOutcome.kind === "refused" ? otherOutcome.check : "the result breaks a field's constraint";
  const suffix = rank === 0 ? "" : `-${rank + 1}`;
  return scenario({
    id: `edge/${entity.name}/${name}/${field}/${kind === "refused" ? "rule" : "effect"}-boundary${suffix}`,
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
  });
}
