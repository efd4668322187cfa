import { describe, expect, it } from "vitest";
import { dayKeys } from "./day-keys.js";

describe("the days of a cost report's range", () => {
  it("lists every day, both ends included, across month and leap-year ends", () => {
    expect(dayKeys("2028-02-27", "2028-03-01")).toEqual([
      "2028-02-27",
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
    expect(dayKeys("2026-12-31", "2027-01-01")).toEqual(["2026-12-31", "2027-01-01"]);
  });

  it("has 30 days in the report's default range and one in a single day's", () => {
    expect(dayKeys("2026-10-26", "2026-11-24")).toHaveLength(30);
    expect(dayKeys("2026-11-24", "2026-11-24")).toEqual(["2026-11-24"]);
  });
});
