import { describe, expect, it } from "vitest";
import { budgetDayByKey } from "./budget-day.js";
import { type CapUsage, checkCaps } from "./cap-check.js";

const day = budgetDayByKey("2026-11-24", { timeZone: "UTC", dayStart: "00:00" });
const testing: CapUsage = {
  cap: "category",
  scope: "testing",
  spentMicroUsd: 390_000_000,
  reservedMicroUsd: 8_000_000,
  limitMicroUsd: 400_000_000,
};
const total: CapUsage = {
  cap: "day",
  scope: "total",
  spentMicroUsd: 600_000_000,
  reservedMicroUsd: 8_000_000,
  limitMicroUsd: 1_000_000_000,
};

describe("checkCaps", () => {
  it("grants an ask that fits under every cap, up to the last micro-dollar", () => {
    expect(checkCaps([testing, total], 2_000_000, day)).toBeUndefined();
  });

  it("refuses an ask one micro-dollar over, naming the cap, spent, reserved, asked and limit", () => {
    const refusal = checkCaps([total, testing], 2_000_001, day);
    expect(refusal).toMatchObject({
      kind: "budget.exceeded",
      cap: "category",
      scope: "testing",
      spentMicroUsd: 390_000_000,
      reservedMicroUsd: 8_000_000,
      askedMicroUsd: 2_000_001,
      limitMicroUsd: 400_000_000,
      day: "2026-11-24",
      action: "wait-for-next-day",
      retryAt: "2026-11-25T00:00:00.000Z",
    });
    expect(refusal?.reason).toBe(
      "the testing share of the budget of 2026-11-24: spent $390.00 + reserved $8.00 + asked $2.000001 would exceed the limit of $400.00; the work waits for the next budget day, from 2026-11-25T00:00:00.000Z",
    );
  });

  it("sends work to the exception queue when waiting cannot help", () => {
    const item: CapUsage = {
      cap: "work-item",
      scope: "todo-api",
      spentMicroUsd: 19_000_000,
      reservedMicroUsd: 0,
      limitMicroUsd: 20_000_000,
    };
    const refusal = checkCaps([testing, item], 5_000_000, day);
    expect(refusal).toMatchObject({ cap: "work-item", scope: "todo-api", action: "exception" });
    expect(refusal?.retryAt).toBeUndefined();
    expect(refusal?.exceeded.map((usage) => usage.cap)).toEqual(["work-item", "category"]);
    expect(refusal?.reason).toContain('the cap of work item "todo-api"');
    expect(refusal?.reason).toContain("goes to the exception queue");
    const huge = checkCaps(
      [{ ...testing, spentMicroUsd: 0, reservedMicroUsd: 0 }],
      400_000_001,
      day,
    );
    expect(huge?.action).toBe("exception");
  });
});
