/**
 * The honest bound on the line's gate for one category: the chance that a build failing exactly at the
 * threshold rate is approved by the whole procedure, a fixed-n look at round 1 followed by SPRT looks in
 * later rounds. By the union bound it is at most the fixed-n look's chance (exact, from the binomial
 * distribution) plus the SPRT's chance of ever accepting, which Ville's inequality caps at β / (1 − α)
 * however many looks there are (ADR 0007).
 */
import { binomialCumulative } from "../../stats/binomial-distribution.js";
import { binomialInterval, type IntervalMethod } from "../../stats/binomial-interval.js";
import { sequentialPlan } from "./sequential-category.js";

export interface CategoryGate {
  threshold: number;
  confidence: number;
  method: IntervalMethod;
  zeroTolerance?: boolean;
  /** Scenarios of the category in round 1. */
  scenarios: number;
}

export interface ApprovalBound {
  /** P(the round-1 bound clears the threshold) for a build failing at 1 − threshold. */
  firstLook: number;
  /** β / (1 − α): the most the sequential rounds can add. */
  sequentialLooks: number;
  total: number;
}

export function approvalBoundAtThreshold(gate: CategoryGate): ApprovalBound {
  const plan = sequentialPlan(gate.threshold, gate.confidence);
  const failuresAllowed = Math.min(
    mostFailuresThatPass(gate),
    gate.zeroTolerance ? 0 : gate.scenarios,
  );
  const firstLook =
    failuresAllowed < 0
      ? 0
      : binomialCumulative(failuresAllowed, gate.scenarios, plan.rejectableFailureRate);
  const sequentialLooks = plan.beta / (1 - plan.alpha);
  return { firstLook, sequentialLooks, total: Math.min(firstLook + sequentialLooks, 1) };
}

/** The most failed scenarios with which the fixed-n lower bound still clears the threshold; -1 if none. */
function mostFailuresThatPass(gate: CategoryGate): number {
  let failures = -1;
  while (failures + 1 <= gate.scenarios) {
    const { lower } = binomialInterval({
      successes: gate.scenarios - (failures + 1),
      trials: gate.scenarios,
      confidence: gate.confidence,
      method: gate.method,
      side: "lower",
    });
    if (lower < gate.threshold) break;
    failures += 1;
  }
  return failures;
}
