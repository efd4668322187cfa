import { describe, expect, it } from "vitest";
import { checkSplit, percentsOfSplit, sameSplit } from "./split-shares.js";

describe("the budget split as people edit it", () => {
  it("shows shares as percentages without float noise", () => {
    expect(percentsOfSplit({ inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 })).toEqual({
      inference: "30",
      testing: "40",
      ci: "15",
      monitoring: "15",
    });
    expect(
      percentsOfSplit({ inference: 0.3333, testing: 0.3333, ci: 0.3334, monitoring: 0 }),
    ).toMatchObject({ inference: "33.33", ci: "33.34", monitoring: "0" });
  });

  it("adds thirds to exactly 100% and gives shares the API accepts (within 1e-9 of 1)", () => {
    const check = checkSplit({
      inference: "33.33",
      testing: "33.33",
      ci: "33.34",
      monitoring: "0",
    });
    expect(check.problem).toBeUndefined();
    expect(check.sumBasisPoints).toBe(10_000);
    const split = check.split ?? { inference: 0, testing: 0, ci: 0, monitoring: 0 };
    expect(
      Math.abs(split.inference + split.testing + split.ci + split.monitoring - 1),
    ).toBeLessThan(1e-9);
  });

  it("shows the sum of shares that do not add up to 100%, and gives no split to send", () => {
    const check = checkSplit({ inference: "30", testing: "45", ci: "15", monitoring: "15" });
    expect(check.sumBasisPoints).toBe(10_500);
    expect(check.split).toBeUndefined();
    expect(check.problem).toBe("the four shares add up to 105%, not 100%");
  });

  it("names the share that is not a percentage", () => {
    for (const text of ["", "abc", "-5", "101", "12.345"]) {
      const check = checkSplit({ inference: "30", testing: text, ci: "15", monitoring: "15" });
      expect(check.sumBasisPoints).toBeUndefined();
      expect(check.problem).toMatch(/^testing's share/);
    }
  });

  it("compares splits to the hundredth of a percent", () => {
    const split = { inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 };
    expect(sameSplit(split, { ...split })).toBe(true);
    expect(sameSplit(split, { ...split, testing: 0.35, inference: 0.35 })).toBe(false);
  });
});
