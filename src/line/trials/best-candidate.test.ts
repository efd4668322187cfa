import { describe, expect, it } from "vitest";
import type { GateVerdict } from "../../contracts/gate-verdict.js";
import type { QualityProfile } from "../../contracts/quality-profile.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { builtInProfiles } from "../../gate/built-in-profiles.js";
import { evaluateGate } from "../../gate/evaluate-gate.js";
import { bestCandidate, feedbackCandidate, type GatedCandidate } from "./best-candidate.js";

const admin = adminProfile();

function adminProfile(): QualityProfile {
  const profile = builtInProfiles.find((candidate) => candidate.name === "admin");
  if (profile === undefined) throw new Error("the admin profile is built in");
  return profile;
}

/** A verdict on a suite of `sizes`, with `failed` failing scenarios per category. */
function verdict(
  failed: Partial<Record<ScenarioCategory, number>>,
  profile: QualityProfile = admin,
  sizes: Record<ScenarioCategory, number> = { normal: 100, edge: 50, malicious: 30 },
): GateVerdict {
  const results: TrialResult[] = [];
  for (const category of ["normal", "edge", "malicious"] as const) {
    for (let index = 0; index < sizes[category]; index += 1) {
      const fails = index < (failed[category] ?? 0);
      results.push({
        scenario: `${category}-${index}`,
        category,
        pass: !fails,
        durationMs: 1,
        ...(fails ? { error: `wrong answer ${index}` } : {}),
      });
    }
  }
  return evaluateGate(results, profile);
}

function candidate(build: string, gated: GateVerdict, costMicroUsd = 1000): GatedCandidate {
  return { build, verdict: gated, costMicroUsd };
}

const flawless = verdict({});
const oneNormalFailure = verdict({ normal: 1 });
const inconclusive = verdict({ normal: 3 });
const failing = verdict({ normal: 20 });

describe("bestCandidate", () => {
  it("picks the approved build with the highest lower bounds", () => {
    expect(flawless.decision).toBe("approve");
    expect(oneNormalFailure.decision).toBe("approve");
    const winner = bestCandidate([
      candidate("item.1.1", failing),
      candidate("item.1.2", oneNormalFailure),
      candidate("item.1.3", flawless, 9000),
    ]);
    expect(winner).toBe("item.1.3");
  });

  it("breaks ties by failed trials, then cost, then the lower build id", () => {
    const normalOnly: QualityProfile = {
      ...admin,
      categories: { normal: { threshold: 0.95, zeroTolerance: false } },
    };
    // Equal bounds on the gated category; edge failures are not gated but are still failures.
    const cleaner = verdict({}, normalOnly);
    const messier = verdict({ edge: 4 }, normalOnly);
    expect(bestCandidate([candidate("b.1.1", messier, 1), candidate("b.1.2", cleaner, 5)])).toBe(
      "b.1.2",
    );
    expect(bestCandidate([candidate("b.1.1", flawless, 7), candidate("b.1.2", flawless, 3)])).toBe(
      "b.1.2",
    );
    expect(bestCandidate([candidate("b.1.10", flawless), candidate("b.1.2", flawless)])).toBe(
      "b.1.2",
    );
  });

  it("is undefined when no candidate is approved", () => {
    expect(inconclusive.decision).toBe("more-trials");
    expect(bestCandidate([candidate("c.1.1", inconclusive), candidate("c.1.2", failing)])).toBe(
      undefined,
    );
    expect(bestCandidate([])).toBeUndefined();
  });
});

describe("feedbackCandidate", () => {
  it("picks the build closest to approval: fewest failing categories, then the smallest shortfall", () => {
    expect(failing.decision).toBe("regenerate");
    expect(feedbackCandidate([candidate("d.1.1", failing), candidate("d.1.2", inconclusive)])).toBe(
      "d.1.2",
    );
    const worse = verdict({ normal: 40 });
    expect(feedbackCandidate([candidate("d.1.1", worse), candidate("d.1.2", failing)])).toBe(
      "d.1.2",
    );
  });

  it("breaks ties the same way, and never picks an approved build", () => {
    expect(
      feedbackCandidate([candidate("e.1.2", failing, 10), candidate("e.1.1", failing, 10)]),
    ).toBe("e.1.1");
    expect(feedbackCandidate([candidate("e.1.1", flawless), candidate("e.1.2", failing)])).toBe(
      "e.1.2",
    );
    expect(feedbackCandidate([candidate("e.1.1", flawless)])).toBeUndefined();
  });
});
