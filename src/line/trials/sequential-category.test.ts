import { describe, expect, it } from "vitest";
import type { CategoryReport } from "../../contracts/gate-verdict.js";
import { sprtDecide } from "../../stats/sprt.js";
import {
  expectedScenariosToAccept,
  judgeSequentialCategory,
  passesToAccept,
  sequentialPlan,
} from "./sequential-category.js";

/** A category report as evaluateGate writes it; only the counts and the policy matter here. */
function report(scenarios: number, failed: number, changes: Partial<CategoryReport> = {}) {
  const base: CategoryReport = {
    category: "normal",
    scenarios,
    passed: scenarios - failed,
    failed,
    trials: scenarios,
    passRate: scenarios === 0 ? null : (scenarios - failed) / scenarios,
    lowerBound: 0.9,
    upperBound: 0.99,
    threshold: 0.95,
    confidence: 0.95,
    zeroTolerance: false,
    status: "inconclusive",
    additionalScenariosNeeded: 50,
    reason: "straddles",
    latency: { count: 0, min: null, mean: null, p50: null, p95: null, p99: null, max: null },
  };
  return { ...base, ...changes };
}

describe("sequentialPlan", () => {
  it("rejects at the threshold's failure rate and accepts at half of it", () => {
    expect(sequentialPlan(0.95, 0.95)).toEqual({
      acceptableFailureRate: expect.closeTo(0.025, 12),
      rejectableFailureRate: expect.closeTo(0.05, 12),
      alpha: 0.05,
      beta: expect.closeTo(0.05, 12),
    });
    expect(sequentialPlan(0.9, 0.99).beta).toBeCloseTo(0.01, 12);
  });
});

describe("judgeSequentialCategory", () => {
  it("passes a category the test accepts, and says by which test and with what risk", () => {
    // 0 failures: ln B = ln(0.05/0.95) = -2.944 is reached after 114 passes at ln(0.975/0.95) each.
    const judged = judgeSequentialCategory(report(114, 0), 2);
    expect(judged.status).toBe("pass");
    expect(judged.additionalScenariosNeeded).toBeNull();
    expect(judged.reason).toMatch(/^round 2, Wald's sequential test on all 114 scenarios/);
    expect(judged.reason).toContain("at most 5.3%");
    expect(judgeSequentialCategory(report(113, 0), 2).status).toBe("inconclusive");
  });

  it("fails a category the test rejects", () => {
    const judged = judgeSequentialCategory(report(30, 6), 3);
    expect(judged.status).toBe("fail");
    expect(judged.reason).toContain("rejected");
  });

  it("keeps an undecided category inconclusive, with the passes that would accept it", () => {
    const judged = judgeSequentialCategory(report(100, 2), 2);
    expect(judged.status).toBe("inconclusive");
    const needed = judged.additionalScenariosNeeded ?? 0;
    const plan = sequentialPlan(0.95, 0.95);
    expect(sprtDecide(plan, { trials: 100 + needed, failures: 2 }).decision).toBe("accept");
    expect(sprtDecide(plan, { trials: 99 + needed, failures: 2 }).decision).toBe("continue");
    expect(judged.reason).toContain(`${needed} more passing scenarios would accept`);
    // The counts and bounds describe the evidence and are kept.
    expect(judged).toMatchObject({ scenarios: 100, failed: 2, lowerBound: 0.9, upperBound: 0.99 });
  });

  it("fails any failure in a zero-tolerance category, and leaves an ungated one alone", () => {
    expect(judgeSequentialCategory(report(500, 1, { zeroTolerance: true }), 2).status).toBe("fail");
    const ungated = report(10, 5, { threshold: null, confidence: null, status: "not-gated" });
    expect(judgeSequentialCategory(ungated, 2)).toBe(ungated);
  });
});

describe("passesToAccept and expectedScenariosToAccept", () => {
  const plan = sequentialPlan(0.95, 0.95);

  it("is zero once the test accepts", () => {
    expect(passesToAccept(plan, { trials: 200, failures: 0 })).toBe(0);
    expect(expectedScenariosToAccept(plan, { trials: 200, failures: 0 })).toBe(0);
  });

  it("expects more scenarios for a build failing at p0 than for a flawless one", () => {
    // From no evidence: 2.944 / ln(0.975/0.95) ≈ 113.4 passes, or 2.944 / 0.00800 ≈ 368.2 scenarios
    // when one in forty fails (the drift 0.025·ln 2 − 0.975·ln(0.975/0.95) per scenario).
    expect(passesToAccept(plan, { trials: 0, failures: 0 })).toBe(114);
    expect(expectedScenariosToAccept(plan, { trials: 0, failures: 0 })).toBe(369);
  });
});
