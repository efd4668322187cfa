/**
 * One category's verdict. With `mode: bound` (the default) the category passes when the one-sided lower
 * confidence bound of its scenario pass rate clears the threshold, fails when the upper bound is below it,
 * and is inconclusive in between; then the planner says how many more scenarios, all passing, would settle
 * it. `mode: point` compares the raw rate and is never inconclusive: it exists only when asked for.
 */
import type {
  CategoryPolicy,
  CategoryReport,
  LatencySummary,
  QualityProfile,
  ScenarioCategory,
} from "../contracts/index.js";
import { binomialInterval, trialsToDemonstrate } from "../stats/index.js";
import { percent } from "./percent.js";
import type { ScenarioOutcome } from "./scenario-outcomes.js";

export interface CategoryEvidence {
  category: ScenarioCategory;
  outcomes: readonly ScenarioOutcome[];
  latency: LatencySummary;
}

export function evaluateCategory(
  evidence: CategoryEvidence,
  profile: QualityProfile,
): CategoryReport {
  const { category, outcomes, latency } = evidence;
  const scenarios = outcomes.length;
  const passed = outcomes.filter((outcome) => outcome.pass).length;
  const failed = scenarios - passed;
  const trials = outcomes.reduce((sum, outcome) => sum + outcome.trials, 0);
  const policy = profile.categories[category];
  const confidence = policy ? (policy.confidence ?? profile.confidence) : profile.confidence;
  const bounds = scenarios === 0 ? null : oneSidedBounds(passed, scenarios, confidence, profile);
  const base = {
    category,
    scenarios,
    passed,
    failed,
    trials,
    passRate: scenarios === 0 ? null : passed / scenarios,
    lowerBound: bounds?.lower ?? null,
    upperBound: bounds?.upper ?? null,
    threshold: policy?.threshold ?? null,
    confidence: policy ? confidence : null,
    zeroTolerance: policy?.zeroTolerance ?? false,
    latency,
  };
  if (!policy) {
    return {
      ...base,
      status: "not-gated",
      additionalScenariosNeeded: null,
      reason: "not gated by this profile",
    };
  }
  return { ...base, ...judge(base, policy, confidence, profile) };
}

type Judgement = Pick<CategoryReport, "status" | "additionalScenariosNeeded" | "reason">;

function judge(
  report: Pick<
    CategoryReport,
    "scenarios" | "passed" | "failed" | "lowerBound" | "upperBound" | "passRate"
  >,
  policy: CategoryPolicy,
  confidence: number,
  profile: QualityProfile,
): Judgement {
  const threshold = policy.threshold;
  const wanted = `${percent(threshold)} at ${percent(confidence)} confidence`;
  if (policy.zeroTolerance && report.failed > 0) {
    return {
      status: "fail",
      additionalScenariosNeeded: null,
      reason: `${report.failed} failed; this category tolerates no failure`,
    };
  }
  const needed = () => neededScenarios(report, threshold, confidence);
  if (report.scenarios === 0) {
    return {
      status: "inconclusive",
      additionalScenariosNeeded: needed(),
      reason: `no scenarios; ${wanted} needs evidence`,
    };
  }
  if (profile.mode === "point") {
    const rate = report.passRate ?? 0;
    return rate >= threshold
      ? {
          status: "pass",
          additionalScenariosNeeded: null,
          reason: `raw rate ${percent(rate)} ≥ ${percent(threshold)} (point mode: no confidence bound)`,
        }
      : {
          status: "fail",
          additionalScenariosNeeded: null,
          reason: `raw rate ${percent(rate)} < ${percent(threshold)} (point mode)`,
        };
  }
  const lower = report.lowerBound ?? 0;
  const upper = report.upperBound ?? 1;
  if (lower >= threshold) {
    return {
      status: "pass",
      additionalScenariosNeeded: null,
      reason: `lower bound ${percent(lower)} clears ${wanted}`,
    };
  }
  if (upper < threshold) {
    return {
      status: "fail",
      additionalScenariosNeeded: null,
      reason: `upper bound ${percent(upper)} is below ${percent(threshold)}: the build is worse than required`,
    };
  }
  return {
    status: "inconclusive",
    additionalScenariosNeeded: needed(),
    reason: `${percent(lower)}–${percent(upper)} straddles ${percent(threshold)}: not enough evidence`,
  };
}

/** Further scenarios, all passing, after which the lower bound clears the threshold. */
function neededScenarios(
  report: Pick<CategoryReport, "scenarios" | "failed">,
  threshold: number,
  confidence: number,
): number {
  const total = trialsToDemonstrate({
    passRate: threshold,
    confidence,
    failuresAllowed: report.failed,
  });
  return Math.max(total - report.scenarios, 0);
}

function oneSidedBounds(
  passed: number,
  scenarios: number,
  confidence: number,
  profile: QualityProfile,
) {
  const request = { successes: passed, trials: scenarios, confidence, method: profile.method };
  return {
    lower: binomialInterval({ ...request, side: "lower" }).lower,
    upper: binomialInterval({ ...request, side: "upper" }).upper,
  };
}
