import { describe, expect, it } from "vitest";
import { canaryDecision, compareWithStable } from "./canary-decision.js";
import type { SloTestPlan } from "./slo-test.js";

const adminLike: SloTestPlan = {
  errorRate: 0.05,
  p95LatencyMs: 800,
  breachFactor: 5,
  alpha: 0.01,
  beta: 0.05,
};
const clean = (probes: number) => ({ probes, failures: 0, slow: 0 });

describe("canaryDecision", () => {
  it("promotes a canary whose own probes show it keeps the SLO", () => {
    const outcome = canaryDecision(adminLike, { canary: clean(20), stable: clean(20) }, 2, 20);
    expect(outcome.decision).toBe("promote");
    expect(outcome.canary.decision).toBe("healthy");
    expect(outcome.reason).toMatch(
      /^the canary keeps its SLO and is not worse than the stable release: 0 of 20 probes failed/,
    );
  });

  it("reverts a canary that breaches its SLO, whatever the stable release does", () => {
    const canary = { probes: 10, failures: 5, slow: 0 };
    const outcome = canaryDecision(adminLike, { canary, stable: canary }, 1, 20);
    expect(outcome.decision).toBe("revert");
    expect(outcome.stable.decision).toBe("breach");
    expect(outcome.reason).toBe(
      "the canary breaches its SLO: 5 of 10 probes failed: the failure rate is above the SLO's 5% (SPRT, α 1%, β 5%)",
    );
  });

  it("keeps probing while neither test has decided", () => {
    const canary = { probes: 10, failures: 1, slow: 0 };
    const outcome = canaryDecision(adminLike, { canary, stable: clean(10) }, 1, 20);
    expect(outcome.decision).toBe("continue");
    expect(outcome.reason).toMatch(
      /^1 of 10 probes failed and 0 were slower than 800 ms: not enough/,
    );
  });

  it("reverts a canary not shown good enough in maxRounds rounds", () => {
    const canary = { probes: 30, failures: 3, slow: 0 };
    expect(canaryDecision(adminLike, { canary, stable: clean(30) }, 2, 3).decision).toBe(
      "continue",
    );
    const outcome = canaryDecision(adminLike, { canary, stable: clean(30) }, 3, 3);
    expect(outcome.decision).toBe("revert");
    expect(outcome.reason).toMatch(/^the canary was not shown good enough in 3 rounds: 3 of 30/);
  });

  it("reverts a canary clearly worse than the stable release before its own SLO test decides", () => {
    // A loose SLO (20% errors): 14 failures in 40 probes is still undecided against it, but the stable
    // release failed none of its 40, so every failure seen is the canary's.
    const loose = { ...adminLike, errorRate: 0.2 };
    const canary = { probes: 40, failures: 14, slow: 0 };
    const outcome = canaryDecision(loose, { canary, stable: clean(40) }, 4, 20);
    expect(outcome.canary.decision).toBe("watching");
    expect(outcome.comparison.errors.decision).toBe("reject");
    expect(outcome.decision).toBe("revert");
    expect(outcome.reason).toBe(
      "the canary failed 14 of its 40 probes against 0 of 40 for the stable release: it fails clearly more often (sequential comparison, α 1%, β 5%)",
    );
  });

  it("reverts a canary clearly slower than the stable release", () => {
    const canary = { probes: 200, failures: 0, slow: 12 };
    const stable = { probes: 200, failures: 0, slow: 0 };
    const outcome = canaryDecision(adminLike, { canary, stable }, 20, 20);
    expect(outcome.comparison.latency.decision).toBe("reject");
    expect(outcome.reason).toMatch(
      /^12 of the canary's 200 probes were slower than 800 ms against 0 of 200 .* it is clearly slower/,
    );
  });

  it("rejects impossible arguments, naming the field", () => {
    const evidence = { canary: clean(10), stable: clean(10) };
    expect(() => canaryDecision(adminLike, evidence, 0, 20)).toThrow(/round must be at least 1/);
    expect(() => canaryDecision(adminLike, evidence, 1, 0)).toThrow(/maxRounds must be at least 1/);
    expect(() =>
      canaryDecision(
        adminLike,
        { canary: { probes: 1, failures: 2, slow: 0 }, stable: clean(1) },
        1,
        2,
      ),
    ).toThrow(/canary\.failures must be at most 1/);
  });
});

describe("compareWithStable", () => {
  it("has no evidence until both releases have probes", () => {
    const outcome = compareWithStable(adminLike, {
      canary: { probes: 10, failures: 10, slow: 10 },
      stable: clean(0),
    });
    expect(outcome.errors).toEqual({ decision: "continue", logLikelihoodRatio: 0 });
  });

  it("weighs a failure of either release by the odds breachFactor gives it", () => {
    // H0: 1/2 of the failures are the canary's; H1: 5/6. One canary failure: ln(5/3); one stable: ln(1/3).
    const canaryFailed = compareWithStable(adminLike, {
      canary: { probes: 10, failures: 1, slow: 0 },
      stable: clean(10),
    });
    expect(canaryFailed.errors.logLikelihoodRatio).toBeCloseTo(Math.log(5 / 3), 12);
    const stableFailed = compareWithStable(adminLike, {
      canary: clean(10),
      stable: { probes: 10, failures: 0, slow: 1 },
    });
    expect(stableFailed.latency.logLikelihoodRatio).toBeCloseTo(Math.log(1 / 3), 12);
  });

  it("is not fooled by failures both releases share", () => {
    const both = { probes: 50, failures: 20, slow: 20 };
    const outcome = compareWithStable(adminLike, { canary: both, stable: both });
    expect(outcome.errors.decision).toBe("accept");
    expect(outcome.latency.decision).toBe("accept");
  });
});
