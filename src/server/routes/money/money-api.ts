/** The API's routes for money: today's budget, spend reports, budget changes. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { CostReport } from "../../../ledger/cost-report.js";
import { forecastDay } from "../../../ledger/economics.js";
import type { FactoryLine } from "../../../line/factory-line.js";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import type { ServerEnv } from "../../server-env.js";
import { budgetRoute, changeBudgetRoute, costsRoute } from "./money-routes.js";
import type { BudgetAnswer } from "./money-schemas.js";

export function moneyApi(services: ConsoleServices): OpenAPIHono<ServerEnv> {
  const router = apiRouter();
  router.openapi(budgetRoute, async (context) =>
    context.json(await budgetAnswer(services.line()), 200),
  );
  router.openapi(changeBudgetRoute, async (context) => {
    const request = context.req.valid("json");
    const line = services.line();
    await line.changeBudget({
      by: context.get("access").name,
      reason: request.reason,
      dailyUsd: request.dailyUsd,
      split: request.split,
      timeZone: request.timeZone,
      dayStart: request.dayStart,
      // The ledger removes a cap given as 0; JSON's way to say "none" is null.
      itemCapUsd: request.itemCapUsd === null ? 0 : request.itemCapUsd,
      runCapUsd: request.runCapUsd === null ? 0 : request.runCapUsd,
    });
    return context.json(await budgetAnswer(line), 200);
  });
  router.openapi(costsRoute, async (context) => {
    const query = context.req.valid("query");
    const report = await services.line().costReport({
      since: query.since,
      until: query.until,
      by: query.by,
    });
    return context.json({ ...report, costs: costReportOnly(report.costs) }, 200);
  });
  return router;
}

/**
 * The report's own fields: the ledger builds it with the whole budget policy spread in as the day
 * boundary, and the policy is GET /budget's to tell.
 */
function costReportOnly(costs: CostReport): CostReport {
  const { since, until, timeZone, dayStart, by, rows, total } = costs;
  return { since, until, timeZone, dayStart, by, rows, total };
}

/** The ledger's status, and the day's spend forecast at the rate so far, as the cost report makes it. */
async function budgetAnswer(line: FactoryLine): Promise<BudgetAnswer> {
  const status = await line.budget();
  const day = {
    key: status.day.key,
    start: new Date(status.day.start),
    end: new Date(status.day.end),
  };
  const forecast = forecastDay(
    day,
    new Date(status.now),
    status.total.spentMicroUsd,
    status.total.limitMicroUsd,
  );
  return { ...status, forecast };
}
