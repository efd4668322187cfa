import { describe, expect, it } from "vitest";
import { allFaultKinds, applyEdit, explicitFaultKinds, faultKinds } from "./fault-candidate.js";

describe("applyEdit", () => {
  it("replaces the text between the offsets", () => {
    expect(applyEdit("if (a < b) f();", { start: 6, end: 7, text: "<=" })).toBe("if (a <= b) f();");
  });

  it("removes text when the replacement is empty, and inserts when start equals end", () => {
    expect(applyEdit("one two three", { start: 4, end: 8, text: "" })).toBe("one three");
    expect(applyEdit("ab", { start: 1, end: 1, text: "-" })).toBe("a-b");
  });
});

describe("faultKinds", () => {
  it("names the four kinds the wrapper injects by default", () => {
    expect(faultKinds).toEqual([
      "drop-validation",
      "flip-comparison",
      "break-error-path",
      "off-by-one",
    ]);
  });
});

describe("allFaultKinds", () => {
  it("adds production-regression, injected only when named, after the default kinds", () => {
    expect(explicitFaultKinds).toEqual(["production-regression"]);
    expect(allFaultKinds).toEqual([...faultKinds, "production-regression"]);
  });
});
