import { describe, expect, it } from "vitest";
import { BudgetChangeRequest } from "../../../../src/server/routes/money/money-schemas.js";
import { type BudgetStatus, budgetChangeOf, budgetDraftOf, sourceText } from "./budget-draft.js";

const configured = { from: "config" } as const;

function status(policy: Partial<BudgetStatus["policy"]> = {}): BudgetStatus {
  const line = { limitMicroUsd: 0, spentMicroUsd: 0, reservedMicroUsd: 0, leftMicroUsd: 0 };
  return {
    now: "2026-11-24T12:00:00.000Z",
    day: { key: "2026-11-24", start: "2026-11-24T00:00:00.000Z", end: "2026-11-25T00:00:00.000Z" },
    categories: [],
    total: line,
    alerts: [],
    forecast: {
      day: "2026-11-24",
      spentMicroUsd: 0,
      limitMicroUsd: 0,
      elapsedShare: 0.5,
      forecastMicroUsd: 0,
    },
    policy: {
      timeZone: "UTC",
      dayStart: "00:00",
      dailyMicroUsd: 1_000_000_000,
      split: { inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 },
      itemCapMicroUsd: 5_000_000,
      alertPercents: [50, 80, 100],
      reservationMinutes: 60,
      developerDayUsd: 800,
      changesPerDeveloperDay: 2,
      sources: {
        dailyUsd: configured,
        split: configured,
        timeZone: configured,
        dayStart: configured,
        itemCapUsd: configured,
        runCapUsd: { from: "default" },
      },
      ...policy,
    },
  };
}

describe("the budget form's change", () => {
  it("starts from the policy in force and sends nothing but the reason while nothing changed", () => {
    const draft = budgetDraftOf(status());
    expect(draft).toMatchObject({ dailyUsd: "1000", itemCapUsd: "5", runCapUsd: "", reason: "" });
    expect(budgetChangeOf({ ...draft, reason: "why" }, status())).toEqual({
      change: { reason: "why" },
      problems: {},
    });
  });

  it("sends only the values that changed, in dollars, as the API takes them", () => {
    const draft = {
      ...budgetDraftOf(status()),
      dailyUsd: "99.50",
      percents: { inference: "35", testing: "35", ci: "15", monitoring: "15" },
      reason: " more inference this week ",
    };
    const { change } = budgetChangeOf(draft, status());
    expect(change).toEqual({
      reason: "more inference this week",
      dailyUsd: 99.5,
      split: { inference: 0.35, testing: 0.35, ci: 0.15, monitoring: 0.15 },
    });
    expect(BudgetChangeRequest.parse(change)).toEqual(change);
  });

  it("removes a cap that is emptied (0 for the API) and sets one that is typed", () => {
    const draft = { ...budgetDraftOf(status()), itemCapUsd: "", runCapUsd: "2.5", reason: "caps" };
    const { change } = budgetChangeOf(draft, status());
    expect(change).toEqual({ reason: "caps", itemCapUsd: 0, runCapUsd: 2.5 });
    expect(BudgetChangeRequest.safeParse(change).success).toBe(true);
  });

  it("says what is wrong with each field and gives no change to send", () => {
    const draft = {
      ...budgetDraftOf(status()),
      dailyUsd: "0",
      runCapUsd: "lots",
      percents: { inference: "30", testing: "30", ci: "15", monitoring: "15" },
      reason: "x",
    };
    const { change, problems } = budgetChangeOf(draft, status());
    expect(change).toBeUndefined();
    expect(Object.keys(problems).sort()).toEqual(["dailyUsd", "runCapUsd", "split"]);
    expect(problems.split).toContain("90%");
  });

  it("says where a value comes from", () => {
    expect(sourceText({ from: "default" })).toBe("default");
    expect(sourceText({ from: "config" })).toBe("from the config file");
    const text = sourceText({
      from: "database",
      by: "manager",
      at: "2026-11-24T10:00:00.000Z",
      reason: "a slow week",
    });
    expect(text).toMatch(/^set by manager, .+: a slow week$/);
  });
});
