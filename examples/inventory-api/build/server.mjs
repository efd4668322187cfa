// The inventory API of examples/inventory-api/spec.md, written by hand as a good agent would build it:
// products with a unique SKU, and three actions with business rules (restock, reserve, discontinue).
// Plain Node, no dependencies, products kept in memory; follows docs/spec-conventions.md to the letter.
//
// Run: PORT=8080 HOST=127.0.0.1 node examples/inventory-api/build/server.mjs   (then GET /health)
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
const maximumBodyBytes = 65_536;
const defaultLimit = 20;
const maximumLimit = 100;

/** A product's fields, as the spec's model declares them; `id` is assigned here. */
const fields = {
  sku: { type: "string", required: true, unique: true, pattern: "^[A-Z]{3}-[0-9]{4}$" },
  name: { type: "string", required: true, minLength: 1, maxLength: 100 },
  priceCents: { type: "integer", required: true, min: 0, max: 1_000_000 },
  category: { type: "string", enum: ["tools", "garden", "kitchen", "toys"], default: "tools" },
  stock: { type: "integer", readOnly: true, default: 0, min: 0, max: 100_000 },
  active: { type: "boolean", readOnly: true, default: true },
};

/** The actions on one product: input fields, rules checked in order, effects applied at once. */
const actions = {
  restock: {
    input: { quantity: { type: "integer", required: true, min: 1, max: 10_000 } },
    requires: [],
    effects: (product, input) => ({ stock: product.stock + input.quantity }),
  },
  reserve: {
    input: { quantity: { type: "integer", required: true, min: 1, max: 1000 } },
    requires: [
      { check: (product) => product.active, status: 409, error: "product is discontinued" },
      {
        check: (product, input) => input.quantity <= product.stock,
        status: 409,
        error: "not enough stock",
      },
    ],
    effects: (product, input) => ({ stock: product.stock - input.quantity }),
  },
  discontinue: { input: {}, requires: [], effects: () => ({ active: false }) },
};

/** id → product, in creation order; and the unique index sku → id. */
const products = new Map();
const productIdsBySku = new Map();

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
  if (segments[0] !== "products" || segments.length > 3) return notFound(response, "no such path");
  if (segments.length === 1) {
    if (method === "GET") return listProducts(new URLSearchParams(query), response);
    if (method === "POST") return createProduct(request, response);
    return notAllowed(response, "GET, POST");
  }
  const id = segments[1];
  if (segments.length === 3) {
    if (!Object.hasOwn(actions, segments[2])) return notFound(response, "no such action");
    if (method !== "POST") return notAllowed(response, "POST");
    return runAction(id, actions[segments[2]], request, response);
  }
  if (method === "GET") return readProduct(id, response);
  if (method === "PATCH") return updateProduct(id, request, response);
  if (method === "DELETE") return deleteProduct(id, response);
  return notAllowed(response, "GET, PATCH, DELETE");
}

function listProducts(query, response) {
  const page = wholeNumber(query.get("page"), 1);
  const limit = wholeNumber(query.get("limit"), defaultLimit);
  if (!(page >= 1)) return send(response, 400, { error: "page must be a whole number from 1" });
  if (!(limit >= 1 && limit <= maximumLimit)) {
    return send(response, 400, { error: `limit must be a whole number from 1 to ${maximumLimit}` });
  }
  const all = [...products.values()];
  const items = all.slice((page - 1) * limit, page * limit);
  return send(response, 200, { items, page, limit, total: all.length });
}

async function createProduct(request, response) {
  const body = await readJsonBody(request, response);
  if (body === undefined) return;
  const problem = validate(body, fields, { partial: false });
  if (problem) return send(response, 400, { error: problem });
  // No await from here to the insert: two parallel creates cannot both take the same SKU.
  if (productIdsBySku.has(body.sku)) return conflict(response, "a product already has this sku");
  const product = { id: randomUUID() };
  for (const [name, field] of Object.entries(fields)) {
    if (Object.hasOwn(body, name)) product[name] = body[name];
    else if (field.default !== undefined) product[name] = field.default;
  }
  products.set(product.id, product);
  productIdsBySku.set(product.sku, product.id);
  response.setHeader("location", `/products/${product.id}`);
  return send(response, 201, product);
}

function readProduct(id, response) {
  const product = products.get(id);
  return product ? send(response, 200, product) : notFound(response, "no product has this id");
}

async function updateProduct(id, request, response) {
  const body = await readJsonBody(request, response);
  if (body === undefined) return;
  const product = products.get(id);
  if (!product) return notFound(response, "no product has this id");
  const problem = validate(body, fields, { partial: true });
  if (problem) return send(response, 400, { error: problem });
  const skuOwner = Object.hasOwn(body, "sku") ? productIdsBySku.get(body.sku) : undefined;
  if (skuOwner !== undefined && skuOwner !== id) {
    return conflict(response, "a product already has this sku");
  }
  productIdsBySku.delete(product.sku);
  for (const name of Object.keys(fields)) if (Object.hasOwn(body, name)) product[name] = body[name];
  productIdsBySku.set(product.sku, id);
  return send(response, 200, product);
}

function deleteProduct(id, response) {
  const product = products.get(id);
  if (!product) return notFound(response, "no product has this id");
  products.delete(id);
  productIdsBySku.delete(product.sku);
  response.writeHead(204).end();
}

/** Validate the input, check the rules in order, compute every effect, then apply them all or none. */
async function runAction(id, action, request, response) {
  const input = await readJsonBody(request, response, { emptyMeans: {} });
  if (input === undefined) return;
  const product = products.get(id);
  if (!product) return notFound(response, "no product has this id");
  const problem = validate(input, action.input, { partial: false });
  if (problem) return send(response, 400, { error: problem });
  const failed = action.requires.find((rule) => !rule.check(product, input));
  if (failed) return send(response, failed.status, { error: failed.error });
  const changes = action.effects(product, input);
  for (const [name, value] of Object.entries(changes)) {
    const broken = fieldProblem(name, fields[name], value);
    if (broken) return conflict(response, `the action would break a rule: ${broken}`);
  }
  Object.assign(product, changes);
  return send(response, 200, product);
}

/** What is wrong with a body, or undefined; `partial` for an update, where nothing is required. */
function validate(body, allowedFields, { partial }) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return "the body must be a JSON object";
  }
  for (const key of Object.keys(body)) {
    if (key === "id") return "id is assigned by the service and cannot be sent";
    if (!Object.hasOwn(allowedFields, key)) return `there is no field ${nameForMessage(key)}`;
    if (allowedFields[key].readOnly) return `${key} is set by the service and cannot be sent`;
  }
  for (const [name, field] of Object.entries(allowedFields)) {
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
  if (field.enum !== undefined && !field.enum.includes(value)) {
    return `${name} must be one of ${field.enum.join(", ")}`;
  }
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
  if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, "u").test(value)) {
    return `${name} must match ${field.pattern}`;
  }
  return undefined;
}

const typeNames = { string: "a string", boolean: "true or false", integer: "a whole number" };

function hasType(type, value) {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return Number.isInteger(value);
  }
  return false;
}

/** `?page=2`: a whole number, the fallback when absent, NaN when it is anything else. */
function wholeNumber(text, fallback) {
  if (text === null) return fallback;
  return /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The request's body as JSON, or undefined once a refusal (413, 415, 400) has been sent. An action
 * without input may be sent without a body: `emptyMeans` is what an empty body stands for.
 */
async function readJsonBody(request, response, { emptyMeans } = {}) {
  if (Number(request.headers["content-length"] ?? 0) > maximumBodyBytes) {
    send(response, 413, { error: `the body must be at most ${maximumBodyBytes} bytes` });
    return undefined;
  }
  const bytes = await readBody(request);
  if (bytes === undefined) {
    send(response, 413, { error: `the body must be at most ${maximumBodyBytes} bytes` });
    return undefined;
  }
  if (bytes.length === 0 && emptyMeans !== undefined) return emptyMeans;
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

/** `/products?page=2` → `["/products", "page=2"]`: everything after the first `?` is the query. */
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

function conflict(response, error) {
  return send(response, 409, { error });
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

server.listen(port, host, () => console.log(`inventory-api listening on http://${host}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
