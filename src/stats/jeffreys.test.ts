import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/support/expect-close.js";
import { jeffreysBounds } from "./jeffreys.js";

describe("Jeffreys bounds", () => {
  it("are symmetric around 1/2 for a balanced outcome", () => {
    const { lower, upper } = jeffreysBounds(10, 20, 0.95, "two-sided");
    expectClose(lower, 1 - upper, 1e-12);
  });

  it("pin the boundary bound and keep the other tail at (1 - c) / 2, as statsmodels does", () => {
    const flawless = jeffreysBounds(100, 100, 0.9, "two-sided");
    expect(flawless.upper).toBe(1);
    // scipy: beta.ppf(0.05, 100.5, 0.5)
    expectClose(flawless.lower, 0.9810231122969265, 1e-9);
    expect(jeffreysBounds(0, 100, 0.9, "two-sided").lower).toBe(0);
  });

  it("are shorter than Clopper–Pearson's, the trade-off for occasional undercoverage", () => {
    const { lower, upper } = jeffreysBounds(29, 30, 0.99, "two-sided");
    // Clopper–Pearson for 29/30 at 99% is [0.7772, 0.9998] (scipy).
    expect(lower).toBeGreaterThan(0.7772489349755662);
    expect(upper).toBeLessThan(0.9998329292304242);
  });
});
