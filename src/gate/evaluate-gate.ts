/**
 * The gate: trial results and a quality profile in, a verdict out. `approve` when every gated category
 * clears its threshold, `regenerate` when any cannot (or broke zero tolerance), `more-trials` otherwise,
 * with the number of further scenarios the planner asks for.
 */
import {
  type CategoryReport,
  type ErrorClusterReport,
  type FlakyScenario,
  type GateDecision,
  type GateVerdict,
  type QualityProfile,
  scenarioCategories,
  type TrialResult,
} from "../contracts/index.js";
import { clusterErrors, latencySummary } from "../stats/index.js";
import { evaluateCategory } from "./evaluate-category.js";
import { scenarioOutcomes } from "./scenario-outcomes.js";

export interface GateOptions {
  /** Named in error messages, e.g. the results file. */
  source?: string;
}

export function evaluateGate(
  results: readonly TrialResult[],
  profile: QualityProfile,
  options: GateOptions = {},
): GateVerdict {
  const outcomes = scenarioOutcomes(results, options.source);
  const categories = scenarioCategories.map((category) =>
    evaluateCategory(
      {
        category,
        outcomes: outcomes.filter((outcome) => outcome.category === category),
        latency: latencySummary(
          results
            .filter((result) => result.category === category)
            .map((result) => result.durationMs),
        ),
      },
      profile,
    ),
  );
  const decision = decide(categories);
  const additional = categories.reduce(
    (sum, report) => sum + (report.additionalScenariosNeeded ?? 0),
    0,
  );
  return {
    decision,
    reason: explain(decision, categories),
    profile: profile.name,
    method: profile.method,
    mode: profile.mode,
    categories,
    latency: latencySummary(results.map((result) => result.durationMs)),
    errorClusters: errorClusters(results),
    flakyScenarios: outcomes
      .filter((outcome) => outcome.flaky)
      .map(
        ({ scenario, category, trials, passedTrials }): FlakyScenario => ({
          scenario,
          category,
          trials,
          passed: passedTrials,
        }),
      ),
    additionalScenariosNeeded: decision === "more-trials" ? additional : null,
  };
}

/** Any category that fails sends the build back; any that cannot tell yet asks for more trials. */
export function decide(categories: readonly CategoryReport[]): GateDecision {
  if (categories.some((report) => report.status === "fail")) return "regenerate";
  if (categories.some((report) => report.status === "inconclusive")) return "more-trials";
  return "approve";
}

function explain(decision: GateDecision, categories: readonly CategoryReport[]): string {
  const describe = (status: CategoryReport["status"]) =>
    categories
      .filter((report) => report.status === status)
      .map((report) => `${report.category}: ${report.reason}`)
      .join("; ");
  switch (decision) {
    case "approve":
      return "every gated category clears its threshold";
    case "regenerate":
      return describe("fail");
    case "more-trials": {
      const needed = categories
        .filter((report) => report.status === "inconclusive")
        .map((report) => `${report.additionalScenariosNeeded} more ${report.category}`)
        .join(", ");
      return `${describe("inconclusive")}; if they all pass, ${needed} scenarios would settle it`;
    }
  }
}

function errorClusters(results: readonly TrialResult[]): ErrorClusterReport[] {
  const failures = results.filter((result) => !result.pass);
  return clusterErrors(
    failures,
    (result) => result.error ?? "(failed without an error message)",
  ).map((cluster) => ({
    signature: cluster.signature,
    trials: cluster.count,
    scenarios: new Set(cluster.members.map((member) => member.scenario)).size,
    categories: scenarioCategories.filter((category) =>
      cluster.members.some((member) => member.category === category),
    ),
    example: {
      scenario: cluster.example.scenario,
      category: cluster.example.category,
      error: cluster.example.error ?? "(failed without an error message)",
    },
  }));
}
