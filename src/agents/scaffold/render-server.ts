import {
  commentText,
  docComment,
  importStatement,
  lines,
  lineWidth,
  literal,
  wrapWords,
} from "./code-text.js";
import {
  needsBody,
  needsConflict,
  renderHandlers,
  type ServerNeeds,
} from "./render-server-handlers.js";
import type { EntityPlan, ServicePlan } from "./service-plan.js";

function serverNeeds(plan: ServicePlan): ServerNeeds {
  const has = (operation: EntityPlan["definition"]["operations"][number]) =>
    plan.entities.some((entity) => entity.definition.operations.includes(operation));
  return {
    list: has("list"),
    create: has("create"),
    read: has("read"),
    update: has("update"),
    delete: has("delete"),
    actions: plan.entities.some((entity) => entity.actions.length > 0),
    // Unique values are checked only where records are written: on create and update, and by an
    // action only when one of its effects writes a unique field (no other change can make a duplicate).
    unique: plan.entities.some(
      (entity) =>
        uniqueFieldsOf(entity).length > 0 &&
        (writesUniqueField(entity) ||
          entity.definition.operations.some((operation) =>
            ["create", "update"].includes(operation),
          )),
    ),
    uniqueEffects: plan.entities.some(writesUniqueField),
  };
}

function uniqueFieldsOf(entity: EntityPlan): string[] {
  return Object.entries(entity.definition.fields)
    .filter(([, field]) => field.unique)
    .map(([name]) => name);
}

/** Whether an action of the entity has an effect that writes one of its unique fields. */
function writesUniqueField(entity: EntityPlan): boolean {
  const unique = uniqueFieldsOf(entity);
  return entity.actions.some((action) =>
    Object.keys(action.definition.effects).some((field) => unique.includes(field)),
  );
}

/** `{ method: "GET", path: "/todos", handle: … }`, on one line when it fits. */
function route(method: string, path: string, handle: string): string {
  const oneLine = `  { method: ${literal(method)}, path: ${literal(path)}, handle: ${handle} },`;
  if (oneLine.length <= lineWidth) return oneLine;
  return lines(
    "  {",
    `    method: ${literal(method)},`,
    `    path: ${literal(path)},`,
    `    handle: ${handle},`,
    "  },",
  );
}

function entityRoutes(entity: EntityPlan): string[] {
  const { operations } = entity.definition;
  const one = `${entity.path}/:id`;
  const name = entity.resource;
  const routes: string[] = [];
  if (operations.includes("list")) {
    routes.push(route("GET", entity.path, `({ query }) => listRecords(${name}, query)`));
  }
  if (operations.includes("create")) {
    routes.push(route("POST", entity.path, `({ request }) => createRecord(${name}, request)`));
  }
  if (operations.includes("read")) {
    routes.push(route("GET", one, `({ id }) => readRecord(${name}, id)`));
  }
  if (operations.includes("update")) {
    routes.push(route("PATCH", one, `({ request, id }) => updateRecord(${name}, id, request)`));
  }
  if (operations.includes("delete")) {
    routes.push(route("DELETE", one, `({ id }) => deleteRecord(${name}, id)`));
  }
  for (const action of entity.actions) {
    routes.push(
      route(
        action.definition.method,
        `${one}/${action.name}`,
        `({ request, id }) => runAction(${name}, id, ${action.descriptor}, request)`,
      ),
    );
  }
  return routes;
}

function imports(plan: ServicePlan, needs: ServerNeeds): string[] {
  const descriptors = plan.entities.flatMap((entity) =>
    entity.actions.map((action) => action.descriptor),
  );
  const validation = [
    "type Fields",
    "idField",
    needs.actions && "type JsonObject",
    ...plan.entities.map((entity) => entity.fieldsConstant),
    needs.actions && "validateInput",
    (needs.create || needs.update) && "validateRecord",
    needs.actions && "valueProblem",
    (needs.create || needs.actions) && "withDefaults",
  ].filter((name) => name !== false);
  return [
    importStatement(["createServer", "type IncomingMessage", "type ServerResponse"], "node:http"),
    needs.actions && importStatement(["type Action", ...descriptors.sort()], "./actions.js"),
    importStatement(["type Collection", "MemoryCollection"], "./store.js"),
    importStatement(validation, "./validation.js"),
  ].filter((line) => line !== false);
}

function header(plan: ServicePlan): string[] {
  const { messageField } = plan.model.errors;
  const about = `${plan.title}${plan.description === undefined ? "" : `: ${plan.description}`}`;
  const text = [
    ...wrapWords(commentText(about), lineWidth - 3),
    "",
    ...wrapWords(
      `An HTTP service written by shopfloor's scaffold agent from the structured model of the spec ${plan.name}: plain node:http, no dependencies, records kept in memory. Every answer is JSON; a request it cannot honour gets a 4xx whose \`${messageField}\` field says why, and changes nothing.`,
      lineWidth - 3,
    ),
    "",
    "Run: node dist/server.js   (HOST and PORT say where it listens: 127.0.0.1:8080 by default)",
  ];
  return ["/**", ...text.map((line) => (line === "" ? " *" : ` * ${line}`)), " */"];
}

export function renderServer(plan: ServicePlan): string {
  const { model } = plan;
  const needs = serverNeeds(plan);
  const statuses = [
    `validation: ${model.errors.validation}`,
    `notFound: ${model.errors.notFound}`,
    needsConflict(needs) && `conflict: ${model.errors.conflict}`,
  ].filter((status) => status !== false);
  const resources = plan.entities.map((entity) =>
    lines(
      docComment(entity.definition.description ?? `The ${entity.name} records.`),
      `const ${entity.resource} = resource(${literal(entity.name)}, ${literal(entity.path)}, ${entity.fieldsConstant});`,
    ),
  );
  return `${lines(
    ...header(plan),
    ...imports(plan, needs),
    "",
    'const host = process.env.HOST ?? "127.0.0.1";',
    "const port = Number(process.env.PORT ?? 8080);",
    "",
    "// The HTTP conventions of the model.",
    needsBody(needs) && `const maximumBodyBytes = ${model.http.maximumBodyBytes};`,
    needs.list && `const defaultLimit = ${model.http.defaultLimit};`,
    needs.list && `const maximumLimit = ${model.http.maximumLimit};`,
    `const statuses = { ${statuses.join(", ")} };`,
    "",
    "/** A collection of records served under a path. */",
    "interface Resource {",
    "  name: string;",
    "  path: string;",
    "  fields: Fields;",
    "  records: Collection;",
    "}",
    "",
    resources.join("\n\n"),
    "",
    "/** What a handler answers: a status and, except for 204, a JSON body. */",
    "interface Reply {",
    "  status: number;",
    "  body?: unknown;",
    "  headers?: Record<string, string>;",
    "}",
    "",
    '/** A request as a handler sees it: its `:id` path segment ("" when it has none), its query. */',
    "interface Call {",
    "  request: IncomingMessage;",
    "  id: string;",
    "  query: URLSearchParams;",
    "}",
    "",
    "interface Route {",
    "  method: string;",
    "  /** `:id` matches any one segment of the path. */",
    "  path: string;",
    "  handle(call: Call): Reply | Promise<Reply>;",
    "}",
    "",
    "/** Every endpoint of the service. */",
    "const routes: readonly Route[] = [",
    route("GET", model.http.health, '() => ({ status: 200, body: { status: "ok" } })'),
    ...plan.entities.flatMap(entityRoutes),
    "];",
    "",
    "const server = createServer((request, response) => {",
    '  handle(request, response).catch(() => send(response, refusal(500, "internal error")));',
    "});",
    "",
    `server.listen(port, host, () => console.log(\`${plan.name} listening on http://\${host}:\${port}\`));`,
    'for (const signal of ["SIGTERM", "SIGINT"] as const) {',
    "  process.on(signal, () => {",
    "    server.close(() => process.exit(0));",
    "    server.closeAllConnections();",
    "  });",
    "}",
    "",
    "function resource(name: string, path: string, fields: Fields): Resource {",
    needs.unique
      ? lines(
          "  const uniqueFields = Object.keys(fields).filter((field) => fields[field]?.unique);",
          "  return { name, path, fields, records: new MemoryCollection(idField, uniqueFields) };",
        )
      : "  return { name, path, fields, records: new MemoryCollection(idField, []) };",
    "}",
    routing,
    renderHandlers(model, needs),
  )}\n`;
}

const routing = `
/**
 * Answers with the route of the path and method: 404 when no route has the path, 405 when none has
 * the method.
 */
async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname, query } = splitUrl(request.url ?? "/");
  const segments = pathname.split("/").filter((segment) => segment !== "").map(decodeSegment);
  const matching = routes.flatMap((route) => {
    const id = matchPath(route.path, segments);
    return id === undefined ? [] : [{ route, id }];
  });
  if (matching.length === 0) return send(response, refusal(statuses.notFound, "no such path"));
  const match = matching.find(({ route }) => route.method === request.method);
  if (match === undefined) {
    const allowed = matching.map(({ route }) => route.method).join(", ");
    const reply = refusal(405, \`method not allowed; use \${allowed}\`);
    return send(response, { ...reply, headers: { allow: allowed } });
  }
  const call = { request, id: match.id, query: new URLSearchParams(query) };
  send(response, await match.route.handle(call));
}

/** The \`:id\` segment ("" when the pattern has none) when the path matches, else undefined. */
function matchPath(pattern: string, segments: readonly string[]): string | undefined {
  const parts = pattern.split("/").filter((part) => part !== "");
  if (parts.length !== segments.length) return undefined;
  let id = "";
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? "";
    if (part === ":id") id = segment;
    else if (part !== segment) return undefined;
  }
  return id;
}

/** \`/todos?page=2\` → the path and the query: everything after the first \`?\`. */
function splitUrl(url: string): { pathname: string; query: string } {
  const queryStart = url.indexOf("?");
  if (queryStart === -1) return { pathname: url, query: "" };
  return { pathname: url.slice(0, queryStart), query: url.slice(queryStart + 1) };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}`;
