/**
 * The answers of the line's routes as the dashboard receives them, named once for the pages: each is
 * the type of the route's zod schema (so it is what the server sends, checked against the line's own
 * types there), without the dashboard importing the server's or the line's modules.
 */
import type {
  buildLatencyRoute,
  decideRoute,
  exceptionsRoute,
  lineStatusRoute,
  workItemHistoryRoute,
} from "../../../src/server/routes/line/line-routes.js";
import type { RouteAnswer } from "./call-route.js";

export type LineStatusAnswer = RouteAnswer<typeof lineStatusRoute>;
export type WorkItemHistoryAnswer = RouteAnswer<typeof workItemHistoryRoute>;
export type LatencyHistogramAnswer = RouteAnswer<typeof buildLatencyRoute>;
export type ExceptionsAnswer = RouteAnswer<typeof exceptionsRoute>;
export type DecisionAnswer = RouteAnswer<typeof decideRoute>;
