/**
 * What machine time costs: CPU-seconds and wall-seconds of trials, builds and probes, at configurable
 * dollars per hour. Defaults are stated assumptions, meant to be replaced with the user's own bill: a
 * cloud vCPU-hour for trials and probes, a hosted CI runner's minute (billed by wall time) for builds and
 * deploys (the time from a release's start to its switch, smoke sample and canary included).
 */
import type {
  CostCategory,
  MachineRate,
  MachineWork,
  RatesConfig,
} from "../contracts/cost-event.js";
import { microUsdPerUsd } from "../contracts/cost-event.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import { add, divide, exactDecimal, exactInteger, multiply, roundHalfUp } from "./exact-amount.js";

export const defaultMachineRates: Readonly<Record<MachineWork, MachineRate>> = {
  trial: { cpuHourUsd: 0.05, wallHourUsd: 0 },
  build: { cpuHourUsd: 0, wallHourUsd: 0.48 },
  probe: { cpuHourUsd: 0.05, wallHourUsd: 0 },
  deploy: { cpuHourUsd: 0, wallHourUsd: 0.48 },
};

export const categoryOfMachineWork: Readonly<Record<MachineWork, CostCategory>> = {
  trial: "testing",
  build: "ci",
  probe: "monitoring",
  deploy: "ci",
};

export function machineRate(work: MachineWork, rates: RatesConfig | undefined): MachineRate {
  return rates?.[work] ?? defaultMachineRates[work];
}

export interface MachineTime {
  cpuSeconds: number;
  wallSeconds: number;
}

/** seconds × dollars per hour × 10⁶ / 3600, exactly, rounded half up to whole micro-dollars. */
export function machineCostMicroUsd(time: MachineTime, rate: MachineRate): number {
  const secondsPerHour = exactInteger(3600);
  const microDollars = exactInteger(microUsdPerUsd);
  const term = (seconds: number, usdPerHour: number, field: string) =>
    divide(
      multiply(
        exactDecimal(seconds, field),
        exactDecimal(usdPerHour, `${field} rate`),
        microDollars,
      ),
      secondsPerHour,
    );
  if (!Number.isFinite(time.cpuSeconds) || !Number.isFinite(time.wallSeconds)) {
    throw new InvalidArgumentError("cpuSeconds and wallSeconds must be finite numbers", "seconds");
  }
  return roundHalfUp(
    add(
      term(time.cpuSeconds, rate.cpuHourUsd, "cpuSeconds"),
      term(time.wallSeconds, rate.wallHourUsd, "wallSeconds"),
    ),
  );
}
