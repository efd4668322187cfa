/**
 * What a monitor cycle's probes of one release cost: their machine time as a charge to the ledger's
 * `monitoring` category, priced by the ledger at the `probe` machine rate of the config (as trials are
 * charged at the `trial` rate to `testing`). Labelled with the release's work item, so the economics of
 * a change include what watching it in production cost, and with the probe round as the run.
 */

import type { RatesConfig } from "../contracts/cost-event.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import { machineCostMicroUsd, machineRate } from "../ledger/machine-rates.js";
import type { MachineCharge } from "../ledger/price-charge.js";
import { requireInteger } from "../stats/arguments.js";

export interface ProbeChargeRequest {
  cpuSeconds: number;
  wallSeconds: number;
  labels: {
    /** The work item the release was built for. */
    workItem: string;
    release: string;
    /** The monitor cycle: one probe round, one run. */
    cycle: number;
  };
}

/** The charge of one probe round; none when it took no machine time at all (nothing was probed). */
export function probeCharges(request: ProbeChargeRequest): MachineCharge[] {
  const { cpuSeconds, wallSeconds, labels } = request;
  requireSeconds(cpuSeconds, "cpuSeconds");
  requireSeconds(wallSeconds, "wallSeconds");
  requireInteger(labels.cycle, "cycle", 1);
  if (cpuSeconds === 0 && wallSeconds === 0) return [];
  return [
    {
      kind: "machine",
      work: "probe",
      category: "monitoring",
      cpuSeconds,
      wallSeconds,
      workItem: labels.workItem,
      station: "monitor",
      run: probeRunLabel(labels.release, labels.cycle),
    },
  ];
}

/** A probe's CPU time, reserved before a round runs (a stated assumption, as for trials). */
export const estimatedCpuSecondsPerProbe = 0.2;

/** What a round of `probes` probes is reserved at: never nothing, so a spent budget refuses it. */
export function probesEstimateMicroUsd(probes: number, rates: RatesConfig | undefined): number {
  requireInteger(probes, "probes", 0);
  const estimate = machineCostMicroUsd(
    { cpuSeconds: probes * estimatedCpuSecondsPerProbe, wallSeconds: 0 },
    machineRate("probe", rates),
  );
  return Math.max(estimate, 1);
}

/** The run label of a release's probe round, like `<build>.trials.<round>` for trials. */
export function probeRunLabel(release: string, cycle: number): string {
  return `${release}.probes.${cycle}`;
}

function requireSeconds(seconds: number, field: string): void {
  if (!(Number.isFinite(seconds) && seconds >= 0)) {
    throw new InvalidArgumentError(
      `${field} must be a number of seconds, 0 or more, got ${seconds}`,
      field,
    );
  }
}
