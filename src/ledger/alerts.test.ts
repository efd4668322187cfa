import { describe, expect, it } from "vitest";
import { defaultConfig } from "../contracts/config.js";
import { reachedThresholds } from "./alerts.js";
import { budgetDayByKey } from "./budget-day.js";
import { resolveBudgetPolicy } from "./budget-policy.js";

const policy = resolveBudgetPolicy(defaultConfig.budget, []);
const day = budgetDayByKey("2026-11-24", policy);
const at = new Date("2026-11-24T12:00:00.000Z");

describe("reachedThresholds", () => {
  it("reaches a threshold at exactly its share of the limit, not a micro-dollar before", () => {
    const spent = { inference: 150_000_000, testing: 319_999_999, ci: 0, monitoring: 150_000_000 };
    const reached = reachedThresholds(spent, policy, day, at).map(
      (alert) => `${alert.scope} ${alert.thresholdPercent}`,
    );
    expect(reached).toEqual([
      "inference 50",
      "testing 50",
      "monitoring 50",
      "monitoring 80",
      "monitoring 100",
      "total 50",
    ]);
  });

  it("raises nothing for a category with no share and no spend", () => {
    const zeroShare = { ...policy, split: { inference: 0.5, testing: 0.5, ci: 0, monitoring: 0 } };
    const reached = reachedThresholds(
      { inference: 0, testing: 0, ci: 0, monitoring: 0 },
      zeroShare,
      day,
      at,
    );
    expect(reached).toEqual([]);
  });
});
