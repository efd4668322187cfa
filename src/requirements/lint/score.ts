/**
 * The lint score, 0–100, from the findings: 100 minus each rule's weighted findings (error 15, warning
 * 5, info 1), each rule's deduction capped so that one habit (the same vague word ten times) cannot sink a
 * spec alone, then ceilings for what no amount of polish makes up for. The profile's intake minimum
 * turns the score into the decision. docs/requirements-lint.md explains the choices.
 */
import type { LintDecision, LintFinding, LintRuleId, LintSeverity } from "../../contracts/lint.js";

export const severityWeights: Record<LintSeverity, number> = { error: 15, warning: 5, info: 1 };

/** The most one rule can take off the score. */
export const ruleCaps: Record<LintRuleId, number> = {
  "missing-criteria": 15,
  "untestable-criterion": 25,
  "model-contradiction": 30,
  "missing-error-behaviour": 20,
  "unconstrained-field": 15,
  "vague-word": 20,
  "unmeasurable-quantity": 15,
  "weak-modal": 15,
  "passive-without-actor": 5,
  "undefined-term": 3,
  "llm-review": 20,
};

/** No criteria: nothing says when the software is done. */
export const noCriteriaCeiling = 40;
/** Criteria exist, but a test can check none of them. */
export const noTestableCriterionCeiling = 50;
/** The model and the text disagree: the build or its tests will be wrong; only `admin` (60) accepts. */
export const contradictionCeiling = 74;

export interface ScoreContext {
  criteriaCount: number;
}

export function lintScore(findings: readonly LintFinding[], context: ScoreContext): number {
  const deductions = new Map<LintRuleId, number>();
  for (const finding of findings) {
    const sum = (deductions.get(finding.rule) ?? 0) + severityWeights[finding.severity];
    deductions.set(finding.rule, Math.min(sum, ruleCaps[finding.rule]));
  }
  let score = 100 - [...deductions.values()].reduce((total, deduction) => total + deduction, 0);
  const count = (rule: LintRuleId) => findings.filter((finding) => finding.rule === rule).length;
  if (count("missing-criteria") > 0) score = Math.min(score, noCriteriaCeiling);
  if (context.criteriaCount > 0 && count("untestable-criterion") >= context.criteriaCount)
    score = Math.min(score, noTestableCriterionCeiling);
  if (count("model-contradiction") > 0) score = Math.min(score, contradictionCeiling);
  return Math.max(0, Math.round(score));
}

export function lintDecision(score: number, minimumScore: number): LintDecision {
  return score >= minimumScore ? "pass" : "clarify";
}
