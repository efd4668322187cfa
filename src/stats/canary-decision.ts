/**
 * The canary rule: after each round of probes against the canary and the stable release, promote the
 * canary, revert it, or probe another round. The canary is judged by the monitor's SLO test on its own
 * probes (breach → revert, healthy → promote) and compared with the stable release by a sequential test
 * on the conditional binomial: given a failed (or slow) probe in either release, the chance that it is
 * the canary's is its share of the probes if both fail alike (H0), and that share's odds times
 * breachFactor if the canary fails breachFactor times as often (H1). A canary not shown good enough in
 * maxRounds rounds is reverted. ADR 0008 has the design, its guarantees and the measured error rates.
 */

import { requireInteger } from "./arguments.js";
import {
  percent,
  type SloDecision,
  type SloEvidence,
  type SloTestPlan,
  sloDecision,
  validateSloEvidence,
  validateSloTestPlan,
} from "./slo-test.js";
import { type SprtOutcome, sprtDecide } from "./sprt.js";

export type CanaryVerdict = "promote" | "revert" | "continue";

/** The canary against the stable release: "reject" means the canary is clearly worse. */
export interface CanaryComparison {
  /** On the failed probes of both releases. */
  errors: SprtOutcome;
  /** On the probes slower than the SLO's p95 latency. */
  latency: SprtOutcome;
}

export interface CanaryDecision {
  decision: CanaryVerdict;
  /** One sentence a person reads. */
  reason: string;
  /** The SLO test on the canary's probes. */
  canary: SloDecision;
  /** The SLO test on the stable release's probes, for the record (the monitor acts on the stable). */
  stable: SloDecision;
  comparison: CanaryComparison;
}

export interface CanaryEvidence {
  canary: SloEvidence;
  stable: SloEvidence;
}

/**
 * Decides after `round` (1, 2, …) rounds; the evidence is every probe of the canary so far. Reverting
 * wins over promoting: a canary clearly worse than the stable release is reverted even when it keeps
 * the SLO.
 */
export function canaryDecision(
  plan: SloTestPlan,
  evidence: CanaryEvidence,
  round: number,
  maxRounds: number,
): CanaryDecision {
  validateSloTestPlan(plan);
  validateSloEvidence(evidence.canary, "canary");
  validateSloEvidence(evidence.stable, "stable");
  requireInteger(maxRounds, "maxRounds", 1);
  requireInteger(round, "round", 1);
  const canary = sloDecision(plan, evidence.canary);
  const stable = sloDecision(plan, evidence.stable);
  const comparison = compareWithStable(plan, evidence);
  const judged = { canary, stable, comparison };
  if (canary.decision === "breach") {
    return {
      decision: "revert",
      reason: `the canary breaches its SLO: ${canary.reason}`,
      ...judged,
    };
  }
  const worse = worseThanStable(plan, evidence, comparison);
  if (worse !== undefined) return { decision: "revert", reason: worse, ...judged };
  if (canary.decision === "healthy") {
    return {
      decision: "promote",
      reason: `the canary keeps its SLO and is not worse than the stable release: ${canary.reason}`,
      ...judged,
    };
  }
  if (round >= maxRounds) {
    const rounds = `${maxRounds} ${maxRounds === 1 ? "round" : "rounds"}`;
    return {
      decision: "revert",
      reason: `the canary was not shown good enough in ${rounds}: ${canary.reason}`,
      ...judged,
    };
  }
  return { decision: "continue", reason: canary.reason, ...judged };
}

export function compareWithStable(plan: SloTestPlan, evidence: CanaryEvidence): CanaryComparison {
  const { canary, stable } = evidence;
  return {
    errors: conditionalSprt(plan, canary.probes, canary.failures, stable.probes, stable.failures),
    latency: conditionalSprt(plan, canary.probes, canary.slow, stable.probes, stable.slow),
  };
}

/**
 * Wald's SPRT on the events (failures or slow probes) of both releases: each event is a trial that
 * "fails" when it is the canary's. With as many probes per release, H0 is 1/2 and H1
 * breachFactor / (1 + breachFactor). Half of alpha each, like the SLO test's two sides.
 */
function conditionalSprt(
  plan: SloTestPlan,
  canaryProbes: number,
  canaryEvents: number,
  stableProbes: number,
  stableEvents: number,
): SprtOutcome {
  if (canaryProbes === 0 || stableProbes === 0) {
    return { decision: "continue", logLikelihoodRatio: 0 };
  }
  const neutralShare = canaryProbes / (canaryProbes + stableProbes);
  const worseOdds = (plan.breachFactor * neutralShare) / (1 - neutralShare);
  return sprtDecide(
    {
      acceptableFailureRate: neutralShare,
      rejectableFailureRate: worseOdds / (1 + worseOdds),
      alpha: plan.alpha / 2,
      beta: plan.beta,
    },
    { trials: canaryEvents + stableEvents, failures: canaryEvents },
  );
}

function worseThanStable(
  plan: SloTestPlan,
  evidence: CanaryEvidence,
  comparison: CanaryComparison,
): string | undefined {
  const { canary, stable } = evidence;
  const risks = `(sequential comparison, α ${percent(plan.alpha)}, β ${percent(plan.beta)})`;
  const findings: string[] = [];
  if (comparison.errors.decision === "reject") {
    findings.push(
      `the canary failed ${canary.failures} of its ${canary.probes} probes against ${stable.failures} of ${stable.probes} for the stable release: it fails clearly more often`,
    );
  }
  if (comparison.latency.decision === "reject") {
    findings.push(
      `${canary.slow} of the canary's ${canary.probes} probes were slower than ${plan.p95LatencyMs} ms against ${stable.slow} of ${stable.probes} for the stable release: it is clearly slower`,
    );
  }
  if (findings.length === 0) return undefined;
  return `${findings.join("; ")} ${risks}`;
}
