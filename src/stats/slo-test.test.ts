import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../contracts/errors.js";
import { defaultSloPolicy } from "../contracts/quality-profile.js";
import { MonitorConfig } from "../contracts/release.js";
import {
  errorRateSprtPlan,
  latencySprtPlan,
  percent,
  type SloTestPlan,
  sloDecision,
  sloTestPlan,
} from "./slo-test.js";

/** The admin-like plan of the brief: 5% errors, caught at five times that, α 1%, β 5%. */
const adminLike: SloTestPlan = {
  errorRate: 0.05,
  p95LatencyMs: 800,
  breachFactor: 5,
  alpha: 0.01,
  beta: 0.05,
};

/** A stream of probes, true for a failed (or slow) one, fed to the test one probe at a time. */
function decisionsAlong(plan: SloTestPlan, stream: readonly boolean[], side: "failures" | "slow") {
  const evidence = { probes: 0, failures: 0, slow: 0 };
  return stream.map((bad) => {
    evidence.probes += 1;
    if (bad) evidence[side] += 1;
    return sloDecision(plan, evidence).decision;
  });
}

describe("sloTestPlan", () => {
  it("takes the rates from the profile's SLO and the risks from the monitor", () => {
    const monitor = MonitorConfig.parse({ alpha: 0.02, beta: 0.1, breachFactor: 3 });
    expect(sloTestPlan({ errorRate: 0.01, p95LatencyMs: 250 }, monitor)).toEqual({
      errorRate: 0.01,
      p95LatencyMs: 250,
      breachFactor: 3,
      alpha: 0.02,
      beta: 0.1,
    });
    expect(sloTestPlan(defaultSloPolicy, MonitorConfig.parse({})).alpha).toBe(0.01);
  });
});

describe("the two sequential tests", () => {
  it("put H1 at breachFactor times the SLO's rates and split alpha between them", () => {
    expect(errorRateSprtPlan(adminLike)).toEqual({
      acceptableFailureRate: 0.05,
      rejectableFailureRate: 0.25,
      alpha: 0.005,
      beta: 0.05,
    });
    expect(latencySprtPlan(adminLike)).toEqual({
      acceptableFailureRate: 0.05,
      rejectableFailureRate: 0.25,
      alpha: 0.005,
      beta: 0.05,
    });
  });

  it("cap H1 below certainty when breachFactor times the rate would reach it", () => {
    const loose = { ...adminLike, errorRate: 0.3, breachFactor: 20 };
    expect(errorRateSprtPlan(loose).rejectableFailureRate).toBeCloseTo(0.65, 12);
    expect(latencySprtPlan(loose).rejectableFailureRate).toBe(0.5);
    expect(sloDecision(loose, { probes: 3, failures: 3, slow: 3 }).decision).toBe("breach");
  });
});

describe("sloDecision", () => {
  it("watches with no probes, and calls a flawless release healthy after 13 probes", () => {
    expect(sloDecision(adminLike, { probes: 0, failures: 0, slow: 0 }).decision).toBe("watching");
    expect(sloDecision(adminLike, { probes: 12, failures: 0, slow: 0 }).decision).toBe("watching");
    const healthy = sloDecision(adminLike, { probes: 13, failures: 0, slow: 0 });
    expect(healthy.decision).toBe("healthy");
    expect(healthy.errors.decision).toBe("accept");
    expect(healthy.latency.decision).toBe("accept");
    expect(healthy.reason).toBe(
      "0 of 13 probes failed and 0 were slower than 800 ms: the release keeps the SLO of 5% errors and 800 ms p95 (SPRT, α 1%, β 5%)",
    );
  });

  it("explains a failure-rate breach in a sentence", () => {
    const breach = sloDecision(adminLike, { probes: 7, failures: 4, slow: 0 });
    expect(breach.decision).toBe("breach");
    expect(breach.errors.decision).toBe("reject");
    expect(breach.latency.decision).not.toBe("reject");
    expect(breach.reason).toBe(
      "4 of 7 probes failed: the failure rate is above the SLO's 5% (SPRT, α 1%, β 5%)",
    );
  });

  it("explains a latency breach, and both at once", () => {
    const slow = sloDecision(adminLike, { probes: 7, failures: 0, slow: 4 });
    expect(slow.decision).toBe("breach");
    expect(slow.reason).toBe(
      "4 of 7 probes were slower than 800 ms: the p95 latency is above the SLO's 800 ms (SPRT, α 1%, β 5%)",
    );
    const both = sloDecision(adminLike, { probes: 7, failures: 4, slow: 5 });
    expect(both.reason).toMatch(/^4 of 7 probes failed: .*; 5 of 7 probes were slower/);
  });

  it("says which side is still undecided while it watches", () => {
    const watching = sloDecision(adminLike, { probes: 20, failures: 0, slow: 2 });
    expect(watching.decision).toBe("watching");
    expect(watching.errors.decision).toBe("accept");
    expect(watching.reason).toBe(
      "0 of 20 probes failed and 2 were slower than 800 ms: not enough probes yet to decide its latency against the SLO of 5% errors and 800 ms p95 (SPRT, α 1%, β 5%)",
    );
  });

  it("rejects impossible evidence and plans, naming the field", () => {
    expect(() => sloDecision(adminLike, { probes: 3, failures: 4, slow: 0 })).toThrow(
      /evidence\.failures must be at most 3/,
    );
    expect(() => sloDecision(adminLike, { probes: 3, failures: 0, slow: -1 })).toThrow(
      /evidence\.slow must be at least 0/,
    );
    expect(() =>
      sloDecision({ ...adminLike, breachFactor: 1 }, { probes: 1, failures: 0, slow: 0 }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      sloDecision({ ...adminLike, p95LatencyMs: 0 }, { probes: 1, failures: 0, slow: 0 }),
    ).toThrow(/p95LatencyMs must be a positive number/);
    expect(() =>
      sloDecision({ ...adminLike, errorRate: 1 }, { probes: 1, failures: 0, slow: 0 }),
    ).toThrow(/errorRate must be strictly between 0 and 1/);
  });
});

describe("a single blip does not flap", () => {
  it("never breaches on one failed probe among passing ones, wherever it falls", () => {
    // The test sees counts: a window with one bad probe is (probes, 0) before it and (probes, 1) after.
    for (let probes = 1; probes <= 1_000; probes += 1) {
      for (const bad of [0, 1]) {
        expect(sloDecision(adminLike, { probes, failures: bad, slow: 0 }).decision).not.toBe(
          "breach",
        );
        expect(sloDecision(adminLike, { probes, failures: 0, slow: bad }).decision).not.toBe(
          "breach",
        );
        expect(sloDecision(adminLike, { probes, failures: bad, slow: bad }).decision).not.toBe(
          "breach",
        );
      }
    }
  });

  it("never breaches a release failing one probe in twenty, watched for 10,000 probes", () => {
    // The monitor starts a new window after each "healthy"; the failures sit at the SLO's 5% exactly.
    let evidence = { probes: 0, failures: 0, slow: 0 };
    const decisions = new Set<string>();
    for (let probe = 1; probe <= 10_000; probe += 1) {
      const bad = probe % 20 === 10;
      evidence = {
        probes: evidence.probes + 1,
        failures: evidence.failures + (bad ? 1 : 0),
        slow: evidence.slow + (bad ? 1 : 0),
      };
      const { decision } = sloDecision(adminLike, evidence);
      decisions.add(decision);
      if (decision === "healthy") evidence = { probes: 0, failures: 0, slow: 0 };
    }
    expect(decisions).toEqual(new Set(["watching", "healthy"]));
  });
});

describe("a release failing half its probes", () => {
  it("is caught within 10 probes whatever the order of its failures", () => {
    const orders = [
      [true, false, true, false, true, false, true, false, true, false],
      [false, false, false, false, false, true, true, true, true, true],
      [false, true, false, true, false, true, false, true, false, true],
    ];
    for (const order of orders) {
      for (const side of ["failures", "slow"] as const) {
        expect(decisionsAlong(adminLike, order, side)).toContain("breach");
      }
    }
  });

  it("is caught at the fourth probe when its first four fail", () => {
    const decisions = decisionsAlong(adminLike, [true, true, true, true], "failures");
    expect(decisions).toEqual(["watching", "watching", "watching", "breach"]);
  });
});

describe("percent", () => {
  it("prints shares as people write them", () => {
    expect([0.05, 0.005, 0.02, 0.25, 0.123456].map(percent)).toEqual([
      "5%",
      "0.5%",
      "2%",
      "25%",
      "12.3%",
    ]);
  });
});
