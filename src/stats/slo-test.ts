/**
 * The monitor's SLO test: is a live release keeping its profile's SLO, judged on the probes replayed
 * against it? Two of Wald's sequential tests on the same window of probes, one on the share of failed
 * probes (H0: the SLO's error rate, H1: breachFactor times it) and one on the share of probes slower
 * than the SLO's p95 latency (H0: 5%, H1: breachFactor times 5%). Either rejecting is a breach; both
 * accepting says the release is healthy, and the monitor starts a new window. Each test gets half of
 * alpha so that a release sitting exactly at both of its SLO's limits is rolled back by one window with
 * at most alpha (ADR 0008 has the design and the measured error rates).
 */

import { InvalidArgumentError } from "../contracts/errors.js";
import type { SloPolicy } from "../contracts/quality-profile.js";
import type { MonitorConfig } from "../contracts/release.js";
import { requireInteger, requireOpenUnitInterval } from "./arguments.js";
import { type SprtOutcome, type SprtPlan, sprtDecide } from "./sprt.js";

export interface SloTestPlan {
  /** The failure rate of probes a healthy release stays under (the SLO's). */
  errorRate: number;
  /** A probe slower than this is slow; a healthy release has at most 5% slow probes. */
  p95LatencyMs: number;
  /** How many times the SLO's rates a release must reach to be caught with probability 1 − beta. */
  breachFactor: number;
  /** The chance that one window rolls back a release that keeps its SLO. */
  alpha: number;
  /** The chance that one window calls healthy a release at breachFactor times its SLO's rates. */
  beta: number;
}

/** The probes of one window: how many ran, how many failed, how many were slower than p95LatencyMs. */
export interface SloEvidence {
  probes: number;
  failures: number;
  slow: number;
}

export type SloVerdict = "healthy" | "watching" | "breach";

export interface SloDecision {
  decision: SloVerdict;
  /** The test on the share of failed probes. */
  errors: SprtOutcome;
  /** The test on the share of probes slower than p95LatencyMs. */
  latency: SprtOutcome;
  /** One sentence a person reads: what the probes showed and what the test concluded. */
  reason: string;
}

/** "p95 latency" means at most this share of requests is slower than it. */
export const slowShareAllowed = 0.05;

/** The plan of a profile's SLO under the monitor's settings. */
export function sloTestPlan(slo: SloPolicy, monitor: MonitorConfig): SloTestPlan {
  return {
    errorRate: slo.errorRate,
    p95LatencyMs: slo.p95LatencyMs,
    breachFactor: monitor.breachFactor,
    alpha: monitor.alpha,
    beta: monitor.beta,
  };
}

export function validateSloTestPlan(plan: SloTestPlan): void {
  requireOpenUnitInterval(plan.errorRate, "errorRate");
  requireOpenUnitInterval(plan.alpha, "alpha");
  requireOpenUnitInterval(plan.beta, "beta");
  if (!(Number.isFinite(plan.p95LatencyMs) && plan.p95LatencyMs > 0)) {
    throw new InvalidArgumentError(
      `p95LatencyMs must be a positive number of milliseconds, got ${plan.p95LatencyMs}`,
      "p95LatencyMs",
    );
  }
  if (!(Number.isFinite(plan.breachFactor) && plan.breachFactor > 1)) {
    throw new InvalidArgumentError(
      `breachFactor must be greater than 1, got ${plan.breachFactor}`,
      "breachFactor",
    );
  }
}

/**
 * The failure-rate test. H1 is breachFactor times the SLO's rate, capped halfway between the rate and
 * certainty so that it stays a probability above H0 for any rate and factor.
 */
export function errorRateSprtPlan(plan: SloTestPlan): SprtPlan {
  return {
    acceptableFailureRate: plan.errorRate,
    rejectableFailureRate: Math.min(plan.errorRate * plan.breachFactor, (1 + plan.errorRate) / 2),
    alpha: plan.alpha / 2,
    beta: plan.beta,
  };
}

/** The slow-share test: H0 5% of probes slower than p95LatencyMs, H1 breachFactor times that (≤ 50%). */
export function latencySprtPlan(plan: SloTestPlan): SprtPlan {
  return {
    acceptableFailureRate: slowShareAllowed,
    rejectableFailureRate: Math.min(slowShareAllowed * plan.breachFactor, 0.5),
    alpha: plan.alpha / 2,
    beta: plan.beta,
  };
}

export function validateSloEvidence(evidence: SloEvidence, field = "evidence"): void {
  requireInteger(evidence.probes, `${field}.probes`, 0);
  requireInteger(evidence.failures, `${field}.failures`, 0, evidence.probes);
  requireInteger(evidence.slow, `${field}.slow`, 0, evidence.probes);
}

export function sloDecision(plan: SloTestPlan, evidence: SloEvidence): SloDecision {
  validateSloTestPlan(plan);
  validateSloEvidence(evidence);
  const errors = sprtDecide(errorRateSprtPlan(plan), {
    trials: evidence.probes,
    failures: evidence.failures,
  });
  const latency = sprtDecide(latencySprtPlan(plan), {
    trials: evidence.probes,
    failures: evidence.slow,
  });
  const decision = verdictOf(errors, latency);
  return {
    decision,
    errors,
    latency,
    reason: reasonFor(decision, plan, evidence, errors, latency),
  };
}

function verdictOf(errors: SprtOutcome, latency: SprtOutcome): SloVerdict {
  if (errors.decision === "reject" || latency.decision === "reject") return "breach";
  if (errors.decision === "accept" && latency.decision === "accept") return "healthy";
  return "watching";
}

function reasonFor(
  decision: SloVerdict,
  plan: SloTestPlan,
  evidence: SloEvidence,
  errors: SprtOutcome,
  latency: SprtOutcome,
): string {
  const { probes, failures, slow } = evidence;
  const ofProbes = `of ${probes} ${probes === 1 ? "probe" : "probes"}`;
  const slower = `slower than ${plan.p95LatencyMs} ms`;
  const risks = `(SPRT, α ${percent(plan.alpha)}, β ${percent(plan.beta)})`;
  const slo = `the SLO of ${percent(plan.errorRate)} errors and ${plan.p95LatencyMs} ms p95`;
  if (decision === "breach") {
    const breaches: string[] = [];
    if (errors.decision === "reject") {
      breaches.push(
        `${failures} ${ofProbes} failed: the failure rate is above the SLO's ${percent(plan.errorRate)}`,
      );
    }
    if (latency.decision === "reject") {
      breaches.push(
        `${slow} ${ofProbes} ${slow === 1 ? "was" : "were"} ${slower}: the p95 latency is above the SLO's ${plan.p95LatencyMs} ms`,
      );
    }
    return `${breaches.join("; ")} ${risks}`;
  }
  const observed = `${failures} ${ofProbes} failed and ${slow} ${slow === 1 ? "was" : "were"} ${slower}`;
  if (decision === "healthy") return `${observed}: the release keeps ${slo} ${risks}`;
  const open: string[] = [];
  if (errors.decision === "continue") open.push("its failure rate");
  if (latency.decision === "continue") open.push("its latency");
  return `${observed}: not enough probes yet to decide ${open.join(" and ")} against ${slo} ${risks}`;
}

/** 0.05 → "5%", 0.005 → "0.5%": three significant digits, no trailing zeros. */
export function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}
