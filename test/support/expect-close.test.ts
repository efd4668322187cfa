import { describe, expect, it } from "vitest";
import { expectClose } from "./expect-close.js";

describe("expectClose", () => {
  it("accepts values within the relative tolerance and rejects the rest", () => {
    expect(() => expectClose(1000.0005, 1000, 1e-6)).not.toThrow();
    expect(() => expectClose(1000.002, 1000, 1e-6)).toThrow(/expected 1000/);
  });

  it("uses the tolerance as an absolute one when the expected value is 0", () => {
    expect(() => expectClose(5e-7, 0, 1e-6)).not.toThrow();
    expect(() => expectClose(2e-6, 0, 1e-6)).toThrow();
  });

  it("never accepts NaN", () => {
    expect(() => expectClose(Number.NaN, 0, 1)).toThrow(/NaN/);
  });

  it("names the value that is off", () => {
    expect(() => expectClose(2, 1, 1e-6, "wilson lower")).toThrow(/^wilson lower: /);
  });
});
