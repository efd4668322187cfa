import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig } from "../contracts/config.js";
import { categoryLimitMicroUsd, resolveBudgetPolicy } from "./budget-policy.js";

describe("resolveBudgetPolicy", () => {
  it("gives the article's $1,000 split 30/40/15/15, in UTC from midnight, with no caps", () => {
    const policy = resolveBudgetPolicy(defaultConfig.budget, []);
    expect(policy).toMatchObject({
      dailyMicroUsd: 1_000_000_000,
      split: { inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 },
      timeZone: "UTC",
      dayStart: "00:00",
      itemCapMicroUsd: undefined,
      runCapMicroUsd: undefined,
      alertPercents: [50, 80, 100],
      reservationMinutes: 60,
      developerDayUsd: 800,
      changesPerDeveloperDay: 2,
    });
    expect(Object.values(policy.sources)).toEqual(Array(6).fill({ from: "default" }));
    expect(categoryLimitMicroUsd(policy, "testing")).toBe(400_000_000);
    expect(categoryLimitMicroUsd(policy, "ci")).toBe(150_000_000);
  });

  it("takes the config file's values and says they came from it", () => {
    const config = parseConfig(
      "budget:\n  dailyUsd: 250\n  timeZone: Europe/Paris\n  dayStart: '06:00'\n  itemCapUsd: 20\n",
      "shopfloor.config.yaml",
    );
    const policy = resolveBudgetPolicy(config.budget, []);
    expect(policy).toMatchObject({
      dailyMicroUsd: 250_000_000,
      timeZone: "Europe/Paris",
      dayStart: "06:00",
      itemCapMicroUsd: 20_000_000,
    });
    expect(policy.sources).toMatchObject({
      dailyUsd: { from: "config" },
      split: { from: "default" },
      timeZone: { from: "config" },
      dayStart: { from: "config" },
      itemCapUsd: { from: "config" },
      runCapUsd: { from: "default" },
    });
  });

  it("lets the last recorded change of each value win over the file, and says who and why", () => {
    const config = parseConfig(
      "budget:\n  dailyUsd: 250\n  itemCapUsd: 20\n",
      "shopfloor.config.yaml",
    );
    // Oldest first; bob's change carries alice's time (two changes within one millisecond).
    const policy = resolveBudgetPolicy(config.budget, [
      {
        at: "2026-11-24T08:00:00.000Z",
        by: "carol",
        reason: "older",
        dailyMicroUsd: 100_000_000,
        runCapMicroUsd: 5_000_000,
      },
      {
        at: "2026-11-24T09:00:00.000Z",
        by: "alice",
        reason: "quarter end",
        dailyMicroUsd: 500_000_000,
        itemCapMicroUsd: 7_000_000,
      },
      { at: "2026-11-24T09:00:00.000Z", by: "bob", reason: "no per-item cap", itemCapMicroUsd: 0 },
    ]);
    expect(policy.dailyMicroUsd).toBe(500_000_000);
    expect(policy.itemCapMicroUsd).toBeUndefined();
    expect(policy.runCapMicroUsd).toBe(5_000_000);
    expect(policy.sources.dailyUsd).toEqual({
      from: "database",
      by: "alice",
      at: "2026-11-24T09:00:00.000Z",
      reason: "quarter end",
    });
    expect(policy.sources.itemCapUsd).toMatchObject({ from: "database", by: "bob" });
    expect(policy.sources.runCapUsd).toMatchObject({ from: "database", by: "carol" });
  });
});
