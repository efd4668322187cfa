import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type TemporaryLedger,
  temporaryLedger,
} from "../../test/ledger/support/ledger-database.js";
import { defaultConfig } from "../contracts/config.js";
import { budgetDayOf } from "./budget-day.js";
import { resolveBudgetPolicy } from "./budget-policy.js";
import {
  checkRequest,
  closeReservation,
  expireReservations,
  insertReservation,
  measureCaps,
} from "./reservations.js";

let subject: TemporaryLedger;
beforeEach(async () => {
  subject = await temporaryLedger();
});
afterEach(async () => {
  await subject.close();
});

const now = new Date("2026-11-24T09:00:00.000Z");
const policy = { ...resolveBudgetPolicy(defaultConfig.budget, []), itemCapMicroUsd: 20_000_000 };
const day = budgetDayOf(now, policy);

describe("reservations", () => {
  it("measures the caps that apply: category, day and the work item's when a cap is set", async () => {
    const { database } = subject;
    await insertReservation(
      database,
      { category: "testing", amountMicroUsd: 3_000_000, workItem: "a" },
      policy,
      { id: "r1", now, day },
    );
    const usages = await measureCaps(database, policy, day, {
      category: "testing",
      amountMicroUsd: 1,
      workItem: "a",
      run: "run-1",
    });
    expect(usages).toEqual([
      {
        cap: "category",
        scope: "testing",
        spentMicroUsd: 0,
        reservedMicroUsd: 3_000_000,
        limitMicroUsd: 400_000_000,
      },
      {
        cap: "day",
        scope: "total",
        spentMicroUsd: 0,
        reservedMicroUsd: 3_000_000,
        limitMicroUsd: 1_000_000_000,
      },
      {
        cap: "work-item",
        scope: "a",
        spentMicroUsd: 0,
        reservedMicroUsd: 3_000_000,
        limitMicroUsd: 20_000_000,
      },
    ]);
  });

  it("expires open reservations at their expiry time, not before", async () => {
    const { database } = subject;
    const reservation = await insertReservation(
      database,
      { category: "ci", amountMicroUsd: 5, expiresInMinutes: 10 },
      policy,
      { id: "r1", now, day },
    );
    expect(reservation.expiresAt).toBe("2026-11-24T09:10:00.000Z");
    expect(await expireReservations(database, new Date("2026-11-24T09:09:59.999Z"))).toBe(0);
    expect(await expireReservations(database, new Date("2026-11-24T09:10:00.000Z"))).toBe(1);
    const row = await database.selectFrom("reservation").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "expired", closed_at: "2026-11-24T09:10:00.000Z" });
    // The work may still finish: an expired reservation can be settled, once.
    await closeReservation(database, "r1", "settled", now);
    await expect(closeReservation(database, "r1", "released", now)).rejects.toThrow(
      /already settled/,
    );
    await expect(closeReservation(database, "r2", "released", now)).rejects.toThrow(
      /no reservation "r2"/,
    );
  });

  it("rejects amounts and expiries that cannot be", () => {
    expect(() => checkRequest({ category: "ci", amountMicroUsd: -1 })).toThrow(/0 or more/);
    expect(() => checkRequest({ category: "ci", amountMicroUsd: 0.5 })).toThrow(/whole number/);
    expect(() => checkRequest({ category: "ci", amountMicroUsd: 1, expiresInMinutes: 0 })).toThrow(
      /above 0/,
    );
  });
});
