/**
 * The second half of the scaffolded `src/server.ts`: the handlers of the operations the model has
 * (list, create, read, update, delete, actions), reading a JSON body in the conventions' order (413,
 * then 415, then malformed JSON), and the small helpers they share. Only what some route uses is written.
 */
import type { HttpServiceModel } from "../../contracts/spec.js";
import { lines, literal } from "./code-text.js";

/** What the routes of the service need, which decides the functions written. */
export interface ServerNeeds {
  list: boolean;
  create: boolean;
  read: boolean;
  update: boolean;
  delete: boolean;
  actions: boolean;
  unique: boolean;
  /** An action's effect writes a unique field: only then can an action make a duplicate. */
  uniqueEffects: boolean;
}

export function needsBody(needs: ServerNeeds): boolean {
  return needs.create || needs.update || needs.actions;
}

export function needsConflict(needs: ServerNeeds): boolean {
  return needs.unique || needs.actions;
}

function listHandler(model: HttpServiceModel): string {
  const { http } = model;
  const key = (name: string, value: string) => (name === value ? value : `${name}: ${value}`);
  const body = [
    key(http.itemsField, "items"),
    key(http.pageParameter, "page"),
    key(http.limitParameter, "limit"),
    key(http.totalField, "total"),
  ].join(", ");
  return `
/** One page of the records, in creation order; a page past the end is empty. */
function listRecords(resource: Resource, query: URLSearchParams): Reply {
  const page = wholeNumber(query.get(${literal(http.pageParameter)}), 1);
  const limit = wholeNumber(query.get(${literal(http.limitParameter)}), defaultLimit);
  if (page === undefined || page < 1) {
    return refusal(statuses.validation, ${literal(`${http.pageParameter} must be a whole number from 1`)});
  }
  if (limit === undefined || limit < 1 || limit > maximumLimit) {
    const problem = \`${http.limitParameter} must be a whole number from 1 to \${maximumLimit}\`;
    return refusal(statuses.validation, problem);
  }
  const { items, total } = resource.records.page((page - 1) * limit, limit);
  return { status: 200, body: { ${body} } };
}

/** \`?page=2\`: a whole number, the fallback when absent, undefined when it is anything else. */
function wholeNumber(text: string | null, fallback: number): number | undefined {
  if (text === null) return fallback;
  return /^[0-9]+$/.test(text) ? Number(text) : undefined;
}`;
}

function createHandler(needs: ServerNeeds): string {
  return lines(
    "",
    "async function createRecord(resource: Resource, request: IncomingMessage): Promise<Reply> {",
    "  const body = await readJson(request);",
    "  if (!body.ok) return body.reply;",
    "  const validation = validateRecord(body.value, resource.fields, false);",
    "  if (!validation.valid) return refusal(statuses.validation, validation.problem);",
    "  const fields = withDefaults(validation.body, resource.fields);",
    needs.unique &&
      lines(
        "  // No await from here on: two requests at once cannot both take the same unique value.",
        "  const duplicate = resource.records.duplicateField(fields);",
        "  if (duplicate !== undefined) return duplicateRefusal(resource, duplicate);",
      ),
    "  const record = resource.records.insert(fields);",
    `  const location = \`\${resource.path}/\${String(record[idField])}\`;`,
    "  return { status: 201, body: record, headers: { location } };",
    "}",
  );
}

const readHandler = `
function readRecord(resource: Resource, id: string): Reply {
  const record = resource.records.get(id);
  return record === undefined ? notFound(resource) : { status: 200, body: record };
}`;

function updateHandler(needs: ServerNeeds): string {
  return lines(
    "",
    "/** Changes the fields the body names; `{}` changes nothing. */",
    "async function updateRecord(",
    "  resource: Resource,",
    "  id: string,",
    "  request: IncomingMessage,",
    "): Promise<Reply> {",
    "  const body = await readJson(request);",
    "  if (!body.ok) return body.reply;",
    "  // Looked up once the body is read: the record may have been deleted meanwhile.",
    "  if (resource.records.get(id) === undefined) return notFound(resource);",
    "  const validation = validateRecord(body.value, resource.fields, true);",
    "  if (!validation.valid) return refusal(statuses.validation, validation.problem);",
    needs.unique &&
      lines(
        "  const duplicate = resource.records.duplicateField(validation.body, id);",
        "  if (duplicate !== undefined) return duplicateRefusal(resource, duplicate);",
      ),
    "  return { status: 200, body: resource.records.update(id, validation.body) };",
    "}",
  );
}

const deleteHandler = `
function deleteRecord(resource: Resource, id: string): Reply {
  return resource.records.delete(id) ? { status: 204 } : notFound(resource);
}`;

function actionHandler(needs: ServerNeeds): string {
  return lines(
    "",
    "/** Validates the input, lets the action decide, then checks every changed field before saving. */",
    "async function runAction(",
    "  resource: Resource,",
    "  id: string,",
    "  action: Action,",
    "  request: IncomingMessage,",
    "): Promise<Reply> {",
    "  const body = await readJson(request, {});",
    "  if (!body.ok) return body.reply;",
    "  const record = resource.records.get(id);",
    "  if (record === undefined) return notFound(resource);",
    "  const validation = validateInput(body.value, action.input);",
    "  if (!validation.valid) return refusal(statuses.validation, validation.problem);",
    "  const outcome = action.run(record, withDefaults(validation.body, action.input));",
    '  if (outcome.kind === "refused") return refusal(outcome.status, outcome.error);',
    "  const problem = changeProblem(resource, outcome.changes);",
    "  if (problem !== undefined) {",
    `    return refusal(statuses.conflict, \`\${action.name} would break a rule: \${problem}\`);`,
    "  }",
    needs.uniqueEffects &&
      lines(
        "  const duplicate = resource.records.duplicateField(outcome.changes, id);",
        "  if (duplicate !== undefined) return duplicateRefusal(resource, duplicate);",
      ),
    "  return { status: action.status, body: resource.records.update(id, outcome.changes) };",
    "}",
    "",
    "/** What is wrong with the values an action would give its record's fields, or undefined. */",
    "function changeProblem(resource: Resource, changes: JsonObject): string | undefined {",
    "  for (const [name, rules] of Object.entries(resource.fields)) {",
    "    if (!Object.hasOwn(changes, name)) continue;",
    "    const problem = valueProblem(name, rules, changes[name]);",
    "    if (problem !== undefined) return problem;",
    "  }",
    "  return undefined;",
    "}",
  );
}

function bodyReading(needs: ServerNeeds): string {
  return lines(
    "",
    "type JsonBody = { ok: true; value: unknown } | { ok: false; reply: Reply };",
    "",
    "/**",
    " * The request's body as JSON, or the refusal to answer instead: 413 when it is too large, 415",
    " * when it is not application/json, the validation status when it is not valid JSON.",
    needs.actions &&
      " * An action without input may be sent no body: `emptyMeans` is what an empty body stands for.",
    " */",
    `async function readJson(request: IncomingMessage${needs.actions ? ", emptyMeans?: unknown" : ""}): Promise<JsonBody> {`,
    "  const bytes = await readBody(request);",
    "  if (bytes === undefined) {",
    `    return { ok: false, reply: refusal(413, \`the body must be at most \${maximumBodyBytes} bytes\`) };`,
    "  }",
    needs.actions &&
      "  if (bytes.length === 0 && emptyMeans !== undefined) return { ok: true, value: emptyMeans };",
    '  if (!isJsonContentType(request.headers["content-type"])) {',
    '    return { ok: false, reply: refusal(415, "the body must be application/json") };',
    "  }",
    "  try {",
    '    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);',
    "    return { ok: true, value: JSON.parse(text) };",
    "  } catch {",
    `    return { ok: false, reply: refusal(statuses.validation, ${literal("the body is not valid JSON")}) };`,
    "  }",
    "}",
    "",
    "/**",
    " * The whole body, or undefined when it is larger than the limit: at once when its declared length",
    " * is (nothing is read), otherwise once it is read (the rest is read and dropped).",
    " */",
    "function readBody(request: IncomingMessage): Promise<Buffer | undefined> {",
    '  if (Number(request.headers["content-length"] ?? 0) > maximumBodyBytes) {',
    "    return Promise.resolve(undefined);",
    "  }",
    "  return new Promise((resolve) => {",
    "    const chunks: Buffer[] = [];",
    "    let size = 0;",
    '    request.on("data", (chunk: Buffer) => {',
    "      size += chunk.length;",
    "      if (size <= maximumBodyBytes) chunks.push(chunk);",
    "    });",
    '    request.on("end", () => resolve(size > maximumBodyBytes ? undefined : Buffer.concat(chunks)));',
    '    request.on("error", () => resolve(Buffer.alloc(0)));',
    "  });",
    "}",
    "",
    "function isJsonContentType(header: string | undefined): boolean {",
    '  return (header ?? "").split(";")[0]?.trim().toLowerCase() === "application/json";',
    "}",
  );
}

/** The handlers and helpers the routes need, in the order a reader meets them. */
export function renderHandlers(model: HttpServiceModel, needs: ServerNeeds): string {
  const recordNotFound = needs.read || needs.update || needs.delete || needs.actions;
  return lines(
    needs.list && listHandler(model),
    needs.create && createHandler(needs),
    needs.read && readHandler,
    needs.update && updateHandler(needs),
    needs.delete && deleteHandler,
    needs.actions && actionHandler(needs),
    needsBody(needs) && bodyReading(needs),
    "",
    "/** An error answer: its body says what was wrong, without echoing the input. */",
    "function refusal(status: number, message: string): Reply {",
    `  return { status, body: { ${model.errors.messageField === "message" ? "message" : `${model.errors.messageField}: message`} } };`,
    "}",
    recordNotFound &&
      lines(
        "",
        "function notFound(resource: Resource): Reply {",
        `  return refusal(statuses.notFound, \`no \${resource.name} has this id\`);`,
        "}",
      ),
    needs.unique &&
      lines(
        "",
        "function duplicateRefusal(resource: Resource, field: string): Reply {",
        `  return refusal(statuses.conflict, \`another \${resource.name} already has this \${field}\`);`,
        "}",
      ),
    "",
    "function send(response: ServerResponse, reply: Reply): void {",
    "  if (response.headersSent) return;",
    "  if (reply.body === undefined) {",
    "    response.writeHead(reply.status, reply.headers).end();",
    "    return;",
    "  }",
    "  const text = JSON.stringify(reply.body);",
    "  response.writeHead(reply.status, {",
    "    ...reply.headers,",
    '    "content-type": "application/json; charset=utf-8",',
    '    "content-length": Buffer.byteLength(text),',
    "  });",
    "  response.end(text);",
    "}",
  );
}
