/** The money area's routes: today's budget, a change to it, and the cost report. */
import { createRoute } from "@hono/zod-openapi";
import { scoped } from "../../access/require-access.js";
import { errorResponses } from "../../http-errors.js";
import { BudgetAnswer, BudgetChangeRequest, CostsAnswer, CostsQuery } from "./money-schemas.js";

export const budgetRoute = createRoute({
  method: "get",
  path: "/budget",
  tags: ["money"],
  summary: "Today's budget: limits per category, spend, reservations, alerts, policy, forecast",
  ...scoped("read"),
  responses: {
    200: {
      description: "Today's budget (amounts in micro-dollars)",
      content: { "application/json": { schema: BudgetAnswer } },
    },
    ...errorResponses(),
  },
});

export const changeBudgetRoute = createRoute({
  method: "put",
  path: "/budget",
  tags: ["money"],
  summary: "Change the budget; recorded with who (the token), when and why",
  description:
    "What `shopfloor budget set` does: the values given override the config file's from now on. A cap of 0 or null removes it.",
  ...scoped("configure"),
  request: {
    body: { required: true, content: { "application/json": { schema: BudgetChangeRequest } } },
  },
  responses: {
    200: {
      description: "Today's budget under the new policy",
      content: { "application/json": { schema: BudgetAnswer } },
    },
    ...errorResponses(400),
  },
});

export const costsRoute = createRoute({
  method: "get",
  path: "/costs",
  tags: ["money"],
  summary: "Spend over a range of budget days, cost per approved change, today's forecast",
  ...scoped("read"),
  request: { query: CostsQuery },
  responses: {
    200: {
      description: "The cost report (amounts in micro-dollars)",
      content: { "application/json": { schema: CostsAnswer } },
    },
    ...errorResponses(400),
  },
});
