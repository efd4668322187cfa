/**
 * The requirements lint, deterministic: every rule over a spec, the findings in line order, the score
 * and the decision against the profile's intake minimum. Given the spec's Markdown, code spans are
 * masked exactly and findings point at the exact line of their words.
 */
import type { LintFinding, LintReport, LintSeverity } from "../../contracts/lint.js";
import type { Spec } from "../../contracts/spec.js";
import { criteriaFindings } from "./criteria-rules.js";
import { missingErrorBehaviour } from "./error-behaviour.js";
import { unconstrainedFields } from "./field-constraints.js";
import { modelContradictions } from "./model-contradictions.js";
import { lintDecision, lintScore } from "./score.js";
import { lintSentence } from "./sentence-rules.js";
import { readSpecText, type SpecText } from "./spec-text.js";
import { undefinedTerms } from "./undefined-terms.js";

export interface LintOptions {
  /** The profile's `intake.minimumScore`. */
  minimumScore: number;
  /** The spec's Markdown, when at hand: exact code masking and exact lines. */
  markdown?: string;
}

export function lintSpec(spec: Spec, options: LintOptions): LintReport {
  const text = readSpecText(spec, options.markdown);
  const findings = sortFindings([
    ...sentenceFindings(text),
    ...criteriaFindings(spec, text),
    ...missingErrorBehaviour(spec, text),
    ...unconstrainedFields(spec, text),
    ...modelContradictions(spec, text),
    ...undefinedTerms(spec, text),
  ]);
  return reportFor(spec, findings, options.minimumScore);
}

/** The report of a set of findings: the score, the decision. */
export function reportFor(
  spec: Spec,
  findings: readonly LintFinding[],
  minimumScore: number,
): LintReport {
  const score = lintScore(findings, { criteriaCount: spec.criteria.length });
  return {
    spec: spec.source,
    score,
    minimumScore,
    decision: lintDecision(score, minimumScore),
    findings: [...findings],
  };
}

function sentenceFindings(text: SpecText): LintFinding[] {
  return text.sentences.flatMap((sentence) =>
    lintSentence(sentence.text).map((finding) => ({
      ...finding,
      line: text.lineOf(finding.text, sentence.line),
    })),
  );
}

const severityOrder: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

/** By line, then severity; the same rule and words on one line are reported once. */
export function sortFindings(findings: readonly LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  return [...findings]
    .sort(
      (left, right) =>
        left.line - right.line || severityOrder[left.severity] - severityOrder[right.severity],
    )
    .filter((finding) => {
      const key = `${finding.line}\u0000${finding.rule}\u0000${finding.text.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
