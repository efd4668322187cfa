/** The API's routes for money: today's budget, spend reports, budget changes. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import type { ServerEnv } from "../../server-env.js";

export function moneyApi(_services: ConsoleServices): OpenAPIHono<ServerEnv> {
  return apiRouter();
}
