import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  configWith,
  type TemporaryLedger,
  temporaryLedger,
} from "../../test/ledger/support/ledger-database.js";
import { ShopfloorError } from "../contracts/errors.js";

const dollars = (usd: number) => usd * 1_000_000;
let subject: TemporaryLedger;

beforeEach(async () => {
  subject = await temporaryLedger(configWith({ dailyUsd: 100 }));
});
afterEach(async () => {
  await subject.close();
});

describe("Ledger reservations", () => {
  it("grants a reservation that fits and refuses one that would exceed the category's share", async () => {
    const { ledger } = subject;
    const first = await ledger.reserve({
      category: "testing",
      amountMicroUsd: dollars(30),
      workItem: "todo-api",
    });
    expect(first).toMatchObject({
      granted: true,
      reservation: {
        category: "testing",
        amountMicroUsd: dollars(30),
        workItem: "todo-api",
        day: "2026-11-24",
        expiresAt: "2026-11-24T10:00:00.000Z",
      },
    });
    const second = await ledger.reserve({ category: "testing", amountMicroUsd: dollars(11) });
    expect(second).toMatchObject({
      granted: false,
      refusal: {
        cap: "category",
        scope: "testing",
        spentMicroUsd: 0,
        reservedMicroUsd: dollars(30),
        askedMicroUsd: dollars(11),
        limitMicroUsd: dollars(40),
      },
    });
    expect(
      await ledger.reserve({ category: "testing", amountMicroUsd: dollars(10) }),
    ).toMatchObject({ granted: true });
  });

  it("settles the actual cost, which replaces the estimate, and refuses to settle twice", async () => {
    const { ledger } = subject;
    const outcome = await ledger.reserve({
      category: "inference",
      amountMicroUsd: dollars(10),
      workItem: "todo-api",
      station: "build",
    });
    if (!outcome.granted) throw new Error(outcome.refusal.reason);
    const settlement = await ledger.settle(outcome.reservation.id, [
      {
        kind: "model",
        model: "gpt-4o",
        provider: "openai",
        tokens: { inputTokens: 1_200_000, cachedInputTokens: 200_000, outputTokens: 300_000 },
        workItem: "todo-api",
        station: "build",
      },
    ]);
    expect(settlement).toMatchObject({
      estimatedMicroUsd: dollars(10),
      actualMicroUsd: 5_750_000,
      warnings: [],
    });
    const status = await ledger.status();
    expect(status.categories[0]).toMatchObject({
      category: "inference",
      spentMicroUsd: 5_750_000,
      reservedMicroUsd: 0,
      limitMicroUsd: dollars(30),
      leftMicroUsd: dollars(30) - 5_750_000,
    });
    await expect(ledger.settle(outcome.reservation.id, [])).rejects.toThrow(/already settled/);
    await expect(ledger.settle("no-such-id", [])).rejects.toBeInstanceOf(ShopfloorError);
  });

  it("gives released and expired reservations back to the budget", async () => {
    const { ledger, clock } = subject;
    const held = await ledger.reserve({ category: "ci", amountMicroUsd: dollars(15) });
    if (!held.granted) throw new Error("expected a reservation");
    expect((await ledger.reserve({ category: "ci", amountMicroUsd: 1 })).granted).toBe(false);
    await ledger.release(held.reservation.id);
    const crashed = await ledger.reserve({
      category: "ci",
      amountMicroUsd: dollars(15),
      expiresInMinutes: 5,
    });
    expect(crashed.granted).toBe(true);
    clock.advanceMinutes(4);
    expect((await ledger.status()).categories[2]).toMatchObject({
      category: "ci",
      reservedMicroUsd: dollars(15),
    });
    clock.advanceMinutes(1);
    expect((await ledger.status()).categories[2]).toMatchObject({
      category: "ci",
      reservedMicroUsd: 0,
    });
    expect((await ledger.reserve({ category: "ci", amountMicroUsd: dollars(15) })).granted).toBe(
      true,
    );
  });

  it("caps a work item over its whole life and a run, when caps are set", async () => {
    const { ledger, clock } = subject;
    await ledger.changeBudget({ by: "alice", reason: "try caps", itemCapUsd: 5, runCapUsd: 2 });
    await ledger.record([
      { kind: "amount", category: "inference", amountMicroUsd: dollars(4), workItem: "todo-api" },
    ]);
    clock.advanceMinutes(24 * 60);
    const refused = await ledger.reserve({
      category: "testing",
      amountMicroUsd: dollars(2),
      workItem: "todo-api",
    });
    expect(refused).toMatchObject({
      granted: false,
      refusal: {
        cap: "work-item",
        scope: "todo-api",
        spentMicroUsd: dollars(4),
        action: "exception",
      },
    });
    const run = await ledger.reserve({
      category: "testing",
      amountMicroUsd: dollars(3),
      run: "run-1",
    });
    expect(run).toMatchObject({
      granted: false,
      refusal: { cap: "run", scope: "run-1", limitMicroUsd: dollars(2) },
    });
    expect(
      (
        await ledger.reserve({
          category: "testing",
          amountMicroUsd: dollars(2),
          run: "run-1",
          workItem: "other",
        })
      ).granted,
    ).toBe(true);
  });

  it("never lets many parallel reservations overspend", async () => {
    const asks = Array.from({ length: 200 }, (_, index) =>
      subject.ledger.reserve({
        category: "testing",
        amountMicroUsd: dollars(0.3),
        workItem: `item-${index}`,
      }),
    );
    const outcomes = await Promise.all(asks);
    // $40 of testing at $0.30 each: 133 fit ($39.90), the 134th would make $40.20.
    expect(outcomes.filter((outcome) => outcome.granted)).toHaveLength(133);
    const status = await subject.ledger.status();
    expect(status.categories[1]?.reservedMicroUsd).toBe(dollars(39.9));
  });
});

describe("Ledger records", () => {
  it("records alerts at 50, 80 and 100% once per threshold, scope and day", async () => {
    const { ledger, clock } = subject;
    const first = await ledger.record([
      { kind: "amount", category: "ci", amountMicroUsd: dollars(8) },
    ]);
    expect(first.alerts.map((alert) => `${alert.scope} ${alert.thresholdPercent}%`)).toEqual([
      "ci 50%",
    ]);
    const second = await ledger.record([
      { kind: "amount", category: "ci", amountMicroUsd: dollars(7) },
    ]);
    expect(second.alerts.map((alert) => `${alert.scope} ${alert.thresholdPercent}%`)).toEqual([
      "ci 80%",
      "ci 100%",
    ]);
    const third = await ledger.record([
      { kind: "amount", category: "ci", amountMicroUsd: dollars(1) },
    ]);
    expect(third.alerts).toEqual([]);
    expect(await ledger.alerts()).toHaveLength(3);
    expect(first.alerts[0]).toMatchObject({
      kind: "budget.alert",
      day: "2026-11-24",
      spentMicroUsd: dollars(8),
      limitMicroUsd: dollars(15),
    });
    const total = await ledger.record([
      { kind: "amount", category: "testing", amountMicroUsd: dollars(40) },
    ]);
    expect(total.alerts.map((alert) => `${alert.scope} ${alert.thresholdPercent}%`)).toEqual([
      "testing 50%",
      "testing 80%",
      "testing 100%",
      "total 50%",
    ]);
    clock.advanceMinutes(24 * 60);
    const nextDay = await ledger.record([
      { kind: "amount", category: "ci", amountMicroUsd: dollars(8) },
    ]);
    expect(nextDay.alerts).toMatchObject([
      { scope: "ci", thresholdPercent: 50, day: "2026-11-25" },
    ]);
  });

  it("keeps an unknown model's call, at zero and flagged, with a warning", async () => {
    const recording = await subject.ledger.record([
      {
        kind: "model",
        model: "llama3.1:8b",
        provider: "openai-compatible",
        tokens: { inputTokens: 1000, outputTokens: 200 },
      },
    ]);
    expect(recording.events[0]).toMatchObject({
      amountMicroUsd: 0,
      priced: false,
      model: "llama3.1:8b",
    });
    expect(recording.warnings[0]).toContain("llama3.1:8b");
  });

  it("applies budget changes from the database before the config file, from the next read", async () => {
    const { ledger } = subject;
    expect(
      (await ledger.reserve({ category: "inference", amountMicroUsd: dollars(31) })).granted,
    ).toBe(false);
    const policy = await ledger.changeBudget({ by: "alice", reason: "launch week", dailyUsd: 200 });
    expect(policy.sources.dailyUsd).toMatchObject({
      from: "database",
      by: "alice",
      reason: "launch week",
    });
    expect(
      (await ledger.reserve({ category: "inference", amountMicroUsd: dollars(31) })).granted,
    ).toBe(true);
  });
});
