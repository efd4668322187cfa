import { describe, expect, it } from "vitest";
import oracle from "../../test/fixtures/binomial-oracle.json" with { type: "json" };
import { expectClose } from "../../test/support/expect-close.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import { binomialInterval } from "./binomial-interval.js";
import {
  bestLowerBound,
  type DemonstrationTarget,
  failuresTolerated,
  trialsToDemonstrate,
} from "./sample-size.js";

function demonstrated(trials: number, failures: number, target: DemonstrationTarget): boolean {
  const successes = trials - failures;
  const { confidence, passRate } = target;
  return binomialInterval({ successes, trials, confidence, side: "lower" }).lower >= passRate;
}

describe("trialsToDemonstrate", () => {
  it("needs 2,995 flawless trials to show 99.9% at 95% confidence", () => {
    expect(trialsToDemonstrate({ passRate: 0.999, confidence: 0.95 })).toBe(2995);
  });

  for (const entry of oracle.sample_sizes) {
    const { target_pass_rate: passRate, confidence } = entry;
    it(`matches scipy for ${passRate} at ${confidence} with 0, 1 and 2 failures`, () => {
      expect(trialsToDemonstrate({ passRate, confidence })).toBe(entry.zero_failure_trials);
      const expected = entry.trials_allowing_failures;
      const byFailures: [number, number][] = [
        [0, expected[0]],
        [1, expected[1]],
        [2, expected[2]],
      ];
      for (const [failuresAllowed, trials] of byFailures) {
        expectClose(trialsToDemonstrate({ passRate, confidence, failuresAllowed }), trials, 1e-6);
      }
    });
  }

  it("returns the smallest count the gate itself would approve with", () => {
    const targets: DemonstrationTarget[] = [
      { passRate: 0.95, confidence: 0.95 },
      { passRate: 0.95, confidence: 0.95, failuresAllowed: 3 },
      { passRate: 0.99, confidence: 0.9, failuresAllowed: 1 },
      { passRate: 0.5, confidence: 0.5 },
      { passRate: 0.999, confidence: 0.99, failuresAllowed: 5 },
      { passRate: 0.9999, confidence: 0.95, failuresAllowed: 40 },
    ];
    for (const target of targets) {
      const failures = target.failuresAllowed ?? 0;
      const trials = trialsToDemonstrate(target);
      expect(demonstrated(trials, failures, target)).toBe(true);
      expect(trials - 1 > failures && demonstrated(trials - 1, failures, target)).toBe(false);
    }
  });

  it("returns one trial when even a single pass clears the rate", () => {
    expect(trialsToDemonstrate({ passRate: 0.01, confidence: 0.5 })).toBe(1);
  });

  it("refuses a target no realistic suite can demonstrate", () => {
    expect(() => trialsToDemonstrate({ passRate: 1 - 1e-12, confidence: 0.95 })).toThrow(
      /needs more than 1,000,000,000 trials/,
    );
    expect(() =>
      trialsToDemonstrate({ passRate: 1 - 2e-9, confidence: 0.95, failuresAllowed: 50 }),
    ).toThrow(InvalidArgumentError);
  });

  it("rejects invalid targets naming the field", () => {
    expect(() => trialsToDemonstrate({ passRate: 1, confidence: 0.95 })).toThrow(
      "passRate must be strictly between 0 and 1, got 1",
    );
    expect(() => trialsToDemonstrate({ passRate: 0.9, confidence: 95 })).toThrow(
      "confidence must be strictly between 0 and 1, got 95",
    );
    expect(() =>
      trialsToDemonstrate({ passRate: 0.9, confidence: 0.95, failuresAllowed: 1.5 }),
    ).toThrow("failuresAllowed must be a whole number, got 1.5");
  });
});

describe("bestLowerBound", () => {
  it("is (1 - c)^(1/n), the bound of a flawless run", () => {
    expectClose(bestLowerBound(180, 0.95), 0.05 ** (1 / 180), 1e-12);
    expectClose(bestLowerBound(1, 0.95), 0.05, 1e-12);
    expect(bestLowerBound(2995, 0.95)).toBeGreaterThanOrEqual(0.999);
    expect(bestLowerBound(2994, 0.95)).toBeLessThan(0.999);
  });

  it("shows 180 scenarios can never demonstrate 99% at 95% confidence", () => {
    expect(bestLowerBound(180, 0.95)).toBeLessThan(0.99);
    expect(bestLowerBound(30, 0.95)).toBeLessThan(0.95);
  });
});

describe("failuresTolerated", () => {
  it("allows at most 3 failures in 180 trials for 95% at 95% confidence", () => {
    expect(failuresTolerated(180, 0.95, 0.95)).toBe(3);
  });

  it("is -1 when even a flawless run falls short", () => {
    expect(failuresTolerated(180, 0.99, 0.95)).toBe(-1);
    expect(failuresTolerated(30, 0.95, 0.95)).toBe(-1);
  });

  it("agrees with trialsToDemonstrate on both sides of the planned count", () => {
    const targets: DemonstrationTarget[] = [
      { passRate: 0.95, confidence: 0.95, failuresAllowed: 0 },
      { passRate: 0.95, confidence: 0.95, failuresAllowed: 3 },
      { passRate: 0.99, confidence: 0.99, failuresAllowed: 2 },
      { passRate: 0.9, confidence: 0.8, failuresAllowed: 10 },
      { passRate: 0.999, confidence: 0.95, failuresAllowed: 1 },
    ];
    for (const target of targets) {
      const failures = target.failuresAllowed ?? 0;
      const trials = trialsToDemonstrate(target);
      expect(failuresTolerated(trials, target.passRate, target.confidence)).toBeGreaterThanOrEqual(
        failures,
      );
      expect(failuresTolerated(trials - 1, target.passRate, target.confidence)).toBeLessThan(
        failures,
      );
    }
  });

  it("rejects a suite without trials", () => {
    expect(() => failuresTolerated(0, 0.95, 0.95)).toThrow("trials must be at least 1, got 0");
  });
});
