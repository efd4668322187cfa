/** The production area's routes: releases, incidents, a person's rollback, the monitor's status and cycles. */
import { createRoute } from "@hono/zod-openapi";
import { scoped } from "../../access/require-access.js";
import { errorResponses } from "../../http-errors.js";
import {
  IncidentList,
  IncidentsQuery,
  MonitorCycleReportSchema,
  MonitorStatusSchema,
  ReleaseList,
  ReleasesQuery,
  RollbackOutcomeSchema,
  RollbackRequest,
  WorkItemParams,
} from "./production-schemas.js";

const json = <Schema>(schema: Schema) => ({ "application/json": { schema } });

export const releasesRoute = createRoute({
  method: "get",
  path: "/releases",
  tags: ["production"],
  summary: "Releases, newest first; of one service or in some states when asked",
  ...scoped("read"),
  request: { query: ReleasesQuery },
  responses: {
    200: { description: "The releases", content: json(ReleaseList) },
    ...errorResponses(400),
  },
});

export const incidentsRoute = createRoute({
  method: "get",
  path: "/incidents",
  tags: ["production"],
  summary: "Incidents (breaches the monitor acted on, and people's rollbacks), newest first",
  ...scoped("read"),
  request: { query: IncidentsQuery },
  responses: {
    200: { description: "The incidents", content: json(IncidentList) },
    ...errorResponses(400),
  },
});

export const rollbackRoute = createRoute({
  method: "post",
  path: "/items/{id}/rollback",
  tags: ["production"],
  summary:
    "Put a live item's service back on its previous release; an incident records who (the token) and why",
  ...scoped("operate"),
  request: {
    params: WorkItemParams,
    body: { required: true, content: json(RollbackRequest) },
  },
  responses: {
    200: {
      description: "The release rolled back, the one live again, the incident",
      content: json(RollbackOutcomeSchema),
    },
    ...errorResponses(400, 404),
  },
});

export const monitorStatusRoute = createRoute({
  method: "get",
  path: "/monitor",
  tags: ["production"],
  summary:
    "What the monitor knows of each live release: its SLO test's window and verdict, last probes",
  ...scoped("read"),
  responses: {
    200: { description: "The monitor's status", content: json(MonitorStatusSchema) },
    ...errorResponses(),
  },
});

export const monitorCycleRoute = createRoute({
  method: "post",
  path: "/monitor/cycles",
  tags: ["production"],
  summary: "Run one monitor cycle now: probe every live release, roll back a breach",
  ...scoped("operate"),
  responses: {
    201: { description: "The cycle's report", content: json(MonitorCycleReportSchema) },
    ...errorResponses(),
  },
});
