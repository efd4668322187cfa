/**
 * The budget day turns over at the configured local time in the configured zone: work refused for
 * today's budget is granted at the first instant of the next budget day, and not a minute before.
 */
import { afterEach, describe, expect, it } from "vitest";
import { configWith, type TemporaryLedger, temporaryLedger } from "./support/ledger-database.js";

const dollar = 1_000_000;
let subject: TemporaryLedger | undefined;
afterEach(async () => {
  await subject?.close();
});

describe("a budget day in Paris that starts at 06:00", () => {
  it("refuses work until 06:00 local time, then grants it against the new day", async () => {
    // 2026-11-24 23:30 in Paris (UTC+1) is 22:30Z: still the budget day that began at 06:00 on the 24th.
    subject = await temporaryLedger(
      configWith({ dailyUsd: 10, timeZone: "Europe/Paris", dayStart: "06:00" }),
      "2026-11-24T22:30:00.000Z",
    );
    const { ledger, clock } = subject;
    const spend = await ledger.record([
      { kind: "amount", category: "testing", amountMicroUsd: 4 * dollar },
    ]);
    expect(
      spend.alerts.map((alert) => `${alert.day} ${alert.scope} ${alert.thresholdPercent}`),
    ).toContain("2026-11-24 testing 100");

    clock.set("2026-11-25T04:59:00.000Z"); // 05:59 in Paris: the same budget day
    const early = await ledger.reserve({ category: "testing", amountMicroUsd: dollar });
    expect(early).toMatchObject({
      granted: false,
      refusal: {
        day: "2026-11-24",
        spentMicroUsd: 4 * dollar,
        action: "wait-for-next-day",
        retryAt: "2026-11-25T05:00:00.000Z",
      },
    });

    clock.set("2026-11-25T05:00:00.000Z"); // 06:00 in Paris: a new day, nothing spent yet
    const onTime = await ledger.reserve({ category: "testing", amountMicroUsd: dollar });
    expect(onTime).toMatchObject({ granted: true, reservation: { day: "2026-11-25" } });
    const status = await ledger.status();
    expect(status.day).toEqual({
      key: "2026-11-25",
      start: "2026-11-25T05:00:00.000Z",
      end: "2026-11-26T05:00:00.000Z",
    });
    expect(status.categories[1]).toMatchObject({ spentMicroUsd: 0, reservedMicroUsd: dollar });
    expect(status.alerts).toEqual([]);
    expect(await ledger.alerts("2026-11-24")).not.toEqual([]);
  });

  it("moves the boundary when a manager changes the zone and the start", async () => {
    subject = await temporaryLedger(configWith({ dailyUsd: 10 }), "2026-11-24T22:30:00.000Z");
    const { ledger, clock } = subject;
    await ledger.record([{ kind: "amount", category: "testing", amountMicroUsd: 4 * dollar }]);
    clock.set("2026-11-24T23:30:00.000Z");
    expect((await ledger.reserve({ category: "testing", amountMicroUsd: dollar })).granted).toBe(
      false,
    );
    // In Tokyo (UTC+9) a day starting at 08:00 began at 23:00Z: the spend at 22:30Z was yesterday's.
    await ledger.changeBudget({
      by: "kenji",
      reason: "the team moved",
      timeZone: "Asia/Tokyo",
      dayStart: "08:00",
    });
    const outcome = await ledger.reserve({ category: "testing", amountMicroUsd: dollar });
    expect(outcome).toMatchObject({ granted: true, reservation: { day: "2026-11-25" } });
  });
});
