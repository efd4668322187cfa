/**
 * One category of a later trial round, decided by Wald's SPRT instead of a second look at the fixed-n
 * bound. H1, the failure rate the profile cannot accept, is p1 = 1 − threshold (reject, with
 * β = 1 − confidence); H0, a build comfortably inside the threshold, is p0 = p1 / 2 (accept, with
 * α = 5%). The test runs on every scenario of the category so far, the first round's included.
 */
import type { CategoryReport } from "../../contracts/gate-verdict.js";
import { percent } from "../../gate/percent.js";
import { type SprtPlan, sprtDecide } from "../../stats/sprt.js";
import { likelihoodSteps, logLikelihoodRatio } from "../../stats/sprt-plan.js";

/** The risk of rejecting a build that fails at p0: a wasted regeneration, not a defect shipped. */
export const sequentialAlpha = 0.05;

export function sequentialPlan(threshold: number, confidence: number): SprtPlan {
  const rejectableFailureRate = 1 - threshold;
  return {
    acceptableFailureRate: rejectableFailureRate / 2,
    rejectableFailureRate,
    alpha: sequentialAlpha,
    beta: 1 - confidence,
  };
}

/**
 * The category's report with its status, reason and further scenarios decided by the SPRT. The counts
 * and the fixed-n bounds of `report` stay as they are: they describe the evidence, not the decision.
 */
export function judgeSequentialCategory(report: CategoryReport, round: number): CategoryReport {
  const { threshold, confidence } = report;
  if (threshold === null || confidence === null) return report;
  if (report.zeroTolerance && report.failed > 0) {
    return {
      ...report,
      status: "fail",
      additionalScenariosNeeded: null,
      reason: `round ${round}: ${report.failed} failed; this category tolerates no failure`,
    };
  }
  const plan = sequentialPlan(threshold, confidence);
  const evidence = { trials: report.scenarios, failures: report.failed };
  const outcome = sprtDecide(plan, evidence);
  const test =
    `round ${round}, Wald's sequential test on all ${report.scenarios} scenarios so far ` +
    `(${report.failed} failed), failure rate ${percent(plan.acceptableFailureRate)} (accept) ` +
    `against ${percent(plan.rejectableFailureRate)} (reject), α ${percent(plan.alpha)}, ` +
    `β ${percent(plan.beta)}`;
  switch (outcome.decision) {
    case "accept":
      return {
        ...report,
        status: "pass",
        additionalScenariosNeeded: null,
        reason:
          `${test}: accepted; a build failing at the ${percent(threshold)} threshold passes ` +
          `this test with probability at most ${percent(plan.beta / (1 - plan.alpha))}`,
      };
    case "reject":
      return {
        ...report,
        status: "fail",
        additionalScenariosNeeded: null,
        reason: `${test}: rejected; the failures point to a pass rate below ${percent(threshold)}`,
      };
    case "continue": {
      const needed = passesToAccept(plan, evidence);
      const expected = expectedScenariosToAccept(plan, evidence);
      return {
        ...report,
        status: "inconclusive",
        additionalScenariosNeeded: needed,
        reason:
          `${test}: not decided yet; ${needed} more passing scenarios would accept, and a build ` +
          `failing at ${percent(plan.acceptableFailureRate)} needs about ${expected} more on average`,
      };
    }
  }
}

/** Further scenarios, all passing, after which the test accepts with the failures already seen. */
export function passesToAccept(
  plan: SprtPlan,
  evidence: { trials: number; failures: number },
): number {
  const steps = likelihoodSteps(plan);
  const ratio = logLikelihoodRatio(steps, evidence.trials, evidence.failures);
  if (ratio <= steps.logLower) return 0;
  let passes = Math.ceil((ratio - steps.logLower) / steps.passStep);
  // Rounding can put the estimate one off; settle it with the comparison sprtDecide makes.
  const accepts = (more: number) =>
    logLikelihoodRatio(steps, evidence.trials + more, evidence.failures) <= steps.logLower;
  while (!accepts(passes)) passes += 1;
  while (passes > 1 && accepts(passes - 1)) passes -= 1;
  return passes;
}

/**
 * Further scenarios a build failing at exactly p0 needs, on average, before the test accepts it: the
 * distance from the log-likelihood ratio to the accept boundary over the ratio's drift per scenario
 * at p0 (Wald's approximation, ignoring the overshoot). Sizing a round by this, rather than by the
 * all-passing count, is what lets a good but imperfect build be decided within a few rounds.
 */
export function expectedScenariosToAccept(
  plan: SprtPlan,
  evidence: { trials: number; failures: number },
): number {
  const steps = likelihoodSteps(plan);
  const ratio = logLikelihoodRatio(steps, evidence.trials, evidence.failures);
  if (ratio <= steps.logLower) return 0;
  const acceptable = plan.acceptableFailureRate;
  const drift = acceptable * steps.failureStep - (1 - acceptable) * steps.passStep;
  return Math.ceil((ratio - steps.logLower) / -drift);
}
