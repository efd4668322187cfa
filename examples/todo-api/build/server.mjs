// The todo API of examples/todo-api/spec.md, written by hand as a good agent would build it: plain Node,
// no dependencies, todos kept in memory. It follows docs/spec-conventions.md to the letter: strict
// validation, a clean 4xx for every bad request, never a 5xx, text stored exactly as sent.
//
// Run: PORT=8080 HOST=127.0.0.1 node examples/todo-api/build/server.mjs   (then GET /health)
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
const maximumBodyBytes = 65_536;
const defaultLimit = 20;
const maximumLimit = 100;

/** A todo's fields, as the spec's model declares them; `id` is assigned here. */
const fields = {
  title: { type: "string", required: true, minLength: 1, maxLength: 200 },
  done: { type: "boolean", default: false },
  priority: { type: "integer", min: 1, max: 5, default: 3 },
  due: { type: "date" },
  notes: { type: "string", maxLength: 2000 },
};

/** id → todo; a Map keeps insertion order, which is the list's creation order. */
const todos = new Map();

const server = createServer((request, response) => {
  route(request, response).catch(() => send(response, 500, { error: "internal error" }));
});

async function route(request, response) {
  const [pathname, query] = splitUrl(request.url ?? "/");
  const segments = pathname.split("/").filter(Boolean).map(decodeSegment);
  const method = request.method;
  if (pathname === "/health") {
    return method === "GET" ? send(response, 200, { status: "ok" }) : notAllowed(response, "GET");
  }
  if (segments[0] !== "todos" || segments.length > 2) return notFound(response, "no such path");
  if (segments.length === 1) {
    if (method === "GET") return listTodos(new URLSearchParams(query), response);
    if (method === "POST") return createTodo(request, response);
    return notAllowed(response, "GET, POST");
  }
  const id = segments[1];
  if (method === "GET") return readTodo(id, response);
  if (method === "PATCH") return updateTodo(id, request, response);
  if (method === "DELETE") return deleteTodo(id, response);
  return notAllowed(response, "GET, PATCH, DELETE");
}

function listTodos(query, response) {
  const page = wholeNumber(query.get("page"), 1);
  const limit = wholeNumber(query.get("limit"), defaultLimit);
  if (!(page >= 1)) return send(response, 400, { error: "page must be a whole number from 1" });
  if (!(limit >= 1 && limit <= maximumLimit)) {
    return send(response, 400, { error: `limit must be a whole number from 1 to ${maximumLimit}` });
  }
  const all = [...todos.values()];
  const items = all.slice((page - 1) * limit, page * limit);
  return send(response, 200, { items, page, limit, total: all.length });
}

async function createTodo(request, response) {
  const body = await readJsonBody(request, response);
  if (body === undefined) return;
  const problem = validate(body, { partial: false });
  if (problem) return send(response, 400, { error: problem });
  const todo = { id: randomUUID() };
  for (const [name, field] of Object.entries(fields)) {
    if (Object.hasOwn(body, name)) todo[name] = body[name];
    else if (field.default !== undefined) todo[name] = field.default;
  }
  todos.set(todo.id, todo);
  response.setHeader("location", `/todos/${todo.id}`);
  return send(response, 201, todo);
}

function readTodo(id, response) {
  const todo = todos.get(id);
  return todo ? send(response, 200, todo) : notFound(response, "no todo has this id");
}

async function updateTodo(id, request, response) {
  const body = await readJsonBody(request, response);
  if (body === undefined) return;
  // Looked up after the body is read: the todo may have been deleted meanwhile.
  const todo = todos.get(id);
  if (!todo) return notFound(response, "no todo has this id");
  const problem = validate(body, { partial: true });
  if (problem) return send(response, 400, { error: problem });
  for (const name of Object.keys(fields)) if (Object.hasOwn(body, name)) todo[name] = body[name];
  return send(response, 200, todo);
}

function deleteTodo(id, response) {
  if (!todos.delete(id)) return notFound(response, "no todo has this id");
  response.writeHead(204).end();
}

/** What is wrong with a todo's body, or undefined; `partial` for an update, where nothing is required. */
function validate(body, { partial }) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return "the body must be a JSON object";
  }
  for (const key of Object.keys(body)) {
    if (key === "id") return "id is assigned by the service and cannot be sent";
    if (!Object.hasOwn(fields, key)) return `the todo has no field ${nameForMessage(key)}`;
  }
  for (const [name, field] of Object.entries(fields)) {
    if (!Object.hasOwn(body, name)) {
      if (field.required && !partial) return `${name} is required`;
      continue;
    }
    const problem = fieldProblem(name, field, body[name]);
    if (problem) return problem;
  }
  return undefined;
}

function fieldProblem(name, field, value) {
  if (value === null) return `${name} cannot be null`;
  if (!hasType(field.type, value)) return `${name} must be ${typeNames[field.type]}`;
  if (field.min !== undefined && value < field.min) return `${name} must be at least ${field.min}`;
  if (field.max !== undefined && value > field.max) return `${name} must be at most ${field.max}`;
  if (field.type !== "string") return undefined;
  const length = [...value].length; // code points, not UTF-16 units
  if (field.minLength !== undefined && length < field.minLength) {
    return `${name} must have at least ${field.minLength} character(s)`;
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return `${name} must have at most ${field.maxLength} characters`;
  }
  return undefined;
}

const typeNames = {
  string: "a string",
  boolean: "true or false",
  integer: "a whole number",
  date: "a calendar date written YYYY-MM-DD",
};

function hasType(type, value) {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return Number.isInteger(value);
    case "date":
      return isCalendarDate(value);
  }
  return false;
}

/** `YYYY-MM-DD` naming a day that exists in the (proleptic) Gregorian calendar. */
function isCalendarDate(value) {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** `?page=2`: a whole number, the fallback when absent, NaN when it is anything else. */
function wholeNumber(text, fallback) {
  if (text === null) return fallback;
  return /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
}

/** The request's body as JSON, or undefined once a refusal (413, 415, 400) has been sent. */
async function readJsonBody(request, response) {
  if (Number(request.headers["content-length"] ?? 0) > maximumBodyBytes) {
    send(response, 413, { error: `the body must be at most ${maximumBodyBytes} bytes` });
    return undefined;
  }
  const bytes = await readBody(request);
  if (bytes === undefined) {
    send(response, 413, { error: `the body must be at most ${maximumBodyBytes} bytes` });
    return undefined;
  }
  if (!isJsonContentType(request.headers["content-type"])) {
    send(response, 415, { error: "the body must be application/json" });
    return undefined;
  }
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    send(response, 400, { error: "the body is not valid JSON" });
    return undefined;
  }
}

/** The whole body, or undefined when it is too large (the rest is read and dropped). */
function readBody(request) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size <= maximumBodyBytes) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > maximumBodyBytes ? undefined : Buffer.concat(chunks)));
    request.on("error", () => resolve(Buffer.alloc(0)));
  });
}

function isJsonContentType(header) {
  return (header ?? "").split(";")[0].trim().toLowerCase() === "application/json";
}

/** `/todos?page=2` → `["/todos", "page=2"]`: everything after the first `?` is the query. */
function splitUrl(url) {
  const queryStart = url.indexOf("?");
  return queryStart === -1 ? [url, ""] : [url.slice(0, queryStart), url.slice(queryStart + 1)];
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A field name the client sent, quoted in a message only when it is a plain word. */
function nameForMessage(name) {
  return /^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(name) ? `"${name}"` : "with that name";
}

function notFound(response, error) {
  return send(response, 404, { error });
}

function notAllowed(response, allowed) {
  response.setHeader("allow", allowed);
  return send(response, 405, { error: `method not allowed; use ${allowed}` });
}

function send(response, status, value) {
  if (response.headersSent) return;
  const text = JSON.stringify(value);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

server.listen(port, host, () => console.log(`todo-api listening on http://${host}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
