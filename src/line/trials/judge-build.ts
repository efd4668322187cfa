/**
 * The gate of one build in the line, round by round. Round 1 is the fixed-n gate (evaluateGate). From
 * round 2 on, a category that was inconclusive is decided by Wald's SPRT on all its scenarios so far
 * (sequential-category.ts), never by looking at the fixed-n bound again: every extra look at that bound
 * would raise the chance of approving a bad build. ADR 0007 gives the bound on the whole procedure.
 */
import { InvalidArgumentError } from "../../contracts/errors.js";
import type { CategoryReport, GateDecision, GateVerdict } from "../../contracts/gate-verdict.js";
import type { QualityProfile } from "../../contracts/quality-profile.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { decide, evaluateGate } from "../../gate/evaluate-gate.js";
import { judgeSequentialCategory } from "./sequential-category.js";

/**
 * `previous` is the verdict of the round before (the build's stored verdict). A category it decided
 * (pass or fail) whose evidence has not changed since keeps that decision; without it, every gated
 * category of a later round is decided by the SPRT, which is safe but may ask for scenarios a category
 * that passed in round 1 did not need.
 */
export function judgeBuild(
  results: readonly TrialResult[],
  profile: QualityProfile,
  round: number,
  previous?: GateVerdict,
): GateVerdict {
  if (!Number.isInteger(round) || round < 1) {
    throw new InvalidArgumentError(`round must be a whole number from 1, got ${round}`, "round");
  }
  const fixed = evaluateGate(results, profile);
  if (round === 1) return fixed;
  const categories = fixed.categories.map((report) =>
    judgeLaterRound(report, round, previous?.categories),
  );
  const decision = decide(categories);
  return {
    ...fixed,
    decision,
    reason: explain(decision, categories, round),
    categories,
    additionalScenariosNeeded:
      decision === "more-trials"
        ? categories.reduce((sum, report) => sum + (report.additionalScenariosNeeded ?? 0), 0)
        : null,
  };
}

function judgeLaterRound(
  report: CategoryReport,
  round: number,
  earlierReports: readonly CategoryReport[] | undefined,
): CategoryReport {
  if (report.status === "not-gated") return report;
  const earlier = earlierReports?.find((candidate) => candidate.category === report.category);
  const decidedEarlier =
    earlier !== undefined &&
    (earlier.status === "pass" || earlier.status === "fail") &&
    earlier.scenarios === report.scenarios &&
    earlier.failed === report.failed;
  if (decidedEarlier) {
    return {
      ...report,
      status: earlier.status,
      additionalScenariosNeeded: null,
      reason: earlier.reason,
    };
  }
  return judgeSequentialCategory(report, round);
}

function explain(
  decision: GateDecision,
  categories: readonly CategoryReport[],
  round: number,
): string {
  const describe = (status: CategoryReport["status"]) =>
    categories
      .filter((report) => report.status === status)
      .map((report) => `${report.category}: ${report.reason}`)
      .join("; ");
  switch (decision) {
    case "approve":
      return `every gated category clears its threshold after round ${round}`;
    case "regenerate":
      return describe("fail");
    case "more-trials":
      return describe("inconclusive");
  }
}
