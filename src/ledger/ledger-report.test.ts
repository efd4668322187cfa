import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  configWith,
  type TemporaryLedger,
  temporaryLedger,
} from "../../test/ledger/support/ledger-database.js";

let subject: TemporaryLedger;
beforeEach(async () => {
  subject = await temporaryLedger(configWith({ dailyUsd: 100 }), "2026-11-20T12:00:00.000Z");
});
afterEach(async () => {
  await subject.close();
});

describe("ledgerReport", () => {
  it("reports spend, cost per approved change, sequential savings and today's forecast", async () => {
    const { ledger, clock } = subject;
    await ledger.record([
      { kind: "amount", category: "inference", amountMicroUsd: 30_000_000, workItem: "a" },
    ]);
    await ledger.recordOutcome({ workItem: "a", outcome: "approved" });
    clock.set("2026-11-24T06:00:00.000Z");
    await ledger.record([
      { kind: "amount", category: "testing", amountMicroUsd: 10_000_000, workItem: "b" },
    ]);
    await ledger.recordTestRun({ workItem: "b", trialsRun: 50, fixedPlanTrials: 150 });
    await ledger.recordOutcome({ workItem: "b", outcome: "approved" });
    await ledger.recordOutcome({ workItem: "c", outcome: "rejected" });

    const report = await ledger.report({ by: "day" });
    expect(report.costs).toMatchObject({ since: "2026-10-26", until: "2026-11-24", by: "day" });
    expect(report.costs.rows.map((row) => [row.key, row.amountMicroUsd])).toEqual([
      ["2026-11-20", 30_000_000],
      ["2026-11-24", 10_000_000],
    ]);
    expect(report.economics).toMatchObject({
      spentMicroUsd: 40_000_000,
      approvedChanges: 2,
      costPerApprovedChangeMicroUsd: 20_000_000,
      human: { costPerChangeMicroUsd: 400_000_000, factoryToHumanRatio: 0.05 },
      sequentialTesting: {
        trialsRun: 50,
        fixedPlanTrials: 150,
        savedTrials: 100,
        testingCostPerTrialMicroUsd: 200_000,
        savedCostMicroUsd: 20_000_000,
      },
    });
    // $10 by 06:00 UTC, a quarter of the day: $40 by midnight
    expect(report.forecast).toMatchObject({
      day: "2026-11-24",
      spentMicroUsd: 10_000_000,
      elapsedShare: 0.25,
      forecastMicroUsd: 40_000_000,
    });

    const lastDay = await ledger.report({
      by: "category",
      since: "2026-11-24",
      until: "2026-11-24",
    });
    expect(lastDay.costs.total.amountMicroUsd).toBe(10_000_000);
    expect(lastDay.economics.approvedChanges).toBe(1);
  });
});
