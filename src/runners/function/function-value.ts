/**
 * The tagged JSON that carries values across the worker boundary, both ways. JSON cannot hold undefined,
 * BigInt, NaN, functions or cycles, so those become one-key objects such as `{ "$undefined": true }` and
 * `{ "$bigint": "12" }`; the full list, and what is lossy on purpose, is in runtime/function-worker.mjs,
 * which encodes return values the same way. The pool encodes arguments here; the worker decodes
 * `$undefined`, `$bigint` and `$number` back into the values they stand for. Observations keep the tagged
 * form, so that a scenario can expect `json: { $undefined: true }` and a report stays plain JSON.
 */

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

export function encodeFunctionValue(value: unknown): JsonValue {
  return encodeValue(value, new Set());
}

function encodeValue(value: unknown, ancestors: Set<object>): JsonValue {
  switch (typeof value) {
    case "undefined":
      return { $undefined: true };
    case "bigint":
      return { $bigint: value.toString() };
    case "number":
      return Number.isFinite(value) ? value : { $number: String(value) };
    case "function":
      return { $function: value.name || "anonymous" };
    case "symbol":
      return { $symbol: value.description ?? "" };
    case "string":
    case "boolean":
      return value;
    default:
      return value === null ? null : encodeObject(value as object, ancestors);
  }
}

function encodeObject(object: object, ancestors: Set<object>): JsonValue {
  if (ancestors.has(object)) return { $circular: true };
  ancestors.add(object);
  try {
    return encodeContainer(object, ancestors);
  } finally {
    ancestors.delete(object);
  }
}

function encodeContainer(object: object, ancestors: Set<object>): JsonValue {
  const withToJson = object as { toJSON?: unknown };
  if (typeof withToJson.toJSON === "function") {
    return encodeValue((withToJson.toJSON as () => unknown).call(object), ancestors);
  }
  if (Array.isArray(object)) return Array.from(object, (item) => encodeValue(item, ancestors));
  if (object instanceof Map) {
    return {
      $map: Array.from(object, ([key, item]) => [
        encodeValue(key, ancestors),
        encodeValue(item, ancestors),
      ]),
    };
  }
  if (object instanceof Set)
    return { $set: Array.from(object, (item) => encodeValue(item, ancestors)) };
  if (object instanceof Error) {
    return { $error: { name: String(object.name), message: String(object.message) } };
  }
  const encoded: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(object)) {
    if (item !== undefined) setOwn(encoded, key, encodeValue(item, ancestors));
  }
  return encoded;
}

/** `target[key] = value`, except that "__proto__" stays an own key instead of replacing the prototype. */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
