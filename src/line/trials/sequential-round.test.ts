import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { GateVerdict } from "../../contracts/gate-verdict.js";
import type { QualityProfile } from "../../contracts/quality-profile.js";
import type { Suite } from "../../contracts/scenario.js";
import type { Spec } from "../../contracts/spec.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { builtInProfiles } from "../../gate/built-in-profiles.js";
import { evaluateGate } from "../../gate/evaluate-gate.js";
import { loadSpec } from "../../requirements/load-spec.js";
import { generateSuite } from "../../scenarios/generate/generate-suite.js";
import { scenarioKey } from "../../scenarios/generate/scenario-identity.js";
import { expectedScenariosToAccept, sequentialPlan } from "./sequential-category.js";
import { extendSuiteForRound, judgeBuild, scenariosWanted } from "./sequential-round.js";

const admin = adminProfile();

function adminProfile(): QualityProfile {
  const profile = builtInProfiles.find((candidate) => candidate.name === "admin");
  if (profile === undefined) throw new Error("the admin profile is built in");
  return profile;
}
const specPath = fileURLToPath(new URL("../../../examples/todo-api/spec.md", import.meta.url));

let spec: Spec;
let suite: Suite;
let verdict: GateVerdict;

/** Every scenario passes except one normal: normal is inconclusive, edge and malicious are not. */
function resultsOf(scenarios: Suite["scenarios"]): TrialResult[] {
  let failedOne = false;
  return scenarios.map((scenario) => {
    const fails = scenario.category === "normal" && !failedOne;
    failedOne ||= fails;
    return { scenario: scenario.id, category: scenario.category, pass: !fails, durationMs: 1 };
  });
}

beforeAll(async () => {
  spec = await loadSpec(specPath);
  const generated = generateSuite(spec, {
    seed: 1,
    counts: { normal: 40, edge: 50, malicious: 30 },
  });
  suite = { header: generated.header, scenarios: generated.scenarios, folder: "/suites/todo-api" };
  verdict = evaluateGate(resultsOf(suite.scenarios), admin);
});

describe("scenariosWanted", () => {
  it("asks only for inconclusive categories, as many as the sequential test needs on average", () => {
    expect(verdict.categories.map((report) => report.status)).toEqual([
      "inconclusive",
      "pass",
      "pass",
    ]);
    const expected = expectedScenariosToAccept(sequentialPlan(0.95, 0.95), {
      trials: 40,
      failures: 1,
    });
    expect(scenariosWanted(verdict)).toEqual({ normal: expected, edge: 0, malicious: 0 });
    expect(expected).toBeGreaterThan(verdict.categories[0]?.additionalScenariosNeeded ?? 0);
  });

  it("asks for at least the minimum and at least the verdict's own figure", () => {
    const inflated: GateVerdict = {
      ...verdict,
      categories: verdict.categories.map((report) =>
        report.category === "normal" ? { ...report, additionalScenariosNeeded: 5000 } : report,
      ),
    };
    expect(scenariosWanted(inflated).normal).toBe(5000);
    expect(scenariosWanted(verdict, 1000).normal).toBe(1000);
  });
});

describe("extendSuiteForRound", () => {
  it("adds new, distinct scenarios to the inconclusive categories only", () => {
    const extended = extendSuiteForRound(spec, suite, verdict, { seed: 7, round: 2 });
    const wanted = scenariosWanted(verdict);
    expect(extended.added).toEqual(wanted);
    expect(extended.scenarios.slice(0, suite.scenarios.length)).toEqual(suite.scenarios);
    const fresh = extended.scenarios.slice(suite.scenarios.length);
    expect(fresh).toHaveLength(wanted.normal);
    expect(fresh.every((scenario) => scenario.category === "normal")).toBe(true);
    const keys = extended.scenarios.map(scenarioKey);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = extended.scenarios.map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(extended.header.generated?.generators[0]).toBe("offline");
    expect(extended.header.generated?.generators.slice(1)).not.toEqual([]);
    expect(extended.header.generated?.generators.slice(1)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^offline:seed=-?\d+$/)]),
    );
  });

  it("is deterministic, and another round draws other scenarios", () => {
    const options = { seed: 7, round: 2 };
    const once = extendSuiteForRound(spec, suite, verdict, options);
    expect(extendSuiteForRound(spec, suite, verdict, options)).toEqual(once);
    const later = extendSuiteForRound(spec, suite, verdict, { seed: 7, round: 3 });
    const firstNew = once.scenarios.slice(suite.scenarios.length).map(scenarioKey);
    const laterNew = later.scenarios.slice(suite.scenarios.length).map(scenarioKey);
    expect(laterNew).not.toEqual(firstNew);
  });

  it("adds nothing when no category is inconclusive, or when the spec has no model", () => {
    const approved = evaluateGate(
      suite.scenarios.map((scenario) => ({
        scenario: scenario.id,
        category: scenario.category,
        pass: true,
        durationMs: 1,
      })),
      { ...admin, categories: { edge: { threshold: 0.9, zeroTolerance: false } } },
    );
    const none = extendSuiteForRound(spec, suite, approved, { seed: 7, round: 2 });
    expect(none.added).toEqual({ normal: 0, edge: 0, malicious: 0 });
    expect(none.scenarios).toEqual(suite.scenarios);
    const { model: _model, ...withoutModel } = spec;
    const unmodelled = extendSuiteForRound(withoutModel, suite, verdict, { seed: 7, round: 2 });
    expect(unmodelled.added).toEqual({ normal: 0, edge: 0, malicious: 0 });
    expect(unmodelled.header).toEqual(suite.header);
  });

  it("feeds the next round's gate: judgeBuild is exported alongside", () => {
    expect(judgeBuild(resultsOf(suite.scenarios), admin, 1)).toEqual(verdict);
  });
});
