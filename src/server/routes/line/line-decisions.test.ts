/**
 * The exception queue and decisions over HTTP, on a real line: a vague spec stops at intake as
 * `spec-too-vague`; an operator rejects one (the decision records the token's name as who), clarifies
 * another with a new spec's text (a new work item goes down the line), and the queue and the histories
 * show it. Invalid decisions are refused naming the field; a decided exception cannot be decided again.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { vagueSpec as vagueSpecPath } from "../../../../test/line/support/line-home.js";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import type { LineException, WorkItem } from "../../../contracts/work-item.js";
import {
  decideRoute,
  exceptionsRoute,
  submitRoute,
  workItemHistoryRoute,
  workItemsRoute,
} from "./line-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const vagueSpec = readFileSync(vagueSpecPath, "utf8");

let harness: ConsoleHarness;
let rejected: WorkItem;
let clarified: WorkItem;

const exceptionsOf = async (state: string) =>
  (
    await parsedAnswer(
      await harness.request("GET", `/api/exceptions?state=${state}`),
      200,
      answerSchema(exceptionsRoute, 200),
    )
  ).exceptions;

const historyOf = async (id: string) =>
  parsedAnswer(
    await harness.request("GET", `/api/items/${id}`),
    200,
    answerSchema(workItemHistoryRoute, 200),
  );

function decide(exception: LineException, json: unknown, token = harness.tokens.operator) {
  return harness.request("POST", `/api/exceptions/${exception.id}/decision`, { token, json });
}

function exceptionOf(exceptions: LineException[], item: WorkItem): LineException {
  const found = exceptions.find((exception) => exception.workItem === item.id);
  if (found === undefined) throw new Error(`no exception for ${item.id}`);
  return found;
}

beforeAll(async () => {
  harness = await consoleHarness();
  const submit = async (name: string) =>
    parsedAnswer(
      await harness.request("POST", "/api/items", { json: { name, spec: vagueSpec } }),
      201,
      answerSchema(submitRoute, 201),
    );
  rejected = await submit("vague-shop.md");
  clarified = await submit("vague-shop-again.md");
  await harness.work();
});

afterAll(async () => {
  await harness?.remove();
});

describe("exceptions and decisions over HTTP", () => {
  it("lists the open exceptions with their evidence", async () => {
    const open = await exceptionsOf("open");
    expect(open.map((exception) => [exception.workItem, exception.reason]).sort()).toEqual(
      [
        [rejected.id, "spec-too-vague"],
        [clarified.id, "spec-too-vague"],
      ].sort(),
    );
    expect(exceptionOf(open, rejected).evidence.findings).toBeInstanceOf(Array);
    expect(await exceptionsOf("decided")).toEqual([]);
  });

  it("refuses a decision it cannot take, naming the field, and records nothing", async () => {
    const exception = exceptionOf(await exceptionsOf("open"), rejected);
    await expectError(await decide(exception, { action: "reject" }), 400, { field: "reason" });
    await expectError(await decide(exception, { action: "reject", reason: "  " }), 400, {
      field: "reason",
    });
    await expectError(await decide(exception, { action: "shrug", reason: "why not" }), 400, {
      field: "action",
    });
    await expectError(await decide(exception, { action: "clarify", reason: "reworded" }), 400, {
      field: "clarifiedSpec",
    });
    await expectError(
      await decide(exception, { action: "raise-budget", reason: "more", dailyBudgetUsd: -5 }),
      400,
      { field: "dailyBudgetUsd" },
    );
    await expectError(
      await decide(exception, { action: "change-profile", reason: "laxer", profile: "nope" }),
      400,
      { field: "profile" },
    );
    await expectError(
      await decide(exception, {
        action: "clarify",
        reason: "reworded",
        clarifiedSpec: "no front matter at all",
      }),
      400,
      { code: "invalid-input", field: "clarifiedSpec" },
    );
    await expectError(
      await decide(exception, { action: "reject", reason: "dup" }, harness.tokens.reader),
      403,
      { code: "forbidden" },
    );
    expect(await exceptionsOf("decided")).toEqual([]);
    // The refused clarification left no spec file behind.
    const clarifiedSpecs = join(harness.consoleLine.current().home, "clarified-specs");
    expect(existsSync(clarifiedSpecs) ? readdirSync(clarifiedSpecs) : []).toEqual([]);
  });

  it("records a rejection with the token's name as who decided", async () => {
    const exception = exceptionOf(await exceptionsOf("open"), rejected);
    const decision = await parsedAnswer(
      await decide(exception, { action: "reject", reason: "a duplicate of the other shop" }),
      201,
      answerSchema(decideRoute, 201),
    );
    expect(decision).toMatchObject({
      exception: exception.id,
      workItem: rejected.id,
      action: "reject",
      by: "operator",
      reason: "a duplicate of the other shop",
    });
    const decided = await exceptionsOf("decided");
    expect(decided.map((each) => [each.id, each.state])).toEqual([[exception.id, "decided"]]);
    const history = await historyOf(rejected.id);
    expect(history.item.state).toBe("rejected");
    expect(history.decisions.map((each) => [each.action, each.by])).toEqual([
      ["reject", "operator"],
    ]);
    expect(history.events.map((event) => event.type)).toContain("decision.record");

    const again = await expectError(
      await decide(exception, { action: "approve", reason: "oops" }),
      400,
    );
    expect(again.message).toContain("already decided");
  });

  it("clarifies with a new spec's text: a new item, the old one's child, goes down the line", async () => {
    const exception = exceptionOf(await exceptionsOf("open"), clarified);
    const decision = await parsedAnswer(
      await decide(
        exception,
        { action: "clarify", reason: "measurable now", clarifiedSpec: harness.smallSpec },
        harness.tokens.manager,
      ),
      201,
      answerSchema(decideRoute, 201),
    );
    expect(decision).toMatchObject({ action: "clarify", by: "manager" });
    expect(await exceptionsOf("open")).toEqual([]);
    await harness.work();
    const items = await parsedAnswer(
      await harness.request("GET", "/api/items?state=approved"),
      200,
      answerSchema(workItemsRoute, 200),
    );
    expect(items.items.map((item) => [item.name, item.parent])).toEqual([
      ["todo-api", clarified.id],
    ]);
    expect((await historyOf(clarified.id)).item.state).toBe("rejected");
  });
});
