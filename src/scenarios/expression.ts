/**
 * Expressions over a step's view (`status == 201 and body.items.length > 0`), with filtrex: a small
 * language that cannot call JavaScript, so a suite cannot run code through it. Dotted names are read
 * with the same safe paths as captures. A name that is not in the view is looked up in the JSON body (or
 * the return value), so `done == true` reads `body.done`; a name found in neither is an error rather than
 * a silent `undefined`, so a typo does not read as a failed check. Unlike plain filtrex, single quotes
 * make a string, as people expect (`body.state == 'open'`); `'x-id' of headers` still reads a key.
 */
import { compileExpression } from "filtrex";
import { CompileCache, type Compiled, errorText } from "./compiled.js";
import { lookUpViewPath, type ObservationView } from "./observation-view.js";
import { lookUpPath, ownValue } from "./value-path.js";

export type ExpressionOutcome =
  | {
      ok: true;
      value: unknown;
      /** Each name the expression read, with its value. */
      names: Map<string, unknown>;
    }
  | { ok: false; error: string };

export type CompiledExpression = (view: ObservationView) => ExpressionOutcome;

/** What the compiled function gets: the view, and a record of the names read while evaluating. */
class Evaluation {
  readonly names = new Map<string, unknown>();
  constructor(readonly view: ObservationView) {}
}

const constants = { true: true, false: false, null: null };

function readName(name: string, _get: unknown, object: unknown, quoting: string): unknown {
  if (!(object instanceof Evaluation)) {
    // `name of value`: a key of a value read earlier, never a path.
    const found = ownValue(object, name);
    return found.found ? found.value : undefined;
  }
  if (quoting === "single-quoted") return name;
  const value = readPath(object.view, name);
  object.names.set(name, value);
  return value;
}

function readPath(view: ObservationView, path: string): unknown {
  const lookup = lookUpViewPath(view, path);
  if (lookup.found) return lookup.value;
  // A missing key deeper down is undefined, so that `exists(body.next)` can ask for it.
  if (lookup.reached.length > 0) return undefined;
  const fallback = fallbackValue(view);
  if (fallback !== undefined) {
    const inFallback = lookUpPath(fallback.value, path);
    if (inFallback.found) return inFallback.value;
    if (inFallback.reached.length > 0) return undefined;
  }
  throw new Error(unknownNameMessage(String(lookup.missing), view, fallback));
}

const shownKeys = 8;

function unknownNameMessage(
  name: string,
  view: ObservationView,
  fallback: { name: string; value: unknown } | undefined,
): string {
  const message = `unknown name "${name}": not one of ${Object.keys(view).join(", ")}`;
  if (fallback === undefined) return message;
  const { value } = fallback;
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  const keys = isObject ? Object.keys(value).slice(0, shownKeys) : [];
  return `${message}, nor a key of ${fallback.name}${keys.length > 0 ? ` (${keys.join(", ")})` : ""}`;
}

/** The JSON value whose keys bare names may also be: the body of a response, a function's return value. */
function fallbackValue(view: ObservationView): { name: string; value: unknown } | undefined {
  const body = ownValue(view, "body");
  if (body.found) return { name: "the body", value: body.value };
  const returned = ownValue(view, "returned");
  if (returned.found) return { name: "the return value", value: returned.value };
  return undefined;
}

const cache = new CompileCache<CompiledExpression>();

export function compileViewExpression(text: string): Compiled<CompiledExpression> {
  return cache.get(text, () => {
    try {
      const evaluate = compileExpression(text, { customProp: readName, constants });
      return { ok: true, value: (view) => run(evaluate, view) };
    } catch (error) {
      return { ok: false, error: `invalid expression "${text}": ${oneLine(errorText(error))}` };
    }
  });
}

function run(evaluate: (data: unknown) => unknown, view: ObservationView): ExpressionOutcome {
  const evaluation = new Evaluation(view);
  let value: unknown;
  try {
    value = evaluate(evaluation);
  } catch (error) {
    return { ok: false, error: oneLine(errorText(error)) };
  }
  // filtrex returns, rather than throws, the errors it meets while evaluating (an unknown function).
  if (value instanceof Error) return { ok: false, error: oneLine(value.message) };
  return { ok: true, value, names: evaluation.names };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
