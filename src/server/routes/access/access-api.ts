/** The API's routes for access tokens. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import type { ServerEnv } from "../../server-env.js";

export function accessApi(_services: ConsoleServices): OpenAPIHono<ServerEnv> {
  return apiRouter();
}
