/**
 * The embedded, durable job queue: the `JobQueue` port on the factory database's `job` table. Every
 * decision that reads before it writes (lease, enqueue, fail, release) runs in one write transaction that
 * takes the lock first, so two processes sharing the file never lease the same job or enqueue the same
 * key twice. Delivery is at least once: a worker that dies leaves a lease that expires and the job is
 * leased again, so stations are idempotent. Time and ids are injected.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { InvalidArgumentError } from "../contracts/errors.js";
import { type StationName, stationNames } from "../contracts/work-item.js";
import type { FactoryDatabase } from "../store/factory-database.js";
import { inImmediateTransaction } from "../store/immediate-transaction.js";
import { type Backoff, checkBackoff, defaultBackoff, retryDelayMs } from "./backoff.js";
import { dueStationsReader, firstDueJob, liveJobQuery } from "./due-jobs.js";
import {
  type FailureOutcome,
  type JobQueue,
  type JobRequest,
  type LeasedJob,
  type LeaseRequest,
  LostLeaseError,
  type StationCounts,
} from "./job-queue.js";
import {
  checkJobRequest,
  checkStation,
  type JobRow,
  jobStates,
  leasedJobFromRow,
  newJobRow,
} from "./job-rows.js";

export interface SqliteJobQueueOptions {
  database: Kysely<FactoryDatabase>;
  /** Epoch milliseconds. */
  now(): number;
  /** Job ids and lease tokens; default random UUIDs. */
  randomId?(): string;
  /** Default 1 s doubling to 5 minutes. */
  backoff?: Backoff;
}

export class SqliteJobQueue implements JobQueue {
  readonly #database: Kysely<FactoryDatabase>;
  readonly #now: () => number;
  readonly #randomId: () => string;
  readonly #backoff: Backoff;
  #dueStations: ((now: number) => Promise<StationName[]>) | undefined;

  constructor(options: SqliteJobQueueOptions) {
    this.#database = options.database;
    this.#now = options.now.bind(options);
    this.#randomId = options.randomId?.bind(options) ?? randomUUID;
    this.#backoff = checkBackoff(options.backoff ?? defaultBackoff);
  }

  async enqueue(request: JobRequest): Promise<{ id: string; created: boolean }> {
    checkJobRequest(request);
    return inImmediateTransaction(this.#database, async (transaction) => {
      const live = await liveJobQuery(transaction, request.key).executeTakeFirst();
      if (live !== undefined) return { id: live.id, created: false };
      const row = newJobRow(request, { id: this.#randomId(), now: this.#now() });
      await transaction.insertInto("job").values(row).execute();
      return { id: row.id, created: true };
    });
  }

  async lease(station: StationName, request: LeaseRequest): Promise<LeasedJob | undefined> {
    checkStation(station);
    checkDuration(request.leaseMs, "leaseMs");
    return inImmediateTransaction(this.#database, async (transaction) => {
      const now = this.#now();
      for (;;) {
        const due = await firstDueJob(transaction, station, now);
        if (due === undefined) return undefined;
        const expired = due.state === "leased";
        if (expired && due.attempt >= due.max_attempts) {
          await this.#killExpired(transaction, due, now);
          continue;
        }
        const expiresAt = Math.ceil(now + request.leaseMs);
        const changes = {
          state: "leased",
          attempt: due.attempt + 1,
          expirations: due.expirations + (expired ? 1 : 0),
          lease_token: this.#randomId(),
          lease_expires_at: expiresAt,
          run_at: expiresAt,
          worker_id: request.workerId,
          updated_at: isoTime(now),
        } satisfies Partial<JobRow>;
        await transaction
          .updateTable("job")
          .set(changes)
          .where("sequence", "=", due.sequence)
          .execute();
        return leasedJobFromRow({ ...due, ...changes });
      }
    });
  }

  dueStations(): Promise<StationName[]> {
    this.#dueStations ??= dueStationsReader(this.#database);
    return this.#dueStations(this.#now());
  }

  async extendLease(job: LeasedJob, leaseMs: number): Promise<void> {
    checkDuration(leaseMs, "leaseMs");
    const now = this.#now();
    const expiresAt = Math.ceil(now + leaseMs);
    await this.#updateOwnLease(job, {
      lease_expires_at: expiresAt,
      run_at: expiresAt,
      updated_at: isoTime(now),
    });
  }

  async complete(job: LeasedJob): Promise<void> {
    await this.#updateOwnLease(job, { state: "done", updated_at: isoTime(this.#now()) });
  }

  async fail(
    job: LeasedJob,
    error: { message: string; retryable: boolean },
  ): Promise<FailureOutcome> {
    return inImmediateTransaction(this.#database, async (transaction) => {
      const row = await transaction
        .selectFrom("job")
        .selectAll()
        .where("id", "=", job.id)
        .where("lease_token", "=", job.leaseToken)
        .where("state", "=", "leased")
        .executeTakeFirst();
      if (row === undefined) throw new LostLeaseError(job.id);
      const now = this.#now();
      const changes = { error: error.message, updated_at: isoTime(now) };
      if (!error.retryable || row.attempt >= row.max_attempts) {
        await transaction
          .updateTable("job")
          .set({ ...changes, state: "dead" })
          .where("sequence", "=", row.sequence)
          .execute();
        return { state: "dead", error: error.message };
      }
      const runAt = now + retryDelayMs(row.attempt, this.#backoff);
      await transaction
        .updateTable("job")
        .set({ ...changes, state: "waiting", run_at: runAt })
        .where("sequence", "=", row.sequence)
        .execute();
      return { state: "retrying", runAt };
    });
  }

  async releaseLeases(isWorkerGone: (workerId: string) => boolean): Promise<number> {
    return inImmediateTransaction(this.#database, async (transaction) => {
      const holders = await transaction
        .selectFrom("job")
        .select("worker_id")
        .distinct()
        .where("station", "in", stationNames)
        .where("state", "=", "leased")
        .execute();
      const gone = holders
        .map((holder) => holder.worker_id)
        .filter((worker): worker is string => worker !== null && isWorkerGone(worker));
      if (gone.length === 0) return 0;
      const now = this.#now();
      const result = await transaction
        .updateTable("job")
        // The lease was taken back, not spent: the next lease is the same attempt again.
        .set((update) => ({
          state: "waiting",
          attempt: update("attempt", "-", 1),
          run_at: now,
          updated_at: isoTime(now),
        }))
        .where("station", "in", stationNames)
        .where("state", "=", "leased")
        .where("worker_id", "in", gone)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    });
  }

  async counts(): Promise<Record<StationName, StationCounts>> {
    const rows = await this.#database
      .selectFrom("job")
      .select((select) => ["station", "state", select.fn.countAll<number>().as("count")])
      .groupBy(["station", "state"])
      .execute();
    const counts = Object.fromEntries(
      stationNames.map((station) => [station, { waiting: 0, leased: 0, done: 0, dead: 0 }]),
    ) as Record<StationName, StationCounts>;
    for (const row of rows) {
      const station = counts[row.station as StationName];
      const state = row.state as (typeof jobStates)[number];
      if (station !== undefined && jobStates.includes(state)) station[state] = Number(row.count);
    }
    return counts;
  }

  async deadJobs(limit = 20): Promise<(LeasedJob & { error: string })[]> {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new InvalidArgumentError(`limit must be a positive integer, not ${limit}`, "limit");
    }
    const rows = await this.#database
      .selectFrom("job")
      .selectAll()
      .where("station", "in", stationNames)
      .where("state", "=", "dead")
      .orderBy("updated_at", "desc")
      .orderBy("sequence", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...leasedJobFromRow(row), error: row.error ?? "" }));
  }

  /** An expired lease on the last attempt: nobody finished it in time, however often it was leased. */
  async #killExpired(transaction: Kysely<FactoryDatabase>, row: JobRow, now: number) {
    const expirations = row.expirations + 1;
    await transaction
      .updateTable("job")
      .set({
        state: "dead",
        expirations,
        error: `lease expired ${expirations} ${expirations === 1 ? "time" : "times"}`,
        updated_at: isoTime(now),
      })
      .where("sequence", "=", row.sequence)
      .execute();
  }

  /** One statement, so no transaction: it changes the job only while the caller's lease holds. */
  async #updateOwnLease(
    job: LeasedJob,
    changes: Partial<Pick<JobRow, "state" | "lease_expires_at" | "run_at" | "updated_at">>,
  ): Promise<void> {
    const result = await this.#database
      .updateTable("job")
      .set(changes)
      .where("id", "=", job.id)
      .where("lease_token", "=", job.leaseToken)
      .where("state", "=", "leased")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new LostLeaseError(job.id);
  }
}

function checkDuration(milliseconds: number, field: string): void {
  if (!Number.isFinite(milliseconds) || milliseconds <= 0) {
    throw new InvalidArgumentError(`${field} must be more than 0, not ${milliseconds}`, field);
  }
}

function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
