import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/support/expect-close.js";
import { intervalMethods } from "./binomial-interval.js";
import { coverageTable, exactCoverage, simulatedCoverage } from "./coverage.js";
import { seededRandom } from "./random.js";

const trialCounts = [10, 30, 100, 180, 500];
const passRates = [0.5, 0.8, 0.9, 0.95, 0.99];
const confidence = 0.95;

describe("exactCoverage", () => {
  it("never falls below the nominal level for Clopper–Pearson, two-sided or one-sided", () => {
    for (const side of ["two-sided", "lower", "upper"] as const) {
      for (const trials of trialCounts) {
        for (const passRate of passRates) {
          const question = {
            method: "clopper-pearson",
            trials,
            passRate,
            confidence,
            side,
          } as const;
          expect(
            exactCoverage(question),
            `${side} n=${trials} p=${passRate}`,
          ).toBeGreaterThanOrEqual(confidence);
        }
      }
    }
  });

  it("shows Wilson undercovering somewhere on the grid, the reason it is not the default", () => {
    const wilsonCoverages = trialCounts.flatMap((trials) =>
      passRates.map((passRate) =>
        exactCoverage({ method: "wilson", trials, passRate, confidence }),
      ),
    );
    expect(Math.min(...wilsonCoverages)).toBeLessThan(confidence);
  });

  it("adds up only the outcomes whose interval covers the truth (one trial, by hand)", () => {
    // With one trial at p = 0.9, a failure gives [0, 0.975] (covers) and a pass [0.025, 1] (covers).
    expectClose(
      exactCoverage({ method: "clopper-pearson", trials: 1, passRate: 0.9, confidence }),
      1,
    );
    // At p = 0.99 a failure's upper bound 0.975 misses, so coverage is P(pass) = 0.99.
    expectClose(
      exactCoverage({ method: "clopper-pearson", trials: 1, passRate: 0.99, confidence }),
      0.99,
    );
  });

  it("stays a probability for 100,000 trials", () => {
    const coverage = exactCoverage({
      method: "jeffreys",
      trials: 100_000,
      passRate: 0.9995,
      confidence,
      side: "lower",
    });
    expect(coverage).toBeGreaterThan(0.9);
    expect(coverage).toBeLessThanOrEqual(1);
  });

  it("rejects a true rate of exactly 0 or 1", () => {
    expect(() => exactCoverage({ method: "wilson", trials: 10, passRate: 1, confidence })).toThrow(
      "passRate must be strictly between 0 and 1, got 1",
    );
  });
});

describe("simulatedCoverage", () => {
  it("agrees with the exact coverage within 4 standard errors for every method on the grid", () => {
    const rows = coverageTable({
      trialCounts,
      passRates,
      confidence,
      runs: 4000,
      seed: 20_240_601,
    });
    expect(rows).toHaveLength(intervalMethods.length * 2 * trialCounts.length * passRates.length);
    for (const row of rows) {
      const label = `${row.method} ${row.side} n=${row.trials} p=${row.passRate}`;
      expect(Math.abs(row.simulated - row.exact), label).toBeLessThanOrEqual(4 * row.standardError);
    }
  });

  it("replays exactly from its seed", () => {
    const question = {
      method: "wilson",
      trials: 30,
      passRate: 0.9,
      confidence,
      runs: 500,
    } as const;
    const first = simulatedCoverage({ ...question, random: seededRandom(7) });
    const second = simulatedCoverage({ ...question, random: seededRandom(7) });
    expect(first).toBe(second);
  });

  it("rejects a simulation without runs", () => {
    const question = { method: "wilson", trials: 30, passRate: 0.9, confidence, runs: 0 } as const;
    expect(() => simulatedCoverage({ ...question, random: seededRandom(7) })).toThrow(
      "runs must be at least 1, got 0",
    );
  });
});
