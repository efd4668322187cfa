/**
 * Calibrating the gate with injected faults: for builds each carrying the faults put into them and the
 * gate's decision on them, how many faults of each kind the gate caught. A fault is caught when the
 * gate did not approve its build: rejected outright (`regenerate`) or held back (`more-trials`). A gate
 * that approves builds with known faults is more lenient than its profile says, for the suite it ran.
 */
import type { InjectedFault } from "../../contracts/agent-run.js";
import type { GateDecision } from "../../contracts/gate-verdict.js";
import { faultKinds } from "./fault-candidate.js";

export interface CalibrationBuild {
  injectedFaults: readonly InjectedFault[];
  decision: GateDecision;
}

export interface KindCalibration {
  kind: string;
  injected: number;
  /** Not approved: rejected or held for more trials. */
  caught: number;
  /** Of those caught, rejected outright. */
  rejected: number;
}

export interface GateCalibration {
  /** The four kinds in their order, then any other kind met, by name. */
  kinds: KindCalibration[];
  injected: number;
  caught: number;
  /** Builds that got no fault, and how many of them the gate did not approve anyway. */
  cleanBuilds: number;
  cleanBuildsNotApproved: number;
}

export function calibrateGate(builds: readonly CalibrationBuild[]): GateCalibration {
  const byKind = new Map<string, KindCalibration>(
    faultKinds.map((kind) => [kind, { kind, injected: 0, caught: 0, rejected: 0 }]),
  );
  let cleanBuilds = 0;
  let cleanBuildsNotApproved = 0;
  for (const build of builds) {
    const approved = build.decision === "approve";
    if (build.injectedFaults.length === 0) {
      cleanBuilds++;
      if (!approved) cleanBuildsNotApproved++;
    }
    for (const fault of build.injectedFaults) {
      const counts = byKind.get(fault.kind) ?? {
        kind: fault.kind,
        injected: 0,
        caught: 0,
        rejected: 0,
      };
      counts.injected++;
      if (!approved) counts.caught++;
      if (build.decision === "regenerate") counts.rejected++;
      byKind.set(fault.kind, counts);
    }
  }
  const others = [...byKind.keys()].filter(
    (kind) => !(faultKinds as readonly string[]).includes(kind),
  );
  const kinds = [...faultKinds, ...others.sort()].flatMap((kind) => byKind.get(kind) ?? []);
  return {
    kinds,
    injected: kinds.reduce((sum, each) => sum + each.injected, 0),
    caught: kinds.reduce((sum, each) => sum + each.caught, 0),
    cleanBuilds,
    cleanBuildsNotApproved,
  };
}
