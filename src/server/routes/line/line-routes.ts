/**
 * The line API's route definitions: the line's status, work items and their histories, a build's latency
 * histogram, submissions and the requirements lint, exceptions and decisions, the event log and its live
 * stream. The server registers them (line-api.ts) and the dashboard calls them by these same objects.
 * Browser-safe.
 */
import { createRoute } from "@hono/zod-openapi";
import { scoped } from "../../access/require-access.js";
import { errorResponses } from "../../http-errors.js";
import {
  BuildParams,
  DecisionBody,
  DecisionSchema,
  EventList,
  EventStreamHeaders,
  EventStreamQuery,
  EventsQuery,
  ExceptionList,
  ExceptionParams,
  ExceptionsQuery,
  ItemParams,
  ItemsQuery,
  LatencyHistogram,
  LineEventSchema,
  LineStatusSchema,
  LintBody,
  LintReportSchema,
  SubmitBody,
  WorkItemHistorySchema,
  WorkItemList,
  WorkItemSchema,
} from "./line-schemas.js";

const tags = ["line"];

function json<Schema>(schema: Schema, description: string) {
  return { description, content: { "application/json": { schema } } };
}

function jsonBody<Schema>(schema: Schema) {
  return { required: true, content: { "application/json": { schema } } };
}

export const lineStatusRoute = createRoute({
  method: "get",
  path: "/status",
  tags,
  summary: "The line at a glance: items per state, outcomes, pass rates, spend, queues",
  ...scoped("read"),
  responses: { 200: json(LineStatusSchema, "The line's status"), ...errorResponses() },
});

export const workItemsRoute = createRoute({
  method: "get",
  path: "/items",
  tags,
  summary: "Work items, newest first, optionally only those in some states",
  ...scoped("read"),
  request: { query: ItemsQuery },
  responses: { 200: json(WorkItemList, "The work items"), ...errorResponses(400) },
});

export const workItemHistoryRoute = createRoute({
  method: "get",
  path: "/items/{id}",
  tags,
  summary: "A work item's history: events, builds with verdicts, exceptions, decisions, costs",
  ...scoped("read"),
  request: { params: ItemParams },
  responses: {
    200: json(WorkItemHistorySchema, "The work item's history"),
    ...errorResponses(400, 404),
  },
});

export const buildLatencyRoute = createRoute({
  method: "get",
  path: "/builds/{build}/latency",
  tags,
  summary: "A histogram of the build's trial durations, overall and per category",
  ...scoped("read"),
  request: { params: BuildParams },
  responses: {
    200: json(LatencyHistogram, "The latency histogram (no buckets before any trial ran)"),
    ...errorResponses(404),
  },
});

export const submitRoute = createRoute({
  method: "post",
  path: "/items",
  tags,
  summary: "Submit a spec: it is checked, stored, and a work item starts at intake",
  description:
    "`lineUp` builds this item with a line-up of its own instead of the config's (what `shopfloor run --agent/--best-of/--faults` do); each agent it names must exist and be able to run here, else a 400 names the field, e.g. `lineUp.agents.1.agent`.",
  ...scoped("operate"),
  request: { body: jsonBody(SubmitBody) },
  responses: {
    201: json(WorkItemSchema, "The new work item"),
    ...errorResponses(400),
  },
});

export const lintRoute = createRoute({
  method: "post",
  path: "/specs/lint",
  tags,
  summary: "The requirements lint of a spec (the deterministic rules; no model is asked)",
  ...scoped("read"),
  request: { body: jsonBody(LintBody) },
  responses: { 200: json(LintReportSchema, "The lint report"), ...errorResponses(400) },
});

export const exceptionsRoute = createRoute({
  method: "get",
  path: "/exceptions",
  tags,
  summary: "The exception queue: open (default), decided, or all",
  ...scoped("read"),
  request: { query: ExceptionsQuery },
  responses: { 200: json(ExceptionList, "The exceptions"), ...errorResponses(400) },
});

export const decideRoute = createRoute({
  method: "post",
  path: "/exceptions/{id}/decision",
  tags,
  summary: "Decide an exception; the decision is recorded with the token's name as who decided",
  ...scoped("operate"),
  request: { params: ExceptionParams, body: jsonBody(DecisionBody) },
  responses: {
    201: json(DecisionSchema, "The recorded decision"),
    ...errorResponses(400, 404),
  },
});

export const eventsRoute = createRoute({
  method: "get",
  path: "/events",
  tags,
  summary: "The event log in order, after a sequence number, optionally of one work item",
  ...scoped("read"),
  request: { query: EventsQuery },
  responses: { 200: json(EventList, "The events"), ...errorResponses(400) },
});

export const eventStreamRoute = createRoute({
  method: "get",
  path: "/events/stream",
  tags,
  summary: "The line's events as they are written (Server-Sent Events)",
  description:
    "Each message has `id` the event's sequence, `event` its type and `data` the event as JSON; a `: ping` comment comes every 15 s. It starts after `?after=`, else after the `Last-Event-ID` header, else at the end of the log.",
  ...scoped("read"),
  request: { query: EventStreamQuery, headers: EventStreamHeaders },
  responses: {
    200: {
      description: "A stream of line events",
      content: { "text/event-stream": { schema: LineEventSchema } },
    },
    ...errorResponses(400),
  },
});
