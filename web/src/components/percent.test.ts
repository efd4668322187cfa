import { describe, expect, it } from "vitest";
import { formatPercent } from "./percent.js";

describe("formatPercent", () => {
  it("shows whole percentages plainly and keeps one decimal where it says something", () => {
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.9)).toBe("90%");
    expect(formatPercent(0.975)).toBe("97.5%");
    expect(formatPercent(0.94117)).toBe("94.1%");
  });

  it("shows a dash when there is no figure", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(undefined)).toBe("—");
  });
});
