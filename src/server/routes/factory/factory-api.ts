/**
 * The API's routes for the agents and the line-up, the holdout suites (read, frozen, compared),
 * calibrations and the release host.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { ShopfloorError } from "../../../contracts/errors.js";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import { errorBody } from "../../http-errors.js";
import { CalibrationConflict } from "../../runtime/calibration-runs.js";
import type { ServerEnv } from "../../server-env.js";
import { agentsAnswer, checkLineUp } from "./agent-line-up.js";
import {
  agentsRoute,
  calibrateRoute,
  calibrationRoute,
  calibrationsRoute,
  freezeSuiteRoute,
  hostRoute,
  saveLineUpRoute,
  suiteDiffRoute,
  suiteRoute,
  suiteScenarioRoute,
  suitesRoute,
  unfreezeSuiteRoute,
} from "./factory-routes.js";
import { hostStatus } from "./host-status.js";
import { storedScenario, storedSuites, suiteAnswer } from "./suite-answers.js";
import { freezeSuite, suiteDiff, unfreezeSuite } from "./suite-versions.js";

export function factoryApi(services: ConsoleServices): OpenAPIHono<ServerEnv> {
  const { settings, calibrations } = services;
  return apiRouter()
    .openapi(agentsRoute, async (context) => context.json(await agentsAnswer(services), 200))
    .openapi(saveLineUpRoute, async (context) => {
      const { lineUp } = context.req.valid("json");
      if (lineUp !== null) await checkLineUp(lineUp, services, settings.config());
      try {
        await settings.saveLineUp(lineUp);
      } catch (error) {
        throw inRequestTerms(error, "line.lineUp", "lineUp");
      }
      return context.json(await agentsAnswer(services), 200);
    })
    .openapi(suitesRoute, async (context) => {
      const { name } = context.req.valid("query");
      return context.json({ suites: await storedSuites(services, name) }, 200);
    })
    .openapi(suiteRoute, async (context) =>
      context.json(await suiteAnswer(services, context.req.valid("param").suite), 200),
    )
    .openapi(suiteScenarioRoute, async (context) => {
      const { suite, scenario } = context.req.valid("param");
      return context.json(await storedScenario(services, suite, scenario), 200);
    })
    .openapi(freezeSuiteRoute, async (context) => {
      const { suite } = context.req.valid("param");
      const { version } = context.req.valid("json");
      return context.json(await freezeSuite(services, suite, version), 200);
    })
    .openapi(unfreezeSuiteRoute, async (context) =>
      context.json(await unfreezeSuite(services, context.req.valid("param").suite), 200),
    )
    .openapi(suiteDiffRoute, async (context) => {
      const { suite } = context.req.valid("param");
      return context.json(await suiteDiff(services, suite, context.req.valid("query")), 200);
    })
    .openapi(calibrateRoute, async (context) => {
      // The full id: a prefix and the whole id are the same item, so they meet the same guard.
      const { item } = await services.line().history(context.req.valid("param").id);
      const { mutants, seed } = context.req.valid("json");
      try {
        const run = await calibrations.start({
          workItem: item.id,
          ...(mutants === undefined ? {} : { mutants }),
          ...(seed === undefined ? {} : { seed }),
          by: context.get("access").name,
        });
        return context.json(run, 202);
      } catch (error) {
        if (error instanceof CalibrationConflict) {
          return context.json(errorBody("conflict", error.message, "id"), 409);
        }
        throw inRequestTerms(error, "workItem", "id");
      }
    })
    .openapi(calibrationsRoute, (context) =>
      context.json({ calibrations: calibrations.list() }, 200),
    )
    .openapi(calibrationRoute, (context) => {
      const { id } = context.req.valid("param");
      const run = calibrations.get(id);
      if (run === undefined) {
        throw new ShopfloorError(
          "not-found",
          `this server started no calibration ${id} (it keeps the last 50; a finished one's report is the item's calibration.end event)`,
          { field: "id" },
        );
      }
      return context.json(run, 200);
    })
    .openapi(hostRoute, async (context) =>
      context.json(await hostStatus(services.line().home), 200),
    );
}

/** An error about `field` (or a field under it) of what the handler passed on, named as the request names it. */
function inRequestTerms(error: unknown, field: string, requestField: string): unknown {
  if (!(error instanceof ShopfloorError) || error.field === undefined) return error;
  if (error.field !== field && !error.field.startsWith(`${field}.`)) return error;
  return new ShopfloorError(error.code, error.message, {
    field: `${requestField}${error.field.slice(field.length)}`,
    path: error.path,
    line: error.line,
    cause: error,
  });
}
