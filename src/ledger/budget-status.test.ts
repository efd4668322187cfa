import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  configWith,
  type TemporaryLedger,
  temporaryLedger,
} from "../../test/ledger/support/ledger-database.js";

let subject: TemporaryLedger;
beforeEach(async () => {
  subject = await temporaryLedger(configWith({ dailyUsd: 100 }));
});
afterEach(async () => {
  await subject.close();
});

describe("budget status", () => {
  it("shows limit, spent, reserved and left per category and in total, and today's alerts", async () => {
    const { ledger } = subject;
    const held = await ledger.reserve({ category: "inference", amountMicroUsd: 5_000_000 });
    if (!held.granted) throw new Error("expected a reservation");
    await ledger.reserve({ category: "testing", amountMicroUsd: 2_000_000 });
    // The actual cost overran its estimate: left goes negative rather than hiding the overrun.
    await ledger.settle(held.reservation.id, [
      { kind: "amount", category: "inference", amountMicroUsd: 31_000_000 },
    ]);
    const status = await ledger.status();
    expect(status.day).toEqual({
      key: "2026-11-24",
      start: "2026-11-24T00:00:00.000Z",
      end: "2026-11-25T00:00:00.000Z",
    });
    expect(
      status.categories.map((line) => [
        line.category,
        line.share,
        line.limitMicroUsd,
        line.spentMicroUsd,
        line.reservedMicroUsd,
        line.leftMicroUsd,
      ]),
    ).toEqual([
      ["inference", 0.3, 30_000_000, 31_000_000, 0, -1_000_000],
      ["testing", 0.4, 40_000_000, 0, 2_000_000, 38_000_000],
      ["ci", 0.15, 15_000_000, 0, 0, 15_000_000],
      ["monitoring", 0.15, 15_000_000, 0, 0, 15_000_000],
    ]);
    expect(status.total).toEqual({
      limitMicroUsd: 100_000_000,
      spentMicroUsd: 31_000_000,
      reservedMicroUsd: 2_000_000,
      leftMicroUsd: 67_000_000,
    });
    expect(status.alerts.map((alert) => `${alert.scope} ${alert.thresholdPercent}`)).toEqual([
      "inference 50",
      "inference 80",
      "inference 100",
    ]);
    expect(status.policy.sources.dailyUsd).toEqual({ from: "config" });
  });
});
