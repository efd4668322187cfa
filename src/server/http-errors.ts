/**
 * The one shape of an error the API answers with, and the edge where errors become HTTP statuses: a
 * ShopfloorError by its code, a body that fails its schema as 400 naming the field.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { type ErrorCode, ShopfloorError } from "../contracts/errors.js";

export const ApiError = z
  .strictObject({
    error: z.strictObject({
      /** A ShopfloorError's code, or unauthenticated, forbidden, invalid-request. */
      code: z.string(),
      message: z.string(),
      /** The request field at fault, as a dotted path (`split.testing`). */
      field: z.string().optional(),
    }),
  })
  .openapi("ApiError");
export type ApiError = z.infer<typeof ApiError>;

const statusOfCode: Record<ErrorCode, ContentfulStatusCode> = {
  "invalid-argument": 400,
  "invalid-input": 400,
  "invalid-config": 400,
  "not-found": 404,
  "io-error": 500,
  internal: 500,
};

export function errorBody(code: string, message: string, field?: string): ApiError {
  return { error: { code, message, ...(field === undefined ? {} : { field }) } };
}

/** Hono's onError: what a handler throws. Anything not a ShopfloorError is a bug, logged, and a 500. */
export function respondToError(error: Error, context: Context): Response {
  if (error instanceof ShopfloorError) {
    const status = error.retryable && error.code === "io-error" ? 503 : statusOfCode[error.code];
    return context.json(errorBody(error.code, error.message, error.field), status);
  }
  console.error(error);
  return context.json(errorBody("internal", `the server failed: ${error.message}`), 500);
}

/** The routes' default hook: a request that fails its schema gets 400 and the first field at fault. */
export function respondToInvalidRequest(
  result: { success: true } | { success: false; error: ZodError; target?: string },
  context: Context,
): Response | undefined {
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  const field = issue === undefined ? undefined : issue.path.map(String).join(".") || undefined;
  const where = field === undefined ? "" : `${field}: `;
  return context.json(
    errorBody("invalid-request", `${where}${issue?.message ?? "invalid request"}`, field),
    400,
  );
}

/** The error responses every protected route may give, for the OpenAPI document. */
export function errorResponses(...statuses: (400 | 404)[]) {
  const content = { "application/json": { schema: ApiError } };
  const responses: Record<number, { description: string; content: typeof content }> = {
    401: { description: "No token, or one that is not valid", content },
    403: { description: "The token lacks the route's scope", content },
  };
  for (const status of statuses) {
    responses[status] = {
      description: status === 400 ? "The request is invalid; `field` names what" : "Not found",
      content,
    };
  }
  return responses;
}
