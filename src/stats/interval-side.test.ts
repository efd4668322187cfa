import { describe, expect, it } from "vitest";
import { tailProbability } from "./interval-side.js";

describe("tailProbability", () => {
  it("splits 1 - confidence between two tails, or leaves it all in one", () => {
    expect(tailProbability(0.9, "two-sided")).toBeCloseTo(0.05, 15);
    expect(tailProbability(0.9, "lower")).toBeCloseTo(0.1, 15);
    expect(tailProbability(0.9, "upper")).toBeCloseTo(0.1, 15);
  });
});
