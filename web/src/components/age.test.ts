import { describe, expect, it } from "vitest";
import { formatDuration, secondsSince } from "./age.js";

describe("formatDuration", () => {
  it("picks the unit a person reads at a glance", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(59.4)).toBe("59 s");
    expect(formatDuration(180)).toBe("3 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe("2 h 5 min");
    expect(formatDuration(4 * 86_400 + 3600)).toBe("4 d");
  });

  it("never shows a negative age (clocks a little apart)", () => {
    expect(formatDuration(-5)).toBe("0 s");
    expect(secondsSince("2026-01-01T00:00:10Z", Date.parse("2026-01-01T00:00:00Z"))).toBe(0);
  });

  it("measures from an ISO time", () => {
    expect(secondsSince("2026-01-01T00:00:00Z", Date.parse("2026-01-01T00:02:30Z"))).toBe(150);
    expect(secondsSince("not a time", 0)).toBe(0);
  });
});
