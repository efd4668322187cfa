/**
 * The calibration report: what happened to each mutant of an approved build, and the figures a person
 * reads to know how far the gate can be trusted: the share of injected faults it caught, with a
 * two-sided 95% Clopper–Pearson interval, per fault kind, and the faults it missed. Mutants that got no
 * fault (no site of any kind in the build, or the injection failed) are listed apart and not counted.
 */

import { describeFault } from "../../agents/fault-injection/fault-injecting-agent.js";
import {
  calibrateGate,
  type KindCalibration,
} from "../../agents/fault-injection/gate-calibration.js";
import type { InjectedFault } from "../../contracts/agent-run.js";
import type { GateDecision } from "../../contracts/gate-verdict.js";
import { binomialInterval } from "../../stats/binomial-interval.js";

/** The interval's confidence: two-sided, so each bound errs with 2.5% at most. */
export const calibrationConfidence = 0.95;

interface MutantBase {
  /** 1..N, in the order they were made. */
  mutant: number;
  /** The fault wrapper's seed: the calibration's seed plus `mutant`. */
  seed: number;
  /** The mutant's branch, kept after its worktree is removed. */
  branch: string;
  commit?: string;
}

export interface InjectedMutant extends MutantBase {
  injected: true;
  fault: InjectedFault;
  /** The gate's decision on the mutant (round 1: the fixed-n gate). */
  decision: GateDecision;
  /** Not approved: rejected or held back for more trials. */
  caught: boolean;
  reason: string;
  trials: number;
  failedTrials: number;
  cpuSeconds: number;
  costMicroUsd: number;
}

export interface UninjectedMutant extends MutantBase {
  injected: false;
  /** Why it got no fault (the agent run's summary); it was not tested. */
  reason: string;
}

export type MutantOutcome = InjectedMutant | UninjectedMutant;

/** What was calibrated: the approved build, and the suite and profile that approved it. */
export interface CalibrationSubject {
  workItem: string;
  build: string;
  commit: string;
  /** `NAME@VERSION`. */
  suite: string;
  profile: string;
  seed: number;
  /** Mutants asked for. */
  mutants: number;
}

export interface CalibrationMiss {
  mutant: number;
  seed: number;
  branch: string;
  fault: InjectedFault;
  /** `flip-comparison at src/server.ts:42: flipped "a < b" to "a <= b"`. */
  description: string;
}

export interface CalibrationReport extends CalibrationSubject {
  /** Mutants that got a fault: the figures' denominator. */
  injected: number;
  caught: number;
  /** caught / injected; null when no fault could be injected. */
  share: number | null;
  /** Two-sided Clopper–Pearson; 0 to 1 when nothing was injected. */
  interval: { method: "clopper-pearson"; confidence: number; lower: number; upper: number };
  kinds: KindCalibration[];
  misses: CalibrationMiss[];
  notInjected: { mutant: number; seed: number; reason: string }[];
  outcomes: MutantOutcome[];
  trials: number;
  cpuSeconds: number;
  costMicroUsd: number;
  startedAt: string;
  endedAt: string;
}

export function summarizeCalibration(
  subject: CalibrationSubject,
  outcomes: readonly MutantOutcome[],
  times: { startedAt: string; endedAt: string },
): CalibrationReport {
  const injected = outcomes.filter((outcome) => outcome.injected);
  const calibration = calibrateGate(
    injected.map((outcome) => ({ injectedFaults: [outcome.fault], decision: outcome.decision })),
  );
  const interval =
    calibration.injected === 0
      ? { lower: 0, upper: 1 }
      : binomialInterval({
          successes: calibration.caught,
          trials: calibration.injected,
          confidence: calibrationConfidence,
          method: "clopper-pearson",
          side: "two-sided",
        });
  return {
    ...subject,
    injected: calibration.injected,
    caught: calibration.caught,
    share: calibration.injected === 0 ? null : calibration.caught / calibration.injected,
    interval: {
      method: "clopper-pearson",
      confidence: calibrationConfidence,
      lower: interval.lower,
      upper: interval.upper,
    },
    kinds: calibration.kinds,
    misses: injected
      .filter((outcome) => !outcome.caught)
      .map((outcome) => ({
        mutant: outcome.mutant,
        seed: outcome.seed,
        branch: outcome.branch,
        fault: outcome.fault,
        description: describeFault(outcome.fault),
      })),
    notInjected: outcomes.flatMap((outcome) =>
      outcome.injected
        ? []
        : [{ mutant: outcome.mutant, seed: outcome.seed, reason: outcome.reason }],
    ),
    outcomes: [...outcomes],
    trials: sum(injected.map((outcome) => outcome.trials)),
    cpuSeconds: sum(injected.map((outcome) => outcome.cpuSeconds)),
    costMicroUsd: sum(injected.map((outcome) => outcome.costMicroUsd)),
    ...times,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
