/**
 * Searching the model for the boundaries of an action's rules and effects: states reached from a fresh
 * record by applying actions (a few at random, and greedily, one action at an input's extreme again and
 * again, then half a step), and in each, two adjacent input values where the outcome flips between
 * applied and refused (or conflict). What `quantity <= stock` or `stock <= 100000` means at its edge.
 */
import type { ActionDefinition, FieldDefinition } from "../../contracts/spec.js";
import { seededRandom } from "../../stats/random.js";
import { type ActionOutcome, type RecordState, simulateAction } from "./action-simulation.js";
import { deriveSeed } from "./derive-seed.js";
import { actionInput, baseActionInput } from "./http-actions.js";
import type { EntityInfo, HttpContext } from "./http-context.js";

export interface AppliedAction {
  name: string;
  input: RecordState;
}

/** A state reached from a fresh record by applying actions, remembered as the actions, to replay. */
export interface Prefix {
  applied: AppliedAction[];
  state: RecordState;
}

const randomPrefixes = 24;
const greedyLimit = 25;

export function apply(
  context: HttpContext,
  entity: EntityInfo,
  state: RecordState,
  step: AppliedAction,
) {
  const action = entity.definition.actions[step.name] as ActionDefinition;
  return simulateAction(context.model, entity, action, state, step.input);
}

/**
 * States worth testing a rule in: the fresh record, a few reached by random actions, and some reached
 * greedily (one action at an input's largest or smallest value, again and again, then half a step),
 * which is how a bound such as `stock <= 100000` gets near enough to be crossed by one more action.
 */
export function prefixes(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  start: RecordState,
): Prefix[] {
  const names = Object.keys(entity.definition.actions);
  const found: Prefix[] = [{ applied: [], state: start }];
  for (let attempt = 1; attempt < randomPrefixes; attempt += 1) {
    const random = seededRandom(
      deriveSeed(context.seed, `${entity.name}/${name}/prefix/${attempt}`),
    );
    let state = start;
    const applied: AppliedAction[] = [];
    const length = 1 + Math.floor(random() * 3);
    for (let index = 0; index < length; index += 1) {
      const other = names[Math.floor(random() * names.length)] as string;
      const step = { name: other, input: actionInput(context, entity, other, random) };
      const outcome = apply(context, entity, state, step);
      if (outcome.kind !== "applied") continue;
      applied.push(step);
      state = outcome.state;
    }
    if (applied.length > 0) found.push({ applied, state });
  }
  for (const other of names) found.push(...greedyPrefixes(context, entity, other, start));
  return found;
}

function greedyPrefixes(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  start: RecordState,
): Prefix[] {
  const action = entity.definition.actions[name] as ActionDefinition;
  const base = baseActionInput(context, entity, name);
  const found: Prefix[] = [];
  for (const [field, definition] of Object.entries(action.input)) {
    if (definition.type !== "integer") continue;
    for (const extreme of [definition.max, definition.min]) {
      if (extreme === undefined) continue;
      const step = { name, input: { ...base, [field]: extreme } };
      const half = { name, input: { ...base, [field]: Math.trunc(extreme / 2) } };
      // The run stops when one more full step would not apply; half a step from the state before the
      // last lands between the last two, where one more action crosses the bound.
      const run: Prefix[] = [{ applied: [], state: start }];
      for (let count = 0; count < greedyLimit; count += 1) {
        const last = run[run.length - 1] as Prefix;
        const outcome = apply(context, entity, last.state, step);
        if (outcome.kind !== "applied") break;
        run.push({ applied: [...last.applied, step], state: outcome.state });
      }
      found.push(...run.slice(1));
      const beforeLast = run[run.length - 2];
      if (beforeLast !== undefined) {
        const halfway = apply(context, entity, beforeLast.state, half);
        if (halfway.kind === "applied") {
          found.push({ applied: [...beforeLast.applied, half], state: halfway.state });
        }
      }
    }
  }
  return found;
}

export interface Flip {
  prefix: Prefix;
  applied: number;
  other: number;
}

const scanWidth = 200;
const openRange = 100_000;

type OutcomeKind = ActionOutcome["kind"];

/**
 * Adjacent values where the outcome flips between applied and `kind`: first a scan of the smallest
 * values, then a bisection over the whole range when its two ends differ that way.
 */
function flipIn(
  kindAt: (value: number) => OutcomeKind,
  low: number,
  high: number,
  kind: OutcomeKind,
) {
  const isFlip = (left: OutcomeKind, right: OutcomeKind) =>
    (left === "applied" && right === kind) || (left === kind && right === "applied");
  let previous = kindAt(low);
  for (let value = low; value < Math.min(high, low + scanWidth); value += 1) {
    const next = kindAt(value + 1);
    if (isFlip(previous, next)) return { left: value, leftKind: previous };
    previous = next;
  }
  let left = low;
  let right = high;
  const leftKind = kindAt(left);
  const rightKind = kindAt(right);
  if (!isFlip(leftKind, rightKind)) return undefined;
  while (right - left > 1) {
    const middle = Math.floor((left + right) / 2);
    const middleKind = kindAt(middle);
    if (middleKind === leftKind) left = middle;
    else if (middleKind === rightKind) right = middle;
    else return undefined;
  }
  return { left, leftKind };
}

/**
 * Up to `count` places where the action flips between applied and `kind`, each a prefix and a pair of
 * adjacent values no earlier one has: the first found where the applied value is above the input's
 * smallest, then (when fewer) one at the smallest.
 */
export function findFlips(
  context: HttpContext,
  entity: EntityInfo,
  name: string,
  found: Prefix[],
  field: string,
  definition: FieldDefinition,
  kind: "refused" | "conflict",
  count: number,
): Flip[] {
  const input = baseActionInput(context, entity, name);
  const low = Math.ceil(definition.min ?? -openRange);
  const high = Math.floor(definition.max ?? low + 2 * openRange);
  const flips: Flip[] = [];
  const seen = new Set<string>();
  let fallback: Flip | undefined;
  for (const prefix of found) {
    if (flips.length >= count) break;
    const kindAt = (value: number) =>
      apply(context, entity, prefix.state, { name, input: { ...input, [field]: value } }).kind;
    const flip = flipIn(kindAt, low, high, kind);
    if (!flip) continue;
    const appliedFirst = flip.leftKind === "applied";
    const result = {
      prefix,
      applied: appliedFirst ? flip.left : flip.left + 1,
      other: appliedFirst ? flip.left + 1 : flip.left,
    };
    const key = `${result.applied}/${result.other}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (result.applied > low) flips.push(result);
    else fallback ??= result;
  }
  if (flips.length < count && fallback !== undefined) flips.push(fallback);
  return flips;
}
