import { describe, expect, it } from "vitest";
import type { QualityProfile } from "../../contracts/quality-profile.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { builtInProfiles } from "../../gate/built-in-profiles.js";
import { evaluateGate } from "../../gate/evaluate-gate.js";
import { judgeBuild } from "./judge-build.js";

const admin = adminProfile();

function adminProfile(): QualityProfile {
  const profile = builtInProfiles.find((candidate) => candidate.name === "admin");
  if (profile === undefined) throw new Error("the admin profile is built in");
  return profile;
}

/** `passed` passing and `failed` failing scenarios of a category, named from `start`. */
function results(
  category: ScenarioCategory,
  passed: number,
  failed: number,
  start = 0,
): TrialResult[] {
  return Array.from({ length: passed + failed }, (_, index) => ({
    scenario: `${category}-${start + index}`,
    category,
    pass: index >= failed,
    durationMs: 2,
    ...(index < failed ? { error: "expected status 200, got 500" } : {}),
  }));
}

/** Round 1 of a suite of 100/50/30 in which normal has two failures: the other categories pass. */
const roundOne = [
  ...results("normal", 98, 2),
  ...results("edge", 50, 0),
  ...results("malicious", 30, 0),
];

describe("judgeBuild", () => {
  it("is the fixed-n gate in round 1", () => {
    expect(judgeBuild(roundOne, admin, 1)).toEqual(evaluateGate(roundOne, admin));
    expect(judgeBuild(roundOne, admin, 1).decision).toBe("more-trials");
  });

  it("does not look at the fixed-n bound again in a later round: the SPRT decides", () => {
    const first = judgeBuild(roundOne, admin, 1);
    // 60 more passing normal scenarios: 158 of 160 clears 95% by the fixed-n bound, a second look
    // that would raise the risk of approving a bad build; the sequential test is not convinced yet.
    const all = [...roundOne, ...results("normal", 60, 0, 100)];
    expect(evaluateGate(all, admin).decision).toBe("approve");
    const second = judgeBuild(all, admin, 2, first);
    expect(second.decision).toBe("more-trials");
    const normal = second.categories.find((report) => report.category === "normal");
    expect(normal?.status).toBe("inconclusive");
    expect(normal?.reason).toMatch(/^round 2, Wald's sequential test on all 160 scenarios/);
    expect(second.additionalScenariosNeeded).toBe(normal?.additionalScenariosNeeded);
    expect(second.reason).toContain("normal: round 2");
  });

  it("approves once the sequential test accepts, keeping what round 1 passed", () => {
    const first = judgeBuild(roundOne, admin, 1);
    const all = [...roundOne, ...results("normal", 100, 0, 100)];
    const second = judgeBuild(all, admin, 2, first);
    expect(second.decision).toBe("approve");
    expect(second.additionalScenariosNeeded).toBeNull();
    const edge = second.categories.find((report) => report.category === "edge");
    const edgeBefore = first.categories.find((report) => report.category === "edge");
    expect(edge?.status).toBe("pass");
    expect(edge?.reason).toBe(edgeBefore?.reason);
  });

  it("sends the build back when the sequential test rejects", () => {
    const first = judgeBuild(roundOne, admin, 1);
    const all = [...roundOne, ...results("normal", 10, 8, 100)];
    const second = judgeBuild(all, admin, 2, first);
    expect(second.decision).toBe("regenerate");
    expect(second.reason).toMatch(/^normal: round 2, .*rejected/);
  });

  it("without the previous verdict, decides every gated category sequentially", () => {
    const all = [...roundOne, ...results("normal", 100, 0, 100)];
    const second = judgeBuild(all, admin, 2);
    // 50 flawless edge scenarios pass the fixed-n bound but are too few for the SPRT alone.
    const edge = second.categories.find((report) => report.category === "edge");
    expect(edge?.status).toBe("inconclusive");
    expect(second.decision).toBe("more-trials");
  });

  it("does not carry a decision forward when the category's evidence changed since", () => {
    const first = judgeBuild(roundOne, admin, 1);
    const all = [...roundOne, ...results("edge", 0, 1, 50), ...results("normal", 100, 0, 100)];
    const edge = judgeBuild(all, admin, 2, first).categories.find(
      (report) => report.category === "edge",
    );
    expect(edge?.reason).toMatch(/^round 2, Wald's/);
  });

  it("gives the same verdict when a resumed gate judges the same round again", () => {
    const first = judgeBuild(roundOne, admin, 1);
    const all = [...roundOne, ...results("normal", 30, 0, 100)];
    const second = judgeBuild(all, admin, 2, first);
    expect(judgeBuild(all, admin, 2, second)).toEqual(second);
  });

  it("refuses a round that is not a whole number from 1", () => {
    expect(() => judgeBuild(roundOne, admin, 0)).toThrow(/round must be a whole number/);
    expect(() => judgeBuild(roundOne, admin, 1.5)).toThrow(/round must be a whole number/);
  });
});
