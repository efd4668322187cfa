/**
 * The factory area's routes: the agents and the line-up, the holdout suites, calibrating the gate on an
 * approved item, and the release host daemon; what `shopfloor agents list`, `scenarios` (list, show,
 * freeze, unfreeze, diff), `calibrate` and `host --status` do, over HTTP.
 */
import { createRoute } from "@hono/zod-openapi";
import { scoped } from "../../access/require-access.js";
import { ApiError, errorResponses } from "../../http-errors.js";
import { WorkItemParams } from "../production/production-schemas.js";
import {
  CalibrateRequest,
  CalibrationList,
  CalibrationParams,
  CalibrationSchema,
} from "./calibration-schemas.js";
import {
  AgentsAnswer,
  FreezeSuiteRequest,
  HostAnswer,
  SaveLineUpRequest,
  ScenarioParams,
  ScenarioSchema,
  StoredSuite,
  SuiteAnswer,
  SuiteDiffQuery,
  SuiteDiffSchema,
  SuiteList,
  SuiteNameParams,
  SuiteParams,
  SuitesQuery,
} from "./factory-schemas.js";

const json = <Schema>(schema: Schema) => ({ "application/json": { schema } });

export const agentsRoute = createRoute({
  method: "get",
  path: "/agents",
  tags: ["factory"],
  summary: "The agents, whether each can run here and what it needs; the line-up new items get",
  description:
    "What `shopfloor agents list` shows, and the config's line-up (`line.lineUp`), else the default agent alone.",
  ...scoped("read"),
  responses: {
    200: { description: "The agents and the line-up", content: json(AgentsAnswer) },
    ...errorResponses(),
  },
});

export const saveLineUpRoute = createRoute({
  method: "put",
  path: "/settings/line-up",
  tags: ["factory"],
  summary: "Set the line-up in the config file (null removes it); the line is reopened on it",
  description:
    "Every agent it names must exist and be able to run here. Items already submitted keep the line-up they were submitted with; new submissions get this one.",
  ...scoped("configure"),
  request: { body: { required: true, content: json(SaveLineUpRequest) } },
  responses: {
    200: { description: "The agents and the new line-up", content: json(AgentsAnswer) },
    ...errorResponses(400),
  },
});

export const suitesRoute = createRoute({
  method: "get",
  path: "/suites",
  tags: ["factory"],
  summary:
    "The stored holdout suites and their versions, newest first (`shopfloor scenarios list`)",
  ...scoped("read"),
  request: { query: SuitesQuery },
  responses: {
    200: { description: "The stored suite versions", content: json(SuiteList) },
    ...errorResponses(400, 404),
  },
});

export const suiteRoute = createRoute({
  method: "get",
  path: "/suites/{suite}",
  tags: ["factory"],
  summary: "A stored suite summed up: header, provenance, criteria coverage, its scenarios listed",
  description:
    "What `shopfloor scenarios show NAME[@VERSION]` prints; a scenario's steps are at /suites/{suite}/scenarios/{scenario}.",
  ...scoped("read"),
  request: { params: SuiteParams },
  responses: {
    200: { description: "The suite", content: json(SuiteAnswer) },
    ...errorResponses(400, 404),
  },
});

export const suiteScenarioRoute = createRoute({
  method: "get",
  path: "/suites/{suite}/scenarios/{scenario}",
  tags: ["factory"],
  summary: "One scenario of a stored suite, as stored (`shopfloor scenarios show --scenario`)",
  ...scoped("read"),
  request: { params: ScenarioParams },
  responses: {
    200: { description: "The scenario", content: json(ScenarioSchema) },
    ...errorResponses(400, 404),
  },
});

export const freezeSuiteRoute = createRoute({
  method: "post",
  path: "/suites/{suite}/freeze",
  tags: ["factory"],
  summary:
    "Make a version of a suite current and frozen (`shopfloor scenarios freeze NAME[@VERSION]`)",
  description:
    "New work items of the spec are judged by this version, and generating or extending the suite is refused until it is unfrozen. Without a body, the current version is frozen.",
  ...scoped("configure"),
  request: {
    params: SuiteNameParams,
    body: { required: false, content: json(FreezeSuiteRequest) },
  },
  responses: {
    200: { description: "The frozen version", content: json(StoredSuite) },
    ...errorResponses(400, 404),
  },
});

export const unfreezeSuiteRoute = createRoute({
  method: "post",
  path: "/suites/{suite}/unfreeze",
  tags: ["factory"],
  summary: "Let a suite take new versions again (`shopfloor scenarios unfreeze NAME`)",
  description: "Its current version stays current until the line stores a new one.",
  ...scoped("configure"),
  request: { params: SuiteNameParams },
  responses: {
    200: { description: "The current version, no longer frozen", content: json(StoredSuite) },
    ...errorResponses(400, 404),
  },
});

export const suiteDiffRoute = createRoute({
  method: "get",
  path: "/suites/{suite}/diff",
  tags: ["factory"],
  summary: "Which scenarios one version of a suite added, removed or changed (`scenarios diff`)",
  description:
    "Compares `from` with `to`; without them, the current version with the version it extends.",
  ...scoped("read"),
  request: { params: SuiteNameParams, query: SuiteDiffQuery },
  responses: {
    200: { description: "The difference, scenario by scenario", content: json(SuiteDiffSchema) },
    ...errorResponses(400, 404),
  },
});

export const calibrateRoute = createRoute({
  method: "post",
  path: "/items/{id}/calibrate",
  tags: ["factory"],
  summary: "Calibrate the gate on an approved item: mutants with one injected fault each, judged",
  description:
    "`shopfloor calibrate` in the server's process. It answers once the first mutant is under way; follow it at /calibrations/{id} (or wait for the item's `calibration.end` event). An item not approved, or unknown, is refused at once.",
  ...scoped("operate"),
  request: {
    params: WorkItemParams,
    body: { required: false, content: json(CalibrateRequest) },
  },
  responses: {
    202: { description: "The calibration, under way", content: json(CalibrationSchema) },
    409: { description: "The item is being calibrated already", content: json(ApiError) },
    ...errorResponses(400, 404),
  },
});

export const calibrationsRoute = createRoute({
  method: "get",
  path: "/calibrations",
  tags: ["factory"],
  summary: "The calibrations this server started, newest first",
  ...scoped("read"),
  responses: {
    200: { description: "The calibrations", content: json(CalibrationList) },
    ...errorResponses(),
  },
});

export const calibrationRoute = createRoute({
  method: "get",
  path: "/calibrations/{id}",
  tags: ["factory"],
  summary: "A calibration: its progress, then its report (or why it stopped)",
  ...scoped("read"),
  request: { params: CalibrationParams },
  responses: {
    200: { description: "The calibration", content: json(CalibrationSchema) },
    ...errorResponses(404),
  },
});

export const hostRoute = createRoute({
  method: "get",
  path: "/host",
  tags: ["factory"],
  summary: "The release host daemon: its services and releases, or that it does not run",
  description: "What `shopfloor host --status` shows; asking starts no daemon.",
  ...scoped("read"),
  responses: {
    200: { description: "The host's status", content: json(HostAnswer) },
    ...errorResponses(),
  },
});
