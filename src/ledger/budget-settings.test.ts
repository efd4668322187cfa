import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../contracts/errors.js";
import { rowFromChange } from "./budget-settings.js";

const at = new Date("2026-11-24T09:00:00.000Z");

describe("budget changes", () => {
  it("stores only the values given, in micro-dollars, with who and why", () => {
    const row = rowFromChange(
      { by: " alice ", reason: "quarter end", dailyUsd: 500, itemCapUsd: 20, dayStart: "06:00" },
      "s1",
      at,
    );
    expect(row).toEqual({
      id: "s1",
      at: "2026-11-24T09:00:00.000Z",
      changed_by: "alice",
      reason: "quarter end",
      daily_micro_usd: 500_000_000,
      split: null,
      time_zone: null,
      day_start: "06:00",
      item_cap_micro_usd: 20_000_000,
      run_cap_micro_usd: null,
    });
  });

  it("refuses a change without a reason, without a value, or with a value that cannot be", () => {
    const change = (values: object) => () =>
      rowFromChange({ by: "alice", reason: "why", ...values }, "s", at);
    expect(change({ reason: " ", dailyUsd: 5 })).toThrow(/needs a reason/);
    expect(change({})).toThrow(/at least one value/);
    expect(change({ dailyUsd: 0 })).toThrow(/above 0/);
    expect(change({ runCapUsd: -1 })).toThrow(/0 \(no cap\) or more/);
    expect(change({ timeZone: "Europe/Pariss" })).toThrow(/IANA/);
    expect(change({ dayStart: "6am" })).toThrow(/time of day/);
    expect(change({ split: { inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.1 } })).toThrow(
      /add up to 100%; they add up to 95%/,
    );
    expect(change({ dailyUsd: 0 })).toThrow(InvalidArgumentError);
  });
});
