/**
 * Charging the stations' work to the ledger: an estimate is reserved before the work starts and settled
 * with the actual cost after. A job resumed after a crash finds the reservation it made before (same
 * run label, still open) and uses it, instead of holding the money twice. The estimates are stated
 * assumptions: a coding agent's run is reserved at $1 (the scaffold, which costs nothing, at nothing),
 * a trial at 0.2 CPU-seconds at the trial rate, a deploy at a minute of the deploy rate.
 */
import type { CostCategory, RatesConfig } from "../../contracts/cost-event.js";
import type { ReservationOutcome } from "../../ledger/ledger.js";
import { machineCostMicroUsd, machineRate } from "../../ledger/machine-rates.js";
import type { ReservationRequest } from "../../ledger/reservations.js";
import type { LineServices } from "./station-context.js";

/** A deploy's wall time (start, checks, switch), reserved before it starts. */
export const estimatedDeploySeconds = 60;

export function deployEstimateMicroUsd(rates: RatesConfig | undefined): number {
  const estimate = machineCostMicroUsd(
    { cpuSeconds: 0, wallSeconds: estimatedDeploySeconds },
    machineRate("deploy", rates),
  );
  return Math.max(estimate, 1);
}

/** A coding agent's run, reserved before it starts. */
export const estimatedAgentRunMicroUsd = 1_000_000;
/** A trial's CPU time, reserved before the trials run. */
export const estimatedCpuSecondsPerTrial = 0.2;

export function buildEstimateMicroUsd(agent: string): number {
  return agent === "scaffold" ? 0 : estimatedAgentRunMicroUsd;
}

export function trialsEstimateMicroUsd(trials: number, rates: RatesConfig | undefined): number {
  const estimate = machineCostMicroUsd(
    { cpuSeconds: trials * estimatedCpuSecondsPerTrial, wallSeconds: 0 },
    machineRate("trial", rates),
  );
  // Never nothing: a budget that is spent refuses even the cheapest trials.
  return Math.max(estimate, 1);
}

/** The open reservation of this run and category, else a new one (or the ledger's refusal). */
export async function reserveOnce(
  context: LineServices,
  request: ReservationRequest & { run: string; category: CostCategory },
): Promise<ReservationOutcome> {
  const open = await context.database
    .selectFrom("reservation")
    .selectAll()
    .where("run", "=", request.run)
    .where("category", "=", request.category)
    .where("state", "=", "open")
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (open === undefined) return context.ledger.reserve(request);
  return {
    granted: true,
    reservation: {
      id: open.id,
      category: request.category,
      amountMicroUsd: open.amount_micro_usd,
      createdAt: open.created_at,
      expiresAt: open.expires_at,
      day: "",
      run: request.run,
      ...(open.work_item === null ? {} : { workItem: open.work_item }),
      ...(open.station === null ? {} : { station: open.station }),
      ...(open.agent === null ? {} : { agent: open.agent }),
    },
  };
}

/** The reservations of a run still open (work that ended without settling, e.g. before a crash). */
export async function openReservationIds(
  context: LineServices,
  run: string,
  category: CostCategory,
): Promise<string[]> {
  const rows = await context.database
    .selectFrom("reservation")
    .select("id")
    .where("run", "=", run)
    .where("category", "=", category)
    .where("state", "in", ["open", "expired"])
    .execute();
  return rows.map((row) => row.id);
}
