/**
 * The calls most route tests make on the way to what they test: submit the harness's small spec, and
 * read an item's history, each answer parsed with its route's schema.
 */
import type { WorkItem } from "../../../src/contracts/work-item.js";
import { submitRoute, workItemHistoryRoute } from "../../../src/server/routes/line/line-routes.js";
import type { ConsoleHarness } from "./console-harness.js";
import { answerSchema, parsedAnswer } from "./line-answers.js";

/** POST /api/items with the small todo spec (default token: the manager's). */
export async function submitSmallSpec(
  harness: ConsoleHarness,
  token: string = harness.tokens.manager,
): Promise<WorkItem> {
  const response = await harness.request("POST", "/api/items", {
    token,
    json: { name: "todo-small.md", spec: harness.smallSpec },
  });
  return parsedAnswer(response, 201, answerSchema(submitRoute, 201));
}

/** GET /api/items/{id} (default token: the reader's). */
export async function historyOf(
  harness: ConsoleHarness,
  id: string,
  token: string = harness.tokens.reader,
) {
  const response = await harness.request("GET", `/api/items/${id}`, { token });
  return parsedAnswer(response, 200, answerSchema(workItemHistoryRoute, 200));
}
