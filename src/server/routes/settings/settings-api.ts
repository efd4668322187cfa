/** The API's routes for quality profiles and the planner. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { ShopfloorError } from "../../../contracts/errors.js";
import { profileNames } from "../../../gate/index.js";
import { trialsToDemonstrate } from "../../../stats/index.js";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import type { ServerEnv } from "../../server-env.js";
import {
  checkExtends,
  inRequestTerms,
  planAnswer,
  profileEntry,
  profilesAnswer,
} from "./profile-answers.js";
import {
  defaultProfileRoute,
  deleteProfileRoute,
  planRateRoute,
  planRoute,
  profilesRoute,
  saveProfileRoute,
} from "./settings-routes.js";

export function settingsApi(services: ConsoleServices): OpenAPIHono<ServerEnv> {
  const router = apiRouter();
  const { settings } = services;
  router.openapi(profilesRoute, (context) => context.json(profilesAnswer(settings), 200));
  router.openapi(saveProfileRoute, async (context) => {
    const { name } = context.req.valid("param");
    const definition = context.req.valid("json");
    if (definition.extends !== name) checkExtends(definition, settings.config(), "extends");
    try {
      const config = await settings.saveProfile(name, definition);
      return context.json(profileEntry(name, config), 200);
    } catch (error) {
      throw inRequestTerms(error, name, "");
    }
  });
  router.openapi(deleteProfileRoute, async (context) => {
    await settings.deleteProfile(context.req.valid("param").name);
    return context.body(null, 204);
  });
  router.openapi(defaultProfileRoute, async (context) => {
    const { name } = context.req.valid("json");
    const known = profileNames(settings.config());
    if (!known.includes(name)) {
      throw new ShopfloorError(
        "not-found",
        `there is no profile "${name}"; known profiles: ${known.join(", ")}`,
        { field: "name" },
      );
    }
    await settings.setDefaultProfile(name);
    return context.json(profilesAnswer(settings), 200);
  });
  router.openapi(planRoute, (context) =>
    context.json(planAnswer(context.req.valid("json"), settings.config()), 200),
  );
  router.openapi(planRateRoute, (context) => {
    const { passRate, confidence, failures } = context.req.valid("query");
    const trialsWith = (failuresAllowed: number) =>
      trialsToDemonstrate({ passRate, confidence, failuresAllowed });
    return context.json(
      {
        passRate,
        confidence,
        failuresAllowed: failures,
        trials: trialsWith(failures),
        method: "clopper-pearson" as const,
        alternatives: [0, 1, 2, 3].map((failuresAllowed) => ({
          failuresAllowed,
          trials: trialsWith(failuresAllowed),
        })),
      },
      200,
    );
  });
  return router;
}
