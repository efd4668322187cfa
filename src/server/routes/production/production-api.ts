/** The API's routes for releases, incidents, rollbacks and the monitor. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import type { ServerEnv } from "../../server-env.js";
import {
  incidentsRoute,
  monitorCycleRoute,
  monitorStatusRoute,
  releasesRoute,
  rollbackRoute,
} from "./production-routes.js";

export function productionApi(services: ConsoleServices): OpenAPIHono<ServerEnv> {
  return apiRouter()
    .openapi(releasesRoute, async (context) => {
      const { service, state } = context.req.valid("query");
      const releases = await services.line().releases({
        ...(service === undefined ? {} : { service }),
        ...(state === undefined ? {} : { states: state }),
      });
      return context.json({ releases }, 200);
    })
    .openapi(incidentsRoute, async (context) => {
      const { service } = context.req.valid("query");
      const incidents = await services.line().incidents(service === undefined ? {} : { service });
      return context.json({ incidents }, 200);
    })
    .openapi(rollbackRoute, async (context) => {
      const outcome = await services.line().rollback({
        workItem: context.req.valid("param").id,
        reason: context.req.valid("json").reason,
        // Accountability: the incident names the token that rolled back, as a decision does.
        by: context.get("access").name,
      });
      return context.json(outcome, 200);
    })
    .openapi(monitorStatusRoute, async (context) =>
      context.json(await services.line().monitorStatus(), 200),
    )
    .openapi(monitorCycleRoute, async (context) =>
      context.json(await services.line().monitorCycle(), 201),
    );
}
