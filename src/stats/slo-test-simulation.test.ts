/**
 * The SLO test's error rates by simulation (seeded): windows of probes as the monitor runs them, the
 * test looked at after every probe (the most looks, so the most chances to be fooled), each window
 * ending in "healthy" or "breach". The checks compare the 99% bounds of the measured rate with the
 * brief's rule (at most alpha, at least 1 − beta, with the simulation's margin) and the measured share
 * with the bound ADR 0008 derives from Ville's inequality on each side's likelihood ratio, whatever the
 * looks: P(breach | a side at its SLO limit) ≤ (α/2)/(1 − β) per side, and P(healthy | a side at
 * breachFactor times its limit) ≤ β/(1 − α/2).
 */
import { describe, expect, it } from "vitest";
import {
  adminLikePlan,
  measuredShareOfRuns,
  type SimulatedRelease,
  simulateProbe,
} from "../../test/support/stats/slo-simulation.js";
import { type RandomSource, seededRandom } from "./random.js";
import { type SloTestPlan, type SloVerdict, sloDecision } from "./slo-test.js";

const windows = 10_000;
const probeLimit = 100_000;

function simulateWindow(
  plan: SloTestPlan,
  release: SimulatedRelease,
  random: RandomSource,
): SloVerdict {
  const evidence = { probes: 0, failures: 0, slow: 0 };
  while (evidence.probes < probeLimit) {
    simulateProbe(evidence, release, random);
    const { decision } = sloDecision(plan, evidence);
    if (decision !== "watching") return decision;
  }
  return "watching";
}

/** The share of windows ending in `verdict`, and its two-sided 99% bounds. */
function shareEnding(
  plan: SloTestPlan,
  release: SimulatedRelease,
  verdict: SloVerdict,
  seed: number,
) {
  return measuredShareOfRuns(
    windows,
    seed,
    (random) => simulateWindow(plan, release, random) === verdict,
  );
}

const perSideFalseBreach = adminLikePlan.alpha / 2 / (1 - adminLikePlan.beta);
const missedBreach = adminLikePlan.beta / (1 - adminLikePlan.alpha / 2);

describe("a release that keeps its SLO exactly", () => {
  it("is rolled back by at most alpha of windows when it fails at the SLO's rate", () => {
    const { share, upper } = shareEnding(
      adminLikePlan,
      { failureRate: 0.05, slowShare: 0 },
      "breach",
      1,
    );
    expect(upper).toBeLessThan(adminLikePlan.alpha);
    expect(share).toBeLessThan(perSideFalseBreach);
    expect(share).toBeGreaterThan(0);
  });

  it("is rolled back by at most alpha of windows when 5% of its probes are slow", () => {
    const { share, upper } = shareEnding(
      adminLikePlan,
      { failureRate: 0, slowShare: 0.05 },
      "breach",
      2,
    );
    expect(upper).toBeLessThan(adminLikePlan.alpha);
    expect(share).toBeLessThan(perSideFalseBreach);
  });

  it("stays within alpha with both sides at their limits at once (alpha is split between them)", () => {
    const { upper } = shareEnding(
      adminLikePlan,
      { failureRate: 0.05, slowShare: 0.05 },
      "breach",
      3,
    );
    // Giving each side the whole alpha would measure about 1.2% here.
    expect(upper).toBeLessThan(2 * perSideFalseBreach);
  });

  it("holds for another SLO and other risks too (1% errors, α 5%)", () => {
    const other = { ...adminLikePlan, errorRate: 0.01, alpha: 0.05 };
    const { share, upper } = shareEnding(other, { failureRate: 0.01, slowShare: 0 }, "breach", 4);
    expect(upper).toBeLessThan(other.alpha);
    expect(share).toBeLessThan(other.alpha / 2 / (1 - other.beta));
  });
});

describe("a release at breachFactor times its SLO", () => {
  it("is caught by at least 1 − beta of windows when it fails five times as often", () => {
    const { share, lower } = shareEnding(
      adminLikePlan,
      { failureRate: 0.25, slowShare: 0 },
      "healthy",
      5,
    );
    expect(lower).toBeLessThan(adminLikePlan.beta);
    expect(share).toBeLessThan(missedBreach);
  });

  it("is caught by at least 1 − beta of windows when a quarter of its probes are slow", () => {
    const { share, lower } = shareEnding(
      adminLikePlan,
      { failureRate: 0, slowShare: 0.25 },
      "healthy",
      6,
    );
    expect(lower).toBeLessThan(adminLikePlan.beta);
    expect(share).toBeLessThan(missedBreach);
  });

  it("is caught within 10 probes in most windows when it fails half its probes", () => {
    const random = seededRandom(7);
    let caughtWithinTen = 0;
    for (let window = 0; window < 2_000; window += 1) {
      const evidence = { probes: 0, failures: 0, slow: 0 };
      while (evidence.probes < 10) {
        evidence.probes += 1;
        if (random() < 0.5) evidence.failures += 1;
        if (sloDecision(adminLikePlan, evidence).decision === "breach") {
          caughtWithinTen += 1;
          break;
        }
      }
    }
    // Any five failures in ten probes breach by the tenth (P = 62.3%); four early ones breach sooner.
    expect(caughtWithinTen / 2_000).toBeGreaterThan(0.6);
  });
});
