import { describe, expect, it } from "vitest";
import type { CostEvent } from "../contracts/cost-event.js";
import { budgetDayByKey } from "./budget-day.js";
import { economics, forecastDay, sequentialTestingSavings } from "./economics.js";

function event(category: CostEvent["category"], amountMicroUsd: number): CostEvent {
  const usage = {
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    cpuSeconds: 0,
    wallSeconds: 0,
  };
  return {
    id: `${category}-${amountMicroUsd}`,
    at: "2026-11-24T10:00:00.000Z",
    category,
    amountMicroUsd,
    priced: true,
    usage,
  };
}

describe("economics", () => {
  it("divides all spend by the approved changes and compares with a human team", () => {
    const figures = economics({
      events: [
        event("inference", 300_000_000),
        event("testing", 420_000_000),
        event("ci", 80_000_000),
      ],
      approvedChanges: 4,
      testRuns: [],
      developerDayUsd: 800,
      changesPerDeveloperDay: 2,
    });
    expect(figures).toMatchObject({
      spentMicroUsd: 800_000_000,
      approvedChanges: 4,
      costPerApprovedChangeMicroUsd: 200_000_000,
      human: {
        costPerChangeMicroUsd: 400_000_000,
        costOfApprovedChangesMicroUsd: 1_600_000_000,
        factoryToHumanRatio: 0.5,
      },
      sequentialTesting: null,
    });
  });

  it("has no cost per change without an approved change", () => {
    const figures = economics({
      events: [event("ci", 5)],
      approvedChanges: 0,
      testRuns: [],
      developerDayUsd: 600,
      changesPerDeveloperDay: 3,
    });
    expect(figures.costPerApprovedChangeMicroUsd).toBeNull();
    expect(figures.human).toMatchObject({
      costPerChangeMicroUsd: 200_000_000,
      factoryToHumanRatio: null,
    });
  });
});

describe("sequentialTestingSavings", () => {
  it("counts the trials fixed plans would have run and prices them at the testing cost per trial", () => {
    const savings = sequentialTestingSavings(
      [
        { trialsRun: 60, fixedPlanTrials: 180 },
        { trialsRun: 240, fixedPlanTrials: 180 },
        { trialsRun: 100, fixedPlanTrials: 540 },
      ],
      40_000_000,
    );
    // 400 run instead of 900: 500 saved (55.6%); $40 over 400 trials is $0.10 a trial: $50 saved
    expect(savings).toEqual({
      testRuns: 3,
      trialsRun: 400,
      fixedPlanTrials: 900,
      savedTrials: 500,
      savedShare: 500 / 900,
      testingCostPerTrialMicroUsd: 100_000,
      savedCostMicroUsd: 50_000_000,
    });
  });

  it("is absent without data, rather than a zero that would look like a measurement", () => {
    expect(sequentialTestingSavings([], 1_000)).toBeNull();
  });
});

describe("forecastDay", () => {
  it("extends the rate so far to the whole day", () => {
    const day = budgetDayByKey("2026-11-24", { timeZone: "UTC", dayStart: "06:00" });
    const forecast = forecastDay(
      day,
      new Date("2026-11-24T12:00:00.000Z"),
      150_000_000,
      1_000_000_000,
    );
    expect(forecast).toEqual({
      day: "2026-11-24",
      spentMicroUsd: 150_000_000,
      limitMicroUsd: 1_000_000_000,
      elapsedShare: 0.25,
      forecastMicroUsd: 600_000_000,
    });
    expect(forecastDay(day, day.start, 0, 1).forecastMicroUsd).toBeNull();
  });
});
