/** The settings area's routes: quality profiles, the default profile, and the planner. */
import { createRoute } from "@hono/zod-openapi";
import { scoped } from "../../access/require-access.js";
import { errorResponses } from "../../http-errors.js";
import {
  DefaultProfileRequest,
  PlanAnswer,
  PlanRateAnswer,
  PlanRateQuery,
  PlanRequest,
  ProfileDefinitionSchema,
  ProfileEntry,
  ProfileParams,
  ProfilesAnswer,
} from "./settings-schemas.js";

const json = <Schema>(schema: Schema) => ({ "application/json": { schema } });

export const profilesRoute = createRoute({
  method: "get",
  path: "/profiles",
  tags: ["settings"],
  summary:
    "Every quality profile, built-in and the config's, resolved; the default; the config file",
  ...scoped("read"),
  responses: {
    200: { description: "The profiles", content: json(ProfilesAnswer) },
    ...errorResponses(),
  },
});

export const saveProfileRoute = createRoute({
  method: "put",
  path: "/profiles/{name}",
  tags: ["settings"],
  summary: "Add or replace a profile in the config file; the line is reopened on it",
  description:
    "Saved under a built-in's name (admin, standard, payments), the definition changes that built-in's values. The whole config is checked before the file is written; its comments are kept.",
  ...scoped("configure"),
  request: {
    params: ProfileParams,
    body: { required: true, content: json(ProfileDefinitionSchema) },
  },
  responses: {
    200: { description: "The saved profile, resolved", content: json(ProfileEntry) },
    ...errorResponses(400, 404),
  },
});

export const deleteProfileRoute = createRoute({
  method: "delete",
  path: "/profiles/{name}",
  tags: ["settings"],
  summary: "Remove a profile from the config file (a built-in one goes back to its own values)",
  ...scoped("configure"),
  request: { params: ProfileParams },
  responses: {
    204: { description: "Removed; the line is reopened without it" },
    ...errorResponses(400, 404),
  },
});

export const defaultProfileRoute = createRoute({
  method: "put",
  path: "/settings/default-profile",
  tags: ["settings"],
  summary: "Choose the profile work items are gated with unless their spec names another",
  ...scoped("configure"),
  request: { body: { required: true, content: json(DefaultProfileRequest) } },
  responses: {
    200: { description: "The profiles, with the new default", content: json(ProfilesAnswer) },
    ...errorResponses(400, 404),
  },
});

export const planRoute = createRoute({
  method: "post",
  path: "/plan",
  tags: ["settings"],
  summary: "Whether a suite can approve a build under a profile, and what it must add",
  description:
    "What `shopfloor plan --profile` says, for a saved profile (by name) or an unsaved definition.",
  ...scoped("read"),
  request: { body: { required: true, content: json(PlanRequest) } },
  responses: {
    200: { description: "The suite plan, per category", content: json(PlanAnswer) },
    ...errorResponses(400, 404),
  },
});

export const planRateRoute = createRoute({
  method: "get",
  path: "/plan/rate",
  tags: ["settings"],
  summary: "How many trials demonstrate a pass rate (`shopfloor plan --pass-rate`)",
  ...scoped("read"),
  request: { query: PlanRateQuery },
  responses: {
    200: { description: "The trials needed", content: json(PlanRateAnswer) },
    ...errorResponses(400),
  },
});
