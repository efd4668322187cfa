/**
 * The function worker: a long-lived Node process, started inside the sandbox by the function pool, that
 * calls exports of modules under test. Plain JavaScript without dependencies, because it runs from both
 * src/ (under vitest) and dist/, as `node function-worker.mjs`.
 *
 * Protocol (one JSON object per line, both ways):
 * - requests arrive on stdin: `{ "id": 1, "module": "/abs/path.mjs", "export": "add", "args": [1, 2] }`;
 * - responses leave on file descriptor 3, never stdout, so nothing the code under test prints can be read
 *   as one: `{ "id": 1, "returned": 3, "durationMs": 0.02 }` or
 *   `{ "id": 1, "threw": { "name": "RangeError", "message": "…", "stack": "…" }, "durationMs": 0.1 }`;
 * - the first line on fd 3 is `{ "ready": true }`, once the worker can take requests;
 * - the end of stdin ends the worker.
 * Requests are handled as they arrive: several calls may be in flight at once when the pool pipelines.
 *
 * Values JSON cannot carry are tagged (see encodeValue): `{ "$undefined": true }`, `{ "$bigint": "12" }`,
 * `{ "$number": "NaN" | "Infinity" | "-Infinity" }`, `{ "$function": "name" }`, `{ "$symbol": "description" }`,
 * `{ "$circular": true }`, `{ "$map": [[key, value], …] }`, `{ "$set": [value, …] }`,
 * `{ "$error": { "name": "…", "message": "…" } }`. Lossy on purpose: object properties holding undefined
 * are left out (as JSON.stringify does), -0 becomes 0, objects with toJSON (Date, Buffer) are encoded as
 * what toJSON returns. Arguments are decoded: `$undefined`, `$bigint` and `$number` become the values they
 * stand for; other objects pass as they are.
 *
 * Failures of the worker itself (a module that cannot be imported, a missing or non-function export, a
 * return value that cannot be encoded) answer as `threw` with the name "ShopfloorWorkerError". Crashes of
 * the code under test (process.exit, an exception thrown from a timer) end the worker; the pool notices.
 */
import { writeSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const responseDescriptor = 3;
const workerErrorName = "ShopfloorWorkerError";

/** Module path → its namespace once imported, so that later calls on it stay synchronous. */
const importedModules = new Map();
/** Module path → the import under way, so that concurrent first calls import once. */
const pendingImports = new Map();

function writeResponse(response) {
  const text = `${JSON.stringify(response)}\n`;
  let offset = 0;
  const bytes = Buffer.from(text);
  while (offset < bytes.length) {
    offset += writeSync(responseDescriptor, bytes, offset);
  }
}

class WorkerError extends Error {
  constructor(message) {
    super(message);
    this.name = workerErrorName;
  }
}

function encodeValue(value, ancestors) {
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
      return value === null ? null : encodeObject(value, ancestors);
  }
}

function encodeObject(object, ancestors) {
  if (ancestors.has(object)) return { $circular: true };
  ancestors.add(object);
  try {
    return encodeContainer(object, ancestors);
  } finally {
    ancestors.delete(object);
  }
}

function encodeContainer(object, ancestors) {
  if (typeof object.toJSON === "function") return encodeValue(object.toJSON(), ancestors);
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
  const encoded = {};
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (item !== undefined) setOwn(encoded, key, encodeValue(item, ancestors));
  }
  return encoded;
}

function decodeValue(value) {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    if (keys[0] === "$undefined" && value.$undefined === true) return undefined;
    if (keys[0] === "$bigint" && typeof value.$bigint === "string") return BigInt(value.$bigint);
    if (keys[0] === "$number" && typeof value.$number === "string") return Number(value.$number);
  }
  const decoded = {};
  for (const key of keys) setOwn(decoded, key, decodeValue(value[key]));
  return decoded;
}

// `target[key] = value`, except that "__proto__" stays an own key instead of replacing the prototype:
// a prototype-pollution probe must reach the code under test as sent.
function setOwn(target, key, value) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function describeThrown(thrown) {
  // The worker's own stack says nothing about the code under test.
  if (thrown instanceof WorkerError) return { name: workerErrorName, message: thrown.message };
  try {
    if (thrown !== null && typeof thrown === "object" && typeof thrown.message === "string") {
      const stack = typeof thrown.stack === "string" ? thrown.stack : undefined;
      return { name: String(thrown.name ?? "Error"), message: thrown.message, stack };
    }
    return {
      name: "ThrownValue",
      message: `a non-error value was thrown: ${describeValue(thrown)}`,
    };
  } catch (error) {
    return { name: workerErrorName, message: `the thrown value could not be read: ${error}` };
  }
}

function describeValue(value) {
  try {
    return JSON.stringify(encodeValue(value, new Set()));
  } catch {
    return String(value);
  }
}

function importModule(modulePath) {
  let pending = pendingImports.get(modulePath);
  if (pending === undefined) {
    pending = import(pathToFileURL(modulePath).href).then(
      (namespace) => {
        importedModules.set(modulePath, namespace);
        return namespace;
      },
      (error) => {
        const reason = describeThrown(error);
        throw new WorkerError(
          `the module ${modulePath} could not be imported: ${reason.name}: ${reason.message}`,
        );
      },
    );
    pendingImports.set(modulePath, pending);
  }
  return pending;
}

/** The function and the object to call it on; CommonJS exports may only be reachable through `default`. */
function findExport(namespace, modulePath, exportName) {
  let holder = namespace;
  if (
    !(exportName in namespace) &&
    isObjectLike(namespace.default) &&
    exportName in namespace.default
  ) {
    holder = namespace.default;
  }
  if (!(exportName in holder)) {
    const available = Object.keys(namespace).join(", ") || "none";
    throw new WorkerError(
      `the module ${modulePath} has no export named "${exportName}" (its exports: ${available})`,
    );
  }
  const target = holder[exportName];
  if (typeof target !== "function") {
    const kind = target === null ? "null" : typeof target;
    throw new WorkerError(`the export "${exportName}" of ${modulePath} is ${kind}, not a function`);
  }
  return { holder, target };
}

function isObjectLike(value) {
  return value !== null && (typeof value === "object" || typeof value === "function");
}

function isThenable(value) {
  return isObjectLike(value) && typeof value.then === "function";
}

function answer(id, outcome, durationMs) {
  if ("threw" in outcome) {
    writeResponse({ id, threw: outcome.threw, durationMs });
    return;
  }
  let returned;
  try {
    returned = encodeValue(outcome.returned, new Set());
  } catch (error) {
    const reason = describeThrown(error);
    const message = `the return value could not be encoded: ${reason.name}: ${reason.message}`;
    writeResponse({ id, threw: { name: workerErrorName, message }, durationMs });
    return;
  }
  writeResponse({ id, returned, durationMs });
}

function callExport(request, namespace) {
  let found;
  let args;
  try {
    found = findExport(namespace, request.module, request.export);
    args = decodeValue(request.args);
  } catch (error) {
    answer(request.id, { threw: describeThrown(error) }, 0);
    return;
  }
  const start = performance.now();
  let result;
  try {
    result = Reflect.apply(found.target, found.holder, args);
    if (!isThenable(result)) {
      answer(request.id, { returned: result }, performance.now() - start);
      return;
    }
  } catch (error) {
    answer(request.id, { threw: describeThrown(error) }, performance.now() - start);
    return;
  }
  Promise.resolve(result).then(
    (returned) => answer(request.id, { returned }, performance.now() - start),
    (error) => answer(request.id, { threw: describeThrown(error) }, performance.now() - start),
  );
}

function handleRequest(request) {
  const namespace = importedModules.get(request.module);
  if (namespace !== undefined) {
    callExport(request, namespace);
    return;
  }
  importModule(request.module).then(
    (imported) => callExport(request, imported),
    (error) => answer(request.id, { threw: describeThrown(error) }, 0),
  );
}

function handleLine(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    process.stderr.write(`function worker: unreadable request line: ${line.slice(0, 200)}\n`);
    process.exit(70);
  }
  handleRequest(request);
}

function listen() {
  let unfinished = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => {
    const lines = (unfinished + chunk).split("\n");
    unfinished = lines.pop() ?? "";
    for (const line of lines) {
      if (line.length > 0) handleLine(line);
    }
  });
  process.stdin.on("end", () => process.exit(0));
}

try {
  writeResponse({ ready: true });
} catch (error) {
  process.stderr.write(`function worker: cannot write responses on file descriptor 3: ${error}\n`);
  process.exit(70);
}
listen();
