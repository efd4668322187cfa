/**
 * The API's routes for the line: status, work items, their history and gate reports, submissions (with
 * a line-up of their own, checked as the factory area checks the config's), exceptions and decisions,
 * the event stream.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { ShopfloorError } from "../../../contracts/errors.js";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import { streamLineEvents } from "../../events/event-stream.js";
import type { ServerEnv } from "../../server-env.js";
import { checkLineUp } from "../factory/agent-line-up.js";
import { latencyHistogram } from "./latency-histogram.js";
import { decisionRequest, removeClarifiedSpec } from "./line-decision.js";
import {
  buildLatencyRoute,
  decideRoute,
  eventStreamRoute,
  eventsRoute,
  exceptionsRoute,
  lineStatusRoute,
  lintRoute,
  submitRoute,
  workItemHistoryRoute,
  workItemsRoute,
} from "./line-routes.js";
import { asRequestFault, lintSpecText } from "./line-specs.js";

export function lineApi(services: ConsoleServices): OpenAPIHono<ServerEnv> {
  return apiRouter()
    .openapi(lineStatusRoute, async (context) => context.json(await services.line().status(), 200))
    .openapi(workItemsRoute, async (context) => {
      const { state } = context.req.valid("query");
      const items = await services.line().workItems(state === undefined ? {} : { states: state });
      return context.json({ items }, 200);
    })
    .openapi(workItemHistoryRoute, async (context) =>
      context.json(await services.line().history(context.req.valid("param").id), 200),
    )
    .openapi(buildLatencyRoute, async (context) => {
      const { build } = context.req.valid("param");
      const trials = await services.line().trials(build);
      if (trials.length === 0) await requireBuild(services, build);
      return context.json(latencyHistogram(build, trials), 200);
    })
    .openapi(submitRoute, async (context) => {
      const { name, spec, profile, lineUp } = context.req.valid("json");
      // As `shopfloor run --agent` refuses an agent before anything is submitted.
      if (lineUp !== undefined) await checkLineUp(lineUp, services, services.settings.config());
      const item = await services
        .line()
        .submit({
          specPath: name,
          specText: spec,
          ...(profile === undefined ? {} : { profile }),
          ...(lineUp === undefined ? {} : { lineUp }),
        })
        .catch((error: unknown) => asRequestFault(error, "spec"));
      return context.json(item, 201);
    })
    .openapi(lintRoute, async (context) => {
      const { name, spec, profile } = context.req.valid("json");
      return context.json(await lintSpecText(services.settings.config(), name, spec, profile), 200);
    })
    .openapi(exceptionsRoute, async (context) => {
      const { state } = context.req.valid("query");
      return context.json({ exceptions: await services.line().exceptions({ state }) }, 200);
    })
    .openapi(decideRoute, async (context) => {
      const line = services.line();
      const request = await decisionRequest(line.home, {
        exception: context.req.valid("param").id,
        body: context.req.valid("json"),
        by: context.get("access").name,
        now: services.now(),
      });
      try {
        return context.json(await line.decide(request), 201);
      } catch (error) {
        await removeClarifiedSpec(request);
        return asRequestFault(error, "clarifiedSpec");
      }
    })
    .openapi(eventsRoute, async (context) => {
      const { after, workItem, limit, newest } = context.req.valid("query");
      const events = await services.line().events({
        limit,
        ...(newest === undefined ? {} : { newest }),
        ...(after === undefined ? {} : { afterSequence: after }),
        ...(workItem === undefined ? {} : { workItem }),
      });
      return context.json({ events }, 200);
    })
    .openapi(eventStreamRoute, (context) => {
      const { after } = context.req.valid("query");
      const lastEventId = context.req.valid("header")["last-event-id"];
      return streamLineEvents(context, services, after ?? lastEventId);
    });
}

/**
 * A build with no trials yet is a histogram with no buckets; an id no build has is not found. Build ids
 * are `<work item>.<attempt>.<candidate>`, so the work item's history says which builds exist.
 */
async function requireBuild(services: ConsoleServices, build: string): Promise<void> {
  const workItem = build.match(/^(.+)\.\d+\.\d+$/)?.[1];
  const notFound = new ShopfloorError(
    "not-found",
    `there is no build ${build}; build ids look like todo-api-3f9c2a.2.1 (GET /api/items/{id} lists an item's builds)`,
    { field: "build" },
  );
  if (workItem === undefined) throw notFound;
  const history = await services
    .line()
    .history(workItem)
    .catch((error: unknown) => {
      throw error instanceof ShopfloorError && error.code === "not-found" ? notFound : error;
    });
  if (!history.builds.some((each) => each.id === build)) throw notFound;
}
