/**
 * The whole sequential procedure by simulation (seeded): the admin profile, the default suite of
 * 100/50/30, round 1 judged at a fixed n, then up to maxTrialRounds − 1 rounds sized by
 * scenariosWanted and judged by the SPRT. Builds fail each scenario independently at a set rate per
 * category. ADR 0007 documents the bound checked here and the figures measured.
 */
import { describe, expect, it } from "vitest";
import type { GateDecision, GateVerdict } from "../../contracts/gate-verdict.js";
import type { QualityProfile } from "../../contracts/quality-profile.js";
import { type ScenarioCategory, scenarioCategories } from "../../contracts/scenario-category.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { builtInProfiles, defaultSuiteSizes } from "../../gate/built-in-profiles.js";
import { binomialInterval } from "../../stats/binomial-interval.js";
import { type RandomSource, seededRandom } from "../../stats/random.js";
import { judgeBuild } from "./judge-build.js";
import { approvalBoundAtThreshold } from "./sequential-bound.js";
import { scenariosWanted } from "./sequential-round.js";

const admin = adminProfile();

function adminProfile(): QualityProfile {
  const profile = builtInProfiles.find((candidate) => candidate.name === "admin");
  if (profile === undefined) throw new Error("the admin profile is built in");
  return profile;
}
const runs = 2000;

type Outcome = GateDecision | "escalated";

function thresholdOf(category: ScenarioCategory): number {
  const policy = admin.categories[category];
  if (policy === undefined) throw new Error(`admin does not gate ${category}`);
  return policy.threshold;
}

/** One work item's build through every round; "escalated" when the rounds run out undecided. */
function simulateBuild(
  failureRates: Partial<Record<ScenarioCategory, number>>,
  random: RandomSource,
): Outcome {
  const results: TrialResult[] = [];
  const addScenarios = (category: ScenarioCategory, count: number) => {
    for (let index = 0; index < count; index += 1) {
      const pass = random() >= (failureRates[category] ?? 0);
      results.push({ scenario: `s${results.length}`, category, pass, durationMs: 1 });
    }
  };
  for (const category of scenarioCategories) addScenarios(category, defaultSuiteSizes[category]);
  let previous: GateVerdict | undefined;
  for (let round = 1; round <= admin.maxTrialRounds; round += 1) {
    if (previous !== undefined) {
      const wanted = scenariosWanted(previous);
      for (const category of scenarioCategories) addScenarios(category, wanted[category]);
    }
    const verdict = judgeBuild(results, admin, round, previous);
    if (verdict.decision !== "more-trials") return verdict.decision;
    previous = verdict;
  }
  return "escalated";
}

function approvalRate(failureRates: Partial<Record<ScenarioCategory, number>>, seed: number) {
  const random = seededRandom(seed);
  let approved = 0;
  for (let run = 0; run < runs; run += 1) {
    if (simulateBuild(failureRates, random) === "approve") approved += 1;
  }
  const { upper } = binomialInterval({
    successes: approved,
    trials: runs,
    confidence: 0.99,
    method: "clopper-pearson",
    side: "upper",
  });
  return { rate: approved / runs, upper };
}

function boundFor(category: ScenarioCategory): number {
  return approvalBoundAtThreshold({
    threshold: thresholdOf(category),
    confidence: admin.confidence,
    method: "clopper-pearson",
    scenarios: defaultSuiteSizes[category],
  }).total;
}

// Thousands of simulated work items per test: seconds, more on a loaded machine.
describe("the line's sequential gate, simulated", { timeout: 120_000 }, () => {
  it.for(scenarioCategories)(
    "approves a build failing at the %s threshold rate no more often than the documented bound",
    (category) => {
      const measured = approvalRate({ [category]: 1 - thresholdOf(category) }, 11);
      // The 99% upper bound of the measured rate: sampling noise cannot make this pass by luck.
      expect(measured.upper).toBeLessThan(boundFor(category));
      // The bound is above a single look's 1 − confidence: the rounds do cost something.
      expect(boundFor(category)).toBeGreaterThan(0.05);
    },
  );

  it("almost never approves a build failing at the threshold rate in every category", () => {
    const measured = approvalRate(
      Object.fromEntries(
        scenarioCategories.map((category) => [category, 1 - thresholdOf(category)]),
      ),
      12,
    );
    expect(measured.upper).toBeLessThan(0.01);
  });

  it("approves most builds failing at half the threshold rate within three rounds", () => {
    const measured = approvalRate(
      Object.fromEntries(
        scenarioCategories.map((category) => [category, (1 - thresholdOf(category)) / 2]),
      ),
      13,
    );
    expect(measured.rate).toBeGreaterThan(0.5);
  });

  it("approves a flawless build in round 1", () => {
    expect(simulateBuild({}, seededRandom(14))).toBe("approve");
  });
});
