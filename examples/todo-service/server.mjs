// A small todo API with no dependencies: the example target of `shopfloor test`. It validates its input,
// answers bad requests with a clean 4xx, and never leaks internals. Listens on $HOST:$PORT.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
const maximumBodyBytes = 64 * 1024;
const todos = new Map();

const server = createServer(async (request, response) => {
  try {
    await route(request, response);
  } catch {
    send(response, 500, { error: "internal error" });
  }
});

async function route(request, response) {
  const url = new URL(request.url ?? "/", "http://localhost");
  const segments = url.pathname.split("/").filter(Boolean);
  if (url.pathname === "/health") return send(response, 200, { status: "ok" });
  if (segments[0] !== "todos" || segments.length > 2)
    return send(response, 404, { error: "not found" });
  const id = segments[1];
  if (id === undefined) {
    if (request.method === "GET") return list(url, response);
    if (request.method === "POST") return create(request, response);
    return send(response, 405, { error: "method not allowed" });
  }
  const todo = todos.get(id);
  if (request.method === "GET")
    return todo ? send(response, 200, todo) : send(response, 404, { error: "no such todo" });
  if (request.method === "PATCH") return update(request, response, todo);
  if (request.method === "DELETE") {
    if (!todo) return send(response, 404, { error: "no such todo" });
    todos.delete(id);
    response.writeHead(204).end();
    return;
  }
  return send(response, 405, { error: "method not allowed" });
}

function list(url, response) {
  const page = Number(url.searchParams.get("page") ?? 1);
  const limit = Number(url.searchParams.get("limit") ?? 20);
  if (!Number.isInteger(page) || page < 1)
    return send(response, 400, { error: "page must be a whole number from 1" });
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return send(response, 400, { error: "limit must be from 1 to 100" });
  const all = [...todos.values()];
  const items = all.slice((page - 1) * limit, page * limit);
  return send(response, 200, { items, page, limit, total: all.length });
}

async function create(request, response) {
  const body = await readJson(request, response);
  if (body === undefined) return;
  const problem = validate(body, { partial: false });
  if (problem) return send(response, 400, { error: problem });
  const todo = {
    id: randomUUID(),
    title: body.title,
    done: body.done ?? false,
    priority: body.priority ?? 3,
  };
  todos.set(todo.id, todo);
  response.setHeader("location", `/todos/${todo.id}`);
  return send(response, 201, todo);
}

async function update(request, response, todo) {
  if (!todo) return send(response, 404, { error: "no such todo" });
  const body = await readJson(request, response);
  if (body === undefined) return;
  const problem = validate(body, { partial: true });
  if (problem) return send(response, 400, { error: problem });
  for (const field of ["title", "done", "priority"]) if (field in body) todo[field] = body[field];
  return send(response, 200, todo);
}

function validate(body, { partial }) {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return "the body must be a JSON object";
  for (const key of Object.keys(body))
    if (!["title", "done", "priority"].includes(key)) return `unknown field: ${key}`;
  if (!partial || "title" in body) {
    if (typeof body.title !== "string") return "title must be a string";
    const length = [...body.title.trim()].length;
    if (length < 1 || length > 200) return "title must have 1 to 200 characters";
  }
  if ("done" in body && typeof body.done !== "boolean") return "done must be true or false";
  if (
    "priority" in body &&
    !(Number.isInteger(body.priority) && body.priority >= 1 && body.priority <= 5)
  ) {
    return "priority must be a whole number from 1 to 5";
  }
  return undefined;
}

async function readJson(request, response) {
  if (!(request.headers["content-type"] ?? "").startsWith("application/json")) {
    send(response, 415, { error: "send application/json" });
    return undefined;
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maximumBodyBytes) {
      send(response, 413, { error: "body too large" });
      return undefined;
    }
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    send(response, 400, { error: "the body is not valid JSON" });
    return undefined;
  }
}

function send(response, status, value) {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(value));
}

server.listen(port, host, () => console.log(`todo service listening on http://${host}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"])
  process.on(signal, () => server.close(() => process.exit(0)));
