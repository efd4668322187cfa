/** A router for one area of the API; each answers an invalid request with 400 and the field at fault. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { respondToInvalidRequest } from "./http-errors.js";
import type { ServerEnv } from "./server-env.js";

export function apiRouter(): OpenAPIHono<ServerEnv> {
  return new OpenAPIHono<ServerEnv>({ defaultHook: respondToInvalidRequest });
}
