import { describe, expect, it } from "vitest";
import oracle from "../../test/fixtures/binomial-oracle.json" with { type: "json" };
import { expectClose } from "../../test/support/expect-close.js";
import { thrown } from "../../test/support/thrown.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import {
  binomialInterval,
  type IntervalMethod,
  type IntervalSide,
  intervalMethods,
  intervalSides,
} from "./binomial-interval.js";

const oracleKeys: Record<IntervalMethod, "clopper_pearson" | "wilson" | "jeffreys"> = {
  "clopper-pearson": "clopper_pearson",
  wilson: "wilson",
  jeffreys: "jeffreys",
};

describe("binomialInterval against the scipy reference values", () => {
  for (const entry of oracle.intervals) {
    const { successes, trials, confidence } = entry;
    for (const method of intervalMethods) {
      it(`${method} two-sided for ${successes}/${trials} at ${confidence}`, () => {
        const interval = binomialInterval({ successes, trials, confidence, method });
        const [lower, upper] = entry[oracleKeys[method]];
        expectClose(interval.lower, lower ?? Number.NaN, 1e-6, "lower");
        expectClose(interval.upper, upper ?? Number.NaN, 1e-6, "upper");
      });
    }
    it(`clopper-pearson one-sided lower for ${successes}/${trials} at ${confidence}`, () => {
      const interval = binomialInterval({ successes, trials, confidence, side: "lower" });
      expectClose(interval.lower, entry.clopper_pearson_lower_one_sided, 1e-6);
      expect(interval.upper).toBe(1);
    });
  }
});

describe("binomialInterval at the edges", () => {
  it("defaults to a two-sided Clopper–Pearson interval and echoes the request", () => {
    expect(binomialInterval({ successes: 9, trials: 10, confidence: 0.95 })).toMatchObject({
      method: "clopper-pearson",
      side: "two-sided",
      successes: 9,
      trials: 10,
      confidence: 0.95,
    });
  });

  it("gives the closed form (1 - c)^(1/n) as the one-sided lower bound of a flawless run", () => {
    for (const trials of [1, 2, 29, 180, 2995, 100_000]) {
      for (const confidence of [0.9, 0.95, 0.99, 0.999]) {
        const interval = binomialInterval({ successes: trials, trials, confidence, side: "lower" });
        expectClose(interval.lower, (1 - confidence) ** (1 / trials), 1e-12);
      }
    }
  });

  it("pins the bound that cannot move at x = 0 and x = n for every method", () => {
    for (const method of intervalMethods) {
      for (const trials of [1, 7, 100_000]) {
        const none = binomialInterval({ successes: 0, trials, confidence: 0.95, method });
        const all = binomialInterval({ successes: trials, trials, confidence: 0.95, method });
        expect(none.lower).toBe(0);
        expect(all.upper).toBe(1);
        expect(none.upper).toBeGreaterThan(0);
        expect(all.lower).toBeLessThan(1);
      }
    }
  });

  it("handles a single trial with the textbook Clopper–Pearson values", () => {
    const fail = binomialInterval({ successes: 0, trials: 1, confidence: 0.95 });
    const pass = binomialInterval({ successes: 1, trials: 1, confidence: 0.95 });
    expectClose(fail.upper, 0.975, 1e-12);
    expectClose(pass.lower, 0.025, 1e-12);
  });

  it("stays finite, ordered and inside [0, 1] for n = 100,000 at every outcome tried", () => {
    const trials = 100_000;
    for (const method of intervalMethods) {
      for (const side of intervalSides) {
        for (const successes of [0, 1, 2, 50, 50_000, 99_950, 99_998, 99_999, 100_000]) {
          const { lower, upper } = binomialInterval({
            successes,
            trials,
            confidence: 0.95,
            method,
            side,
          });
          expect(Number.isFinite(lower) && Number.isFinite(upper)).toBe(true);
          expect(0 <= lower && lower <= successes / trials && successes / trials <= upper).toBe(
            true,
          );
          expect(upper).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it("moves both bounds up as successes grow, for every method and side", () => {
    for (const method of intervalMethods) {
      for (const side of intervalSides) {
        for (const trials of [1, 10, 180]) {
          let previous = binomialInterval({ successes: 0, trials, confidence: 0.9, method, side });
          for (let successes = 1; successes <= trials; successes++) {
            const current = binomialInterval({ successes, trials, confidence: 0.9, method, side });
            expect(current.lower).toBeGreaterThanOrEqual(previous.lower);
            expect(current.upper).toBeGreaterThanOrEqual(previous.upper);
            previous = current;
          }
        }
      }
    }
  });

  it("widens as the confidence grows", () => {
    for (const method of intervalMethods) {
      const narrow = binomialInterval({ successes: 17, trials: 20, confidence: 0.8, method });
      const wide = binomialInterval({ successes: 17, trials: 20, confidence: 0.99, method });
      expect(wide.lower).toBeLessThan(narrow.lower);
      expect(wide.upper).toBeGreaterThan(narrow.upper);
    }
  });

  it("treats passes and failures symmetrically", () => {
    for (const method of intervalMethods) {
      const passes = binomialInterval({ successes: 3, trials: 40, confidence: 0.95, method });
      const failures = binomialInterval({ successes: 37, trials: 40, confidence: 0.95, method });
      expectClose(passes.lower, 1 - failures.upper, 1e-9);
      expectClose(passes.upper, 1 - failures.lower, 1e-9);
    }
  });

  it("puts all of 1 - confidence in one tail for one-sided bounds", () => {
    const sides: IntervalSide[] = ["lower", "upper"];
    for (const method of intervalMethods) {
      const twoSided90 = binomialInterval({ successes: 12, trials: 30, confidence: 0.9, method });
      const [lowerSide, upperSide] = sides.map((side) =>
        binomialInterval({ successes: 12, trials: 30, confidence: 0.95, method, side }),
      );
      expectClose(lowerSide?.lower ?? Number.NaN, twoSided90.lower, 1e-12);
      expect(lowerSide?.upper).toBe(1);
      expectClose(upperSide?.upper ?? Number.NaN, twoSided90.upper, 1e-12);
      expect(upperSide?.lower).toBe(0);
    }
  });
});

describe("binomialInterval argument checks", () => {
  const valid = { successes: 5, trials: 10, confidence: 0.95 };
  const cases: [string, Record<string, unknown>, string][] = [
    ["confidence", { confidence: 1.2 }, "confidence must be strictly between 0 and 1, got 1.2"],
    ["confidence", { confidence: 0 }, "confidence must be strictly between 0 and 1, got 0"],
    ["trials", { trials: 0, successes: 0 }, "trials must be at least 1, got 0"],
    ["trials", { trials: 10.5 }, "trials must be a whole number, got 10.5"],
    ["successes", { successes: 11 }, "successes must be at most 10, got 11"],
    ["successes", { successes: -1 }, "successes must be at least 0, got -1"],
    [
      "method",
      { method: "wald" },
      "method must be one of clopper-pearson, wilson, jeffreys, got wald",
    ],
    ["side", { side: "both" }, "side must be one of two-sided, lower, upper, got both"],
  ];
  for (const [field, change, message] of cases) {
    it(`rejects a bad ${field}: ${message}`, () => {
      const request = { ...valid, ...change } as Parameters<typeof binomialInterval>[0];
      const error = thrown(() => binomialInterval(request), InvalidArgumentError);
      expect(error.message).toBe(message);
      expect(error.field).toBe(field);
    });
  }
});
