/**
 * The dashboard's typed client: it calls a route by its definition (the same object the server registers
 * and the OpenAPI document is generated from), so the path, the input and the answer's type all come from
 * the route's zod schemas. Errors come back as ApiRequestError with the server's code and field.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import type { z } from "zod";

type JsonSchemaOf<Response> = Response extends {
  content: { "application/json": { schema: infer Schema } };
}
  ? Schema
  : never;

type SuccessSchema<Route extends RouteConfig> = JsonSchemaOf<
  Route["responses"][200] | Route["responses"][201]
>;

/** What the route answers with when it succeeds. */
export type RouteAnswer<Route extends RouteConfig> =
  SuccessSchema<Route> extends z.ZodType ? z.output<SuccessSchema<Route>> : undefined;

type RequestPart<Route extends RouteConfig, Part extends "params" | "query"> = Route extends {
  request: { [Key in Part]: infer Schema };
}
  ? Schema extends z.ZodType
    ? z.input<Schema>
    : never
  : never;

type BodyOf<Route extends RouteConfig> = Route extends {
  request: { body: { content: { "application/json": { schema: infer Schema } } } };
}
  ? Schema extends z.ZodType
    ? z.input<Schema>
    : never
  : never;

export interface RouteInput<Route extends RouteConfig> {
  params?: RequestPart<Route, "params">;
  query?: RequestPart<Route, "query">;
  json?: BodyOf<Route>;
}

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export interface ApiConnection {
  /** The bearer token; none yields the server's 401. */
  token: string | undefined;
  fetch?: typeof fetch;
}

export async function callRoute<Route extends RouteConfig>(
  connection: ApiConnection,
  route: Route,
  input: RouteInput<Route> = {},
): Promise<RouteAnswer<Route>> {
  const url = `/api${fillPath(route.path, input.params as Record<string, unknown> | undefined)}${queryString(input.query as Record<string, unknown> | undefined)}`;
  const headers: Record<string, string> = { accept: "application/json" };
  if (connection.token !== undefined) headers.authorization = `Bearer ${connection.token}`;
  if (input.json !== undefined) headers["content-type"] = "application/json";
  const response = await (connection.fetch ?? fetch)(url, {
    method: route.method.toUpperCase(),
    headers,
    ...(input.json === undefined ? {} : { body: JSON.stringify(input.json) }),
  });
  const text = await response.text();
  const body: unknown = text === "" ? undefined : JSON.parse(text);
  if (!response.ok) throw errorOf(response.status, body);
  return body as RouteAnswer<Route>;
}

function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`the route ${path} needs the parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (query === undefined) return "";
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const each of Array.isArray(value) ? value : [value]) search.append(name, String(each));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

function errorOf(status: number, body: unknown): ApiRequestError {
  const error = (body as { error?: { code?: string; message?: string; field?: string } })?.error;
  return new ApiRequestError(
    status,
    error?.code ?? "http-error",
    error?.message ?? `the server answered ${status}`,
    error?.field,
  );
}
