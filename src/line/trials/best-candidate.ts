/**
 * Choosing among the candidates of one attempt (best-of-N line-ups): the approved build that wins, and,
 * when none is approved, the build whose gate feedback the next attempt gets. Both orders are total, so
 * the same verdicts always pick the same build.
 */
import type { GateVerdict } from "../../contracts/gate-verdict.js";

export interface GatedCandidate {
  build: string;
  verdict: GateVerdict;
  /** What building it cost, in micro-dollars: the cheaper of two equal builds wins. */
  costMicroUsd: number;
}

/**
 * Among approved candidates: the highest sum of lower bounds over the gated categories; then fewer
 * failed trials, then cheaper, then the lower build id. Undefined when none is approved.
 */
export function bestCandidate(candidates: readonly GatedCandidate[]): string | undefined {
  const approved = candidates.filter((candidate) => candidate.verdict.decision === "approve");
  return [...approved].sort(
    (first, second) =>
      lowerBoundSum(second.verdict) - lowerBoundSum(first.verdict) || tieBreak(first, second),
  )[0]?.build;
}

/**
 * Among candidates that were not approved, the closest to approval: fewest failing categories, then the
 * smallest total shortfall of the lower bounds below the thresholds, then the same tie-breaks. Its
 * verdict becomes the feedback of the next attempt. Undefined when there is none to learn from.
 */
export function feedbackCandidate(candidates: readonly GatedCandidate[]): string | undefined {
  const rejected = candidates.filter((candidate) => candidate.verdict.decision !== "approve");
  return [...rejected].sort(
    (first, second) =>
      failingCategories(first.verdict) - failingCategories(second.verdict) ||
      shortfall(first.verdict) - shortfall(second.verdict) ||
      tieBreak(first, second),
  )[0]?.build;
}

function gated(verdict: GateVerdict) {
  return verdict.categories.filter((report) => report.status !== "not-gated");
}

function lowerBoundSum(verdict: GateVerdict): number {
  return gated(verdict).reduce((sum, report) => sum + (report.lowerBound ?? 0), 0);
}

function failingCategories(verdict: GateVerdict): number {
  return gated(verdict).filter((report) => report.status === "fail").length;
}

function shortfall(verdict: GateVerdict): number {
  return gated(verdict).reduce(
    (sum, report) => sum + Math.max((report.threshold ?? 0) - (report.lowerBound ?? 0), 0),
    0,
  );
}

/** Every failed trial is in exactly one error cluster, so their sizes add up to the failed trials. */
function failedTrials(verdict: GateVerdict): number {
  return verdict.errorClusters.reduce((sum, cluster) => sum + cluster.trials, 0);
}

function tieBreak(first: GatedCandidate, second: GatedCandidate): number {
  return (
    failedTrials(first.verdict) - failedTrials(second.verdict) ||
    first.costMicroUsd - second.costMicroUsd ||
    compareIds(first.build, second.build)
  );
}

/** Build ids end in `.<attempt>.<candidate>`: compare numbers as numbers, so `.2` comes before `.10`. */
function compareIds(first: string, second: string): number {
  return first.localeCompare(second, "en", { numeric: true });
}
