import { describe, expect, it } from "vitest";
import { parseCapUsd, parseDayStart, parseSplit, parseUsd, splitText } from "./budget-options.js";

describe("budget set options", () => {
  it("reads a split in percent, in the order inference, testing, ci, monitoring", () => {
    const split = parseSplit("30,40,15,15");
    expect(split).toEqual({ inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 });
    expect(splitText(split)).toBe("30/40/15/15");
    expect(splitText(parseSplit("12.5, 37.5, 25, 25"))).toBe("12.5/37.5/25/25");
  });

  it("rejects splits that do not add up or do not have four parts", () => {
    expect(() => parseSplit("30,40,15")).toThrow(/four percentages/);
    expect(() => parseSplit("30,40,15,10")).toThrow(/add up to 95/);
    expect(() => parseSplit("30,40,x,15")).toThrow(/four percentages/);
  });

  it("reads dollars, caps and times of day", () => {
    expect(parseUsd("500")).toBe(500);
    expect(() => parseUsd("0")).toThrow(/above 0/);
    expect(parseCapUsd("none")).toBe(0);
    expect(parseCapUsd("20")).toBe(20);
    expect(() => parseCapUsd("-3")).toThrow(/"none"/);
    expect(parseDayStart("06:00")).toBe("06:00");
    expect(() => parseDayStart("6:00")).toThrow(/HH:MM/);
  });
});
