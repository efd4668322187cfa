import { describe, expect, it } from "vitest";
import { suiteResults } from "../../test/support/trial-results.js";
import { defaultConfig } from "../contracts/index.js";
import { builtInProfiles, defaultProfileName, defaultSuiteSizes } from "./built-in-profiles.js";
import { evaluateGate } from "./evaluate-gate.js";
import { planSuite } from "./plan-suite.js";
import { resolveProfile } from "./resolve-profile.js";

describe("planSuite", () => {
  it("proves the defaults consistent: the default suite can approve a flawless build under the default profile", () => {
    const plan = planSuite(resolveProfile(defaultProfileName, defaultConfig), defaultSuiteSizes);
    expect(plan.canApprove).toBe(true);
    expect(plan.scenariosToAdd).toBe(0);
    for (const category of plan.categories) {
      expect(category.bestLowerBound, category.category).toBeGreaterThanOrEqual(category.threshold);
    }
  });

  it("says how many scenarios each stricter built-in profile adds to the default suite", () => {
    const additions = Object.fromEntries(
      builtInProfiles.map((profile) => [
        profile.name,
        Object.fromEntries(
          planSuite(profile, defaultSuiteSizes).categories.map((plan) => [
            plan.category,
            plan.scenariosToAdd,
          ]),
        ),
      ]),
    );
    // ln(0.05)/ln(p): 299 scenarios show 99%, 99 show 97%, 2995 show 99.9%.
    expect(additions).toEqual({
      admin: { normal: 0, edge: 0, malicious: 0 },
      standard: { normal: 199, edge: 49, malicious: 69 },
      payments: { normal: 2895, edge: 249, malicious: 269 },
    });
  });

  it("agrees with the gate: a suite of the planned size approves when flawless", () => {
    for (const profile of builtInProfiles) {
      const plan = planSuite(profile, defaultSuiteSizes);
      const sizes = Object.fromEntries(
        plan.categories.map((category) => [category.category, category.scenariosNeeded]),
      );
      const verdict = evaluateGate(
        suiteResults({
          normal: [sizes.normal ?? 0, 0],
          edge: [sizes.edge ?? 0, 0],
          malicious: [sizes.malicious ?? 0, 0],
        }),
        profile,
      );
      expect(verdict.decision, profile.name).toBe("approve");
    }
  });

  it("gives the failures a suite can absorb, and the gate agrees", () => {
    const admin = resolveProfile("admin", defaultConfig);
    const plan = planSuite(admin, { normal: 300, edge: 50, malicious: 30 });
    const normal = plan.categories.find((category) => category.category === "normal");
    expect(normal?.failuresTolerated).toBeGreaterThan(0);
    const tolerated = normal?.failuresTolerated ?? 0;
    const at = (failures: number) =>
      evaluateGate(
        suiteResults({ normal: [300 - failures, failures], edge: [50, 0], malicious: [30, 0] }),
        admin,
      ).decision;
    expect(at(tolerated)).toBe("approve");
    expect(at(tolerated + 1)).not.toBe("approve");
  });

  it("reports a category that can never approve at its size", () => {
    const plan = planSuite(resolveProfile("standard", defaultConfig), defaultSuiteSizes);
    expect(plan.canApprove).toBe(false);
    expect(plan.categories.every((category) => category.failuresTolerated === -1)).toBe(true);
  });
});
