/**
 * A small dispatcher that holds the budget: before it starts a job it reserves the job's estimated
 * cost; jobs run concurrently up to a limit; each settles its actual cost when it ends. When a
 * reservation is refused, no new job starts, but the jobs already running finish and settle. The line's
 * orchestrator will do the same at scale; this is its rule in a few lines, and its test.
 */
import { InvalidArgumentError } from "../contracts/errors.js";
import type { BudgetRefusal } from "./cap-check.js";
import type { ReservationOutcome, Settlement } from "./ledger.js";
import type { CostCharge } from "./price-charge.js";
import type { ReservationRequest } from "./reservations.js";

export interface BudgetedJob<Result> {
  id: string;
  estimate: ReservationRequest;
  /** Does the work and says what it actually cost. */
  run(): Promise<{ result: Result; charges: CostCharge[] }>;
}

/** The part of the ledger the dispatcher needs. */
export interface BudgetGate {
  reserve(request: ReservationRequest): Promise<ReservationOutcome>;
  settle(reservationId: string, charges: readonly CostCharge[]): Promise<Settlement>;
  release(reservationId: string): Promise<void>;
}

export interface DispatchReport<Result> {
  completed: { id: string; result: Result; settlement: Settlement }[];
  /** Jobs that threw: their reservation was released. */
  failed: { id: string; error: unknown }[];
  /** The refusal that stopped dispatching, and the job it refused. */
  refused?: { id: string; refusal: BudgetRefusal };
  /** Jobs never started, the refused one first. */
  notStarted: string[];
}

export async function dispatchWithinBudget<Result>(
  gate: BudgetGate,
  jobs: readonly BudgetedJob<Result>[],
  concurrency: number,
): Promise<DispatchReport<Result>> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidArgumentError(
      `concurrency must be 1 or more; got ${concurrency}`,
      "concurrency",
    );
  }
  const report: DispatchReport<Result> = { completed: [], failed: [], notStarted: [] };
  const running = new Set<Promise<void>>();
  for (const [index, job] of jobs.entries()) {
    while (running.size >= concurrency) await Promise.race(running);
    const outcome = await gate.reserve(job.estimate);
    if (!outcome.granted) {
      report.refused = { id: job.id, refusal: outcome.refusal };
      report.notStarted = jobs.slice(index).map((waiting) => waiting.id);
      break;
    }
    const task = runAndSettle(gate, job, outcome.reservation.id, report).finally(() => {
      running.delete(task);
    });
    running.add(task);
  }
  await Promise.all(running);
  return report;
}

async function runAndSettle<Result>(
  gate: BudgetGate,
  job: BudgetedJob<Result>,
  reservationId: string,
  report: DispatchReport<Result>,
): Promise<void> {
  let outcome: { result: Result; charges: CostCharge[] };
  try {
    outcome = await job.run();
  } catch (error) {
    await gate.release(reservationId);
    report.failed.push({ id: job.id, error });
    return;
  }
  const settlement = await gate.settle(reservationId, outcome.charges);
  report.completed.push({ id: job.id, result: outcome.result, settlement });
}
