/**
 * The money routes on a real line and ledger (test/support/console): after an item went down the line,
 * today's budget and the cost report show what it spent, with answers their schemas accept; a budget
 * change is recorded with the token's name and reason and is in force at once. Then the refusals: no
 * token, a token without the scope, and invalid requests naming the field.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeTrialExecutor } from "../../../../test/line/support/line-fakes.js";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import { budgetRoute, changeBudgetRoute, costsRoute } from "./money-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const budgetSchema = answerSchema(budgetRoute, 200);
const changedSchema = answerSchema(changeBudgetRoute, 200);
const costsSchema = answerSchema(costsRoute, 200);
const noon = Date.parse("2026-11-24T12:00:00Z");
const evenSplit = { inference: 0.25, testing: 0.25, ci: 0.25, monitoring: 0.25 };

let harness: ConsoleHarness;

beforeAll(async () => {
  // A clock that runs from noon, so that the budget day cannot end during the test.
  const started = Date.now();
  harness = await consoleHarness({
    now: () => new Date(noon + (Date.now() - started)),
    // Trials that take CPU time, so that the item's testing is charged to the budget.
    trialExecutor: new FakeTrialExecutor({ cpuSecondsPerTrial: 36 }),
  });
  await harness.services.line().submit({ specPath: join(harness.home, "todo-small.md") });
  await harness.work();
});

afterAll(async () => {
  await harness?.remove();
});

const getBudget = async () =>
  parsedAnswer(
    await harness.request("GET", "/api/budget", { token: harness.tokens.reader }),
    200,
    budgetSchema,
  );

const changeBudget = (json: unknown, token = harness.tokens.manager) =>
  harness.request("PUT", "/api/budget", { token, json });

describe("the money API on a real ledger", () => {
  it("answers today's budget with the spend of the item that ran, and the day's forecast", async () => {
    const budget = await getBudget();

    expect(budget.day.key).toBe("2026-11-24");
    expect(budget.total.limitMicroUsd).toBe(1_000_000_000);
    expect(budget.total.spentMicroUsd).toBeGreaterThan(0);
    expect(budget.categories.map((line) => [line.category, line.limitMicroUsd])).toEqual([
      ["inference", 300_000_000],
      ["testing", 400_000_000],
      ["ci", 150_000_000],
      ["monitoring", 150_000_000],
    ]);
    expect(budget.categories.reduce((sum, line) => sum + line.spentMicroUsd, 0)).toBe(
      budget.total.spentMicroUsd,
    );
    expect(budget.policy.sources.dailyUsd).toEqual({ from: "default" });
    expect(budget.policy.itemCapMicroUsd).toBeUndefined();
    expect(budget.forecast).toMatchObject({
      day: "2026-11-24",
      spentMicroUsd: budget.total.spentMicroUsd,
      limitMicroUsd: 1_000_000_000,
    });
    expect(budget.forecast.elapsedShare).toBeCloseTo(0.5, 2);
    expect(budget.forecast.forecastMicroUsd).toBeGreaterThanOrEqual(budget.total.spentMicroUsd);
  });

  it("reports the costs by category by default, and by model, with the cost per approved change", async () => {
    const budget = await getBudget();
    const byCategory = await parsedAnswer(
      await harness.request("GET", "/api/costs", { token: harness.tokens.reader }),
      200,
      costsSchema,
    );
    expect(byCategory.costs).toMatchObject({
      by: "category",
      until: "2026-11-24",
      since: "2026-10-26",
    });
    expect(byCategory.costs.total.amountMicroUsd).toBe(budget.total.spentMicroUsd);
    expect(byCategory.economics.approvedChanges).toBe(1);
    expect(byCategory.economics.costPerApprovedChangeMicroUsd).toBe(budget.total.spentMicroUsd);

    const byModel = await parsedAnswer(
      await harness.request("GET", "/api/costs?by=model&since=2026-11-24&until=2026-11-24"),
      200,
      costsSchema,
    );
    expect(byModel.costs).toMatchObject({ by: "model", since: "2026-11-24", until: "2026-11-24" });
    expect(byModel.costs.total.amountMicroUsd).toBe(budget.total.spentMicroUsd);
  });

  it("refuses cost reports over dates that are not dates, or a range that ends before it starts", async () => {
    await expectError(await harness.request("GET", "/api/costs?since=2026-13-01"), 400, {
      field: "since",
    });
    await expectError(await harness.request("GET", "/api/costs?until=24.11.2026"), 400, {
      field: "until",
    });
    await expectError(await harness.request("GET", "/api/costs?by=colour"), 400, { field: "by" });
    await expectError(
      await harness.request("GET", "/api/costs?since=2026-11-24&until=2026-11-01"),
      400,
      { code: "invalid-argument", field: "until" },
    );
  });

  it("changes the budget as `budget set` does, recorded with the token's name and the reason", async () => {
    const changed = await parsedAnswer(
      await changeBudget({
        reason: "quarter end",
        dailyUsd: 500,
        split: evenSplit,
        itemCapUsd: 20,
        dayStart: "06:00",
      }),
      200,
      changedSchema,
    );

    expect(changed.policy).toMatchObject({
      dailyMicroUsd: 500_000_000,
      split: evenSplit,
      itemCapMicroUsd: 20_000_000,
      dayStart: "06:00",
    });
    expect(changed.policy.sources.dailyUsd).toMatchObject({
      from: "database",
      by: "manager",
      reason: "quarter end",
    });
    expect(changed.categories.map((line) => line.limitMicroUsd)).toEqual([
      125_000_000, 125_000_000, 125_000_000, 125_000_000,
    ]);
    expect(changed.day.key).toBe("2026-11-24");
    expect((await getBudget()).policy.dailyMicroUsd).toBe(500_000_000);

    const uncapped = await parsedAnswer(
      await changeBudget({ reason: "no cap after all", itemCapUsd: null, dayStart: "00:00" }),
      200,
      changedSchema,
    );
    expect(uncapped.policy.itemCapMicroUsd).toBeUndefined();
    expect(uncapped.policy.dailyMicroUsd).toBe(500_000_000);
  });

  it("refuses a budget change without a token, or from a token that may not configure", async () => {
    const change = { reason: "more", dailyUsd: 2000 };
    await expectError(await changeBudget(change, null as unknown as string), 401, {
      code: "unauthenticated",
    });
    await expectError(await changeBudget(change, harness.tokens.operator), 403, {
      code: "forbidden",
    });
    await expectError(await harness.request("GET", "/api/budget", { token: null }), 401);
    expect((await getBudget()).policy.dailyMicroUsd).toBe(500_000_000);
  });

  it("refuses invalid budget changes, naming the field", async () => {
    await expectError(
      await changeBudget({
        reason: "lopsided",
        split: { inference: 0.3, testing: 0.3, ci: 0.2, monitoring: 0.1 },
      }),
      400,
      { field: "split" },
    );
    await expectError(await changeBudget({ reason: "less", dailyUsd: -5 }), 400, {
      field: "dailyUsd",
    });
    await expectError(await changeBudget({ dailyUsd: 100 }), 400, { field: "reason" });
    await expectError(await changeBudget({ reason: "  ", dailyUsd: 100 }), 400, {
      field: "reason",
    });
    await expectError(await changeBudget({ reason: "move", timeZone: "Mars/Olympus" }), 400, {
      field: "timeZone",
    });
    await expectError(await changeBudget({ reason: "nothing" }), 400, {
      code: "invalid-argument",
    });
    await expectError(await changeBudget({ reason: "typo", dailyUSD: 100 }), 400);
    expect((await getBudget()).policy.split).toEqual(evenSplit);
  });
});
