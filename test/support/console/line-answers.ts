/**
 * Reading the API's answers in the route tests: a success is checked against its status and parsed with
 * the route's own response schema (`answerSchema`, so the schemas are proven on real data); an error is
 * checked for its status, code and the field it names.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import { expect } from "vitest";
import type { z } from "zod";

type JsonSchemaOf<Answer> = Answer extends {
  content: { "application/json": { schema: infer Schema } };
}
  ? Schema
  : never;

/** The JSON schema a route declares for one status: `answerSchema(lineStatusRoute, 200)`. */
export function answerSchema<
  Route extends RouteConfig,
  Status extends keyof Route["responses"] & number,
>(route: Route, status: Status): JsonSchemaOf<Route["responses"][Status]> {
  const answer = route.responses[status] as
    | { content?: { "application/json"?: { schema?: unknown } } }
    | undefined;
  const schema = answer?.content?.["application/json"]?.schema;
  if (schema === undefined) {
    throw new Error(`${route.method} ${route.path} declares no JSON answer for ${status}`);
  }
  return schema as JsonSchemaOf<Route["responses"][Status]>;
}

export async function parsedAnswer<Schema extends z.ZodType>(
  response: Response,
  status: number,
  schema: Schema,
): Promise<z.output<Schema>> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(`the answer does not fit its schema: ${parsed.error.message}`);
  }
  return parsed.data;
}

export interface ExpectedError {
  code?: string;
  field?: string;
}

export async function expectError(
  response: Response,
  status: number,
  expected: ExpectedError = {},
): Promise<{ code: string; message: string; field?: string }> {
  const body = (await response.json()) as {
    error: { code: string; message: string; field?: string };
  };
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body.error).toMatchObject(expected);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}
