/**
 * The job queue port: how the line hands work to its stations. A job is leased, not popped: a worker
 * that dies leaves a lease that expires (the visibility timeout) and the job is leased again; a failed job
 * is retried with backoff until its attempts are spent, then it is dead and the line says why. Jobs are
 * JSON, so an implementation on Redis (BullMQ) with remote workers can replace the embedded SQLite one
 * without touching the stations.
 */
import { ShopfloorError } from "../contracts/errors.js";
import type { StationName } from "../contracts/work-item.js";

export type JobPayload = Readonly<Record<string, unknown>>;

export interface JobRequest {
  station: StationName;
  payload: JobPayload;
  /**
   * Idempotency: while a job with this key is waiting or leased, enqueueing another one with the same key
   * does nothing. A station that is resumed after a crash may therefore enqueue its successor again.
   * Keys are one namespace across stations, so a key names its station (`gate:todo-api-3f9c2a:2`); once
   * the job is done or dead, the key may be enqueued again.
   */
  key: string;
  /** Default 3. */
  maxAttempts?: number;
  /** Do not lease it before this many milliseconds from now. */
  delayMs?: number;
}

export interface LeasedJob {
  id: string;
  station: StationName;
  payload: JobPayload;
  key: string;
  /** 1 for the first lease; each expiry or retry adds one. */
  attempt: number;
  maxAttempts: number;
  /** Proves the lease is still this worker's when it completes, fails or extends the job. */
  leaseToken: string;
  /** Epoch milliseconds. */
  leaseExpiresAt: number;
}

export interface LeaseRequest {
  /** e.g. `host:pid`: whose lease it is, so a dead worker's leases can be taken back at once. */
  workerId: string;
  /** How long the job stays invisible to other workers unless extended. */
  leaseMs: number;
}

export type FailureOutcome =
  | { state: "retrying"; runAt: number }
  | { state: "dead"; error: string };

export interface StationCounts {
  waiting: number;
  leased: number;
  done: number;
  dead: number;
}

export interface JobQueue {
  enqueue(request: JobRequest): Promise<{ id: string; created: boolean }>;
  /** The oldest job of the station that is due and not leased (or whose lease expired), leased now. */
  lease(station: StationName, request: LeaseRequest): Promise<LeasedJob | undefined>;
  /**
   * The stations `lease` would hand a job out for now, in the order of `stationNames`: a read, so that
   * a worker asks only those, instead of trying every station under the write lock.
   */
  dueStations(): Promise<StationName[]>;
  /** Keeps a long job (an agent run, a trial session) invisible while it is being worked on. */
  extendLease(job: LeasedJob, leaseMs: number): Promise<void>;
  complete(job: LeasedJob): Promise<void>;
  /** Retryable failures come back after an exponential backoff; others, or the last attempt, are dead. */
  fail(job: LeasedJob, error: { message: string; retryable: boolean }): Promise<FailureOutcome>;
  /** Makes the leases of workers that are gone leasable now (a restarted orchestrator calls it). */
  releaseLeases(isWorkerGone: (workerId: string) => boolean): Promise<number>;
  counts(): Promise<Record<StationName, StationCounts>>;
  /** Jobs that died, newest first: the line turns them into exceptions or errors a person sees. */
  deadJobs(limit?: number): Promise<(LeasedJob & { error: string })[]>;
}

/** Thrown when a lease is no longer the caller's (it expired and another worker took the job). */
export class LostLeaseError extends ShopfloorError {
  readonly jobId: string;
  constructor(jobId: string) {
    super("internal", `the lease on job ${jobId} expired and another worker took it`);
    this.name = "LostLeaseError";
    this.jobId = jobId;
  }
}
