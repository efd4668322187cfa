/**
 * The loop that works the line's queue in one process: per station with due jobs (the queue says which,
 * in one read), jobs are leased up to the config's concurrency and handed to the station's handler; a running job's lease is extended every third of its
 * length (the heartbeat); a job that ends is completed, one that throws is failed (a retryable error
 * comes back after a backoff, any other is dead). A dead job is handed to `onDeadJob`, which makes it an
 * exception a person sees. At start the leases of this machine's dead processes are released (kill -9
 * recovery); on abort, leasing stops, running jobs are aborted and their leases released, so another
 * run takes them at once.
 */

import { hostname } from "node:os";
import { ShopfloorError } from "../contracts/errors.js";
import { type StationName, stationNames } from "../contracts/work-item.js";
import { type JobQueue, type LeasedJob, LostLeaseError } from "../queue/job-queue.js";
import { waitFor } from "./wait-for.js";

export type JobHandler = (job: LeasedJob, signal: AbortSignal) => Promise<void>;

export interface LineRunnerOptions {
  queue: JobQueue;
  handle: JobHandler;
  concurrency: Readonly<Record<StationName, number>>;
  workerId: string;
  signal?: AbortSignal;
  /** Default true: return when no job is waiting or leased anywhere. */
  untilIdle?: boolean;
  /** Lease lengths; default 60 s for build, 30 s for the other stations. */
  leaseMs?: Partial<Record<StationName, number>>;
  /** A job that failed for good: it must become something a person sees. */
  onDeadJob?(job: LeasedJob, error: string): Promise<void>;
  /** Whether a lease holder is gone; default: a process of this host that no longer runs. */
  isWorkerGone?(workerId: string): boolean;
  /** Waits between polls of an idle queue; default a timer of `pollMs`, cut short by the signal. */
  wait?(milliseconds: number, signal: AbortSignal): Promise<void>;
  pollMs?: number;
  /** Starts a repeating callback (the heartbeat) and returns how to stop it; default setInterval. */
  repeat?(callback: () => void, intervalMs: number): () => void;
}

export interface LineRunReport {
  jobsRun: number;
  /** The jobs that ran, in the order they ended. */
  jobs: LeasedJob[];
}

const defaultLeaseMs: Record<StationName, number> = {
  intake: 30_000,
  build: 60_000,
  scenarios: 30_000,
  trials: 30_000,
  gate: 30_000,
  deploy: 60_000,
};

export async function runLine(options: LineRunnerOptions): Promise<LineRunReport> {
  const signal = options.signal ?? new AbortController().signal;
  const wait = options.wait ?? waitFor;
  const pollMs = options.pollMs ?? 250;
  const leaseMs = { ...defaultLeaseMs, ...options.leaseMs };
  const untilIdle = options.untilIdle ?? true;
  const running = new Map<string, { station: StationName; done: Promise<void> }>();
  const controllers = new Map<string, AbortController>();
  const report: LineRunReport = { jobsRun: 0, jobs: [] };
  await options.queue.releaseLeases(options.isWorkerGone ?? isLocalWorkerGone);

  const start = (job: LeasedJob) => {
    const controller = new AbortController();
    controllers.set(job.id, controller);
    const done = work(options, job, controller, leaseMs[job.station], signal).finally(() => {
      running.delete(job.id);
      controllers.delete(job.id);
      report.jobsRun += 1;
      report.jobs.push(job);
    });
    running.set(job.id, { station: job.station, done });
  };
  const abort = () => {
    for (const controller of controllers.values()) controller.abort(signal.reason);
  };
  signal.addEventListener("abort", abort, { once: true });
  try {
    while (!signal.aborted) {
      const endedBefore = report.jobsRun;
      const leased = await leaseAvailable(options, running, leaseMs, start, signal);
      // A job that ended meanwhile may have enqueued work, and waiting would not see it end.
      if (leased === "more" || report.jobsRun !== endedBefore) continue;
      if (leased === "none" && running.size === 0 && untilIdle && (await isIdle(options.queue))) {
        break;
      }
      const pollEnd = new AbortController();
      const poll = wait(pollMs, AbortSignal.any([signal, pollEnd.signal]));
      await Promise.race([...[...running.values()].map((entry) => entry.done), poll]);
      pollEnd.abort();
    }
  } finally {
    signal.removeEventListener("abort", abort);
    await Promise.allSettled([...running.values()].map((entry) => entry.done));
    if (signal.aborted) {
      await options.queue.releaseLeases((workerId) => workerId === options.workerId);
    }
  }
  return report;
}

/**
 * Leases one job for each station that has a due one and room for it. The queue is asked once which
 * stations have due jobs (a read), so a worker takes the write lock only to lease a job that is there.
 * "more" when a station it leased for still has room (it may have more due jobs: ask again at once);
 * "full" when it leased only up to the stations' limits (new work comes when a job ends, or, from other
 * processes and delays, at the next poll); "none" when it leased nothing.
 */
async function leaseAvailable(
  options: LineRunnerOptions,
  running: ReadonlyMap<string, { station: StationName }>,
  leaseMs: Record<StationName, number>,
  start: (job: LeasedJob) => void,
  signal: AbortSignal,
): Promise<"more" | "full" | "none"> {
  let leased: "more" | "full" | "none" = "none";
  for (const station of await options.queue.dueStations()) {
    if (signal.aborted) break;
    const room = options.concurrency[station] - runningAt(running, station);
    if (room <= 0) continue;
    const job = await options.queue.lease(station, {
      workerId: options.workerId,
      leaseMs: leaseMs[station],
    });
    if (job === undefined) continue;
    start(job);
    if (room > 1) leased = "more";
    else if (leased === "none") leased = "full";
  }
  return leased;
}

function runningAt(
  running: ReadonlyMap<string, { station: StationName }>,
  station: StationName,
): number {
  let count = 0;
  for (const entry of running.values()) if (entry.station === station) count += 1;
  return count;
}

async function work(
  options: LineRunnerOptions,
  job: LeasedJob,
  controller: AbortController,
  leaseMs: number,
  lineSignal: AbortSignal,
): Promise<void> {
  let lost = false;
  const repeat = options.repeat ?? repeatEvery;
  const stopHeartbeat = repeat(() => {
    options.queue.extendLease(job, leaseMs).catch((error: unknown) => {
      if (!(error instanceof LostLeaseError)) return;
      lost = true;
      controller.abort(error);
    });
  }, leaseMs / 3);
  try {
    await options.handle(job, controller.signal);
    await options.queue.complete(job);
  } catch (error) {
    // A lost lease is another worker's job now; an aborted line releases its leases as it stops.
    if (lost || error instanceof LostLeaseError || lineSignal.aborted) return;
    await failJob(options, job, error);
  } finally {
    stopHeartbeat();
  }
}

async function failJob(options: LineRunnerOptions, job: LeasedJob, error: unknown): Promise<void> {
  try {
    const message = describeError(error);
    const outcome = await options.queue.fail(job, { message, retryable: isRetryable(error) });
    if (outcome.state === "dead") await options.onDeadJob?.(job, outcome.error);
  } catch {
    // The lease went to another worker meanwhile (it will run the job), or the failure could not be
    // written (the lease expires and the job is leased again), or the dead job could not be reported
    // now (the queue keeps it dead and the next run reports it from deadJobs).
  }
}

/** Errors say whether trying again can help; an error of unknown kind (a database hiccup) may. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ShopfloorError) return error.retryable;
  return true;
}

export function describeError(error: unknown): string {
  if (error instanceof ShopfloorError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

async function isIdle(queue: JobQueue): Promise<boolean> {
  const counts = await queue.counts();
  return stationNames.every(
    (station) => counts[station].waiting === 0 && counts[station].leased === 0,
  );
}

/** `<hostname>:<pid>`: whose leases these are. */
export function localWorkerId(): string {
  return `${hostname()}:${process.pid}`;
}

/** A worker of this host whose process no longer runs; workers of other hosts are never judged gone. */
export function isLocalWorkerGone(workerId: string): boolean {
  const separator = workerId.lastIndexOf(":");
  if (separator < 0 || workerId.slice(0, separator) !== hostname()) return false;
  const pid = Number(workerId.slice(separator + 1));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function repeatEvery(callback: () => void, intervalMs: number): () => void {
  const timer = setInterval(callback, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
