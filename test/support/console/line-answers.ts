/**
 * Reading the API's answers in the line's route tests: a success is checked against its status and parsed
 * with the route's own response schema (so the schemas are proven on real data); an error is checked for
 * its status, code and the field it names.
 */
import { expect } from "vitest";
import type { z } from "zod";

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
