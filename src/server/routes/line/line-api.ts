/** The API's routes for the line: status, work items, their history and gate reports, submissions, exceptions and decisions, the event stream. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import type { ServerEnv } from "../../server-env.js";

export function lineApi(_services: ConsoleServices): OpenAPIHono<ServerEnv> {
  return apiRouter();
}
