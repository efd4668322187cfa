import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../contracts/errors.js";
import { addDays, budgetDayByKey, budgetDayOf, checkTimeZone } from "./budget-day.js";

const paris = { timeZone: "Europe/Paris", dayStart: "06:00" };

function dayOf(instant: string, boundary = paris) {
  const day = budgetDayOf(new Date(instant), boundary);
  return { key: day.key, start: day.start.toISOString(), end: day.end.toISOString() };
}

describe("budgetDayOf", () => {
  it("is the UTC calendar day by default", () => {
    expect(dayOf("2026-11-24T23:59:59.999Z", { timeZone: "UTC", dayStart: "00:00" })).toEqual({
      key: "2026-11-24",
      start: "2026-11-24T00:00:00.000Z",
      end: "2026-11-25T00:00:00.000Z",
    });
  });

  it("starts at the configured local time: before 06:00 in Paris is still yesterday", () => {
    // Paris is UTC+1 in November: 06:00 local is 05:00Z.
    expect(dayOf("2026-11-24T04:59:59.999Z").key).toBe("2026-11-23");
    expect(dayOf("2026-11-24T05:00:00.000Z")).toEqual({
      key: "2026-11-24",
      start: "2026-11-24T05:00:00.000Z",
      end: "2026-11-25T05:00:00.000Z",
    });
  });

  it("crosses the date line: in Tokyo the day starts at 15:00Z the day before", () => {
    expect(
      dayOf("2026-11-24T15:00:00.000Z", { timeZone: "Asia/Tokyo", dayStart: "00:00" }),
    ).toEqual({
      key: "2026-11-25",
      start: "2026-11-24T15:00:00.000Z",
      end: "2026-11-25T15:00:00.000Z",
    });
  });

  it("lasts 23 hours when clocks go forward and 25 when they go back", () => {
    const spring = budgetDayByKey("2026-03-29", { timeZone: "Europe/Paris", dayStart: "00:00" });
    expect(spring.start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(spring.end.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // Clocks go back at 03:00 on the 25th, inside the budget day that started at 06:00 on the 24th.
    const autumn = budgetDayByKey("2026-10-24", paris);
    expect(autumn.start.toISOString()).toBe("2026-10-24T04:00:00.000Z");
    expect(autumn.end.toISOString()).toBe("2026-10-25T05:00:00.000Z");
  });

  it("places every instant inside its own day", () => {
    for (let hour = 0; hour < 24 * 400; hour += 7) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
      const day = budgetDayOf(instant, paris);
      expect(day.start.getTime()).toBeLessThanOrEqual(instant.getTime());
      expect(instant.getTime()).toBeLessThan(day.end.getTime());
    }
  });
});

describe("day keys and boundaries", () => {
  it("counts days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("rejects dates, times and zones that are not", () => {
    expect(() => budgetDayByKey("2026-02-30", paris)).toThrow(InvalidArgumentError);
    expect(() => budgetDayByKey("24/11/2026", paris)).toThrow(/not a date/);
    expect(() => budgetDayOf(new Date(), { timeZone: "UTC", dayStart: "25:00" })).toThrow(
      /not a time of day/,
    );
    expect(() => checkTimeZone("Mars/Olympus_Mons")).toThrow(/not an IANA time zone/);
  });
});
