/**
 * The model of an action, run offline: the rules of `requires` in order over the record's fields and the
 * input (filtrex, as the conventions say), then every effect computed from the values before and applied
 * at once, unless a result breaks its field's constraints (conflict, nothing changes). What it predicts is
 * what the generated scenarios expect; when it cannot tell (a field whose value is unknown), it says so.
 */
import { compileExpression } from "filtrex";
import type { ActionDefinition, HttpServiceModel } from "../../contracts/spec.js";
import type { EntityInfo } from "./http-context.js";
import { isValidValue } from "./is-valid-value.js";

export type RecordState = Record<string, unknown>;

export type ActionOutcome =
  | { kind: "applied"; status: number; state: RecordState }
  | { kind: "refused"; status: number; error: string; check: string }
  | { kind: "conflict"; status: number; field: string; value: unknown }
  | { kind: "unknown"; reason: string };

type Evaluate = (variables: Record<string, unknown>) => unknown;

const constants = { true: true, false: false, null: null };
const compiled = new Map<string, Evaluate | Error>();

function compile(expression: string): Evaluate | Error {
  const cached = compiled.get(expression);
  if (cached) return cached;
  let result: Evaluate | Error;
  try {
    result = compileExpression(expression, { constants }) as Evaluate;
  } catch (error) {
    result = error instanceof Error ? error : new Error(String(error));
  }
  compiled.set(expression, result);
  return result;
}

/** Evaluates an expression; an Error when it does not compile or reads a value we do not know. */
export function evaluateExpression(
  expression: string,
  variables: Record<string, unknown>,
): unknown {
  const evaluate = compile(expression);
  if (evaluate instanceof Error) return evaluate;
  return evaluate(variables);
}

/** The input's values, with the defaults of optional input fields that were left out. */
function inputVariables(action: ActionDefinition, input: RecordState): RecordState {
  const variables: RecordState = { ...input };
  for (const [name, field] of Object.entries(action.input)) {
    if (!(name in variables) && field.default !== undefined) variables[name] = field.default;
  }
  return variables;
}

export function simulateAction(
  model: HttpServiceModel,
  entity: EntityInfo,
  action: ActionDefinition,
  state: RecordState,
  input: RecordState,
): ActionOutcome {
  const variables = { ...state, ...inputVariables(action, input) };
  for (const rule of action.requires) {
    const passed = evaluateExpression(rule.check, variables);
    if (passed instanceof Error) return unknown(rule.check, passed);
    if (!passed)
      return { kind: "refused", status: rule.status, error: rule.error, check: rule.check };
  }
  const changes: RecordState = {};
  for (const [name, expression] of Object.entries(action.effects)) {
    const value = evaluateExpression(expression, variables);
    if (value instanceof Error) return unknown(expression, value);
    const field = entity.definition.fields[name];
    if (field === undefined) return { kind: "unknown", reason: `effect on unknown field ${name}` };
    if (!isValidValue({ ...field, required: true }, value)) {
      return { kind: "conflict", status: model.errors.conflict, field: name, value };
    }
    changes[name] = value;
  }
  return { kind: "applied", status: action.status, state: { ...state, ...changes } };
}

function unknown(expression: string, error: Error): ActionOutcome {
  return { kind: "unknown", reason: `cannot evaluate "${expression}": ${error.message}` };
}
