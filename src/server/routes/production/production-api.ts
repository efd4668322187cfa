/** The API's routes for releases, incidents, rollbacks and the monitor. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import type { ServerEnv } from "../../server-env.js";

export function productionApi(_services: ConsoleServices): OpenAPIHono<ServerEnv> {
  return apiRouter();
}
