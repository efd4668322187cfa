import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type TemporaryLedger,
  temporaryLedger,
} from "../../test/ledger/support/ledger-database.js";
import { budgetDayByKey } from "./budget-day.js";
import { lifetimeAmounts, reservedByCategory, spentByCategory, totalOf } from "./spend-queries.js";

let subject: TemporaryLedger;
beforeEach(async () => {
  subject = await temporaryLedger();
});
afterEach(async () => {
  await subject.close();
});

describe("spend queries", () => {
  it("sums a day's spend by category, the open reservations, and one item's whole life", async () => {
    const { ledger, clock, database } = subject;
    await ledger.record([
      { kind: "amount", category: "testing", amountMicroUsd: 7, workItem: "a" },
    ]);
    clock.advanceMinutes(24 * 60);
    await ledger.record([
      { kind: "amount", category: "testing", amountMicroUsd: 5, workItem: "a" },
      { kind: "amount", category: "ci", amountMicroUsd: 3, run: "r" },
    ]);
    await ledger.reserve({ category: "ci", amountMicroUsd: 11, workItem: "a" });
    const today = budgetDayByKey("2026-11-25", { timeZone: "UTC", dayStart: "00:00" });
    const spent = await spentByCategory(database, today);
    expect(spent).toEqual({ inference: 0, testing: 5, ci: 3, monitoring: 0 });
    expect(totalOf(spent)).toBe(8);
    expect(await reservedByCategory(database)).toEqual({
      inference: 0,
      testing: 0,
      ci: 11,
      monitoring: 0,
    });
    expect(await lifetimeAmounts(database, "work_item", "a")).toEqual({
      spentMicroUsd: 12,
      reservedMicroUsd: 11,
    });
    expect(await lifetimeAmounts(database, "run", "r")).toEqual({
      spentMicroUsd: 3,
      reservedMicroUsd: 0,
    });
    expect(await lifetimeAmounts(database, "run", "none")).toEqual({
      spentMicroUsd: 0,
      reservedMicroUsd: 0,
    });
  });
});
