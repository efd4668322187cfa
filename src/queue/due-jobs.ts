/**
 * The queue's lookups that must stay fast however many done jobs pile up: the next due job of a station
 * (waiting and due, or leased with its lease expired: `run_at` holds the expiry of a leased job) and the
 * live job of a key. Each is one index seek; due-jobs.test.ts checks the plans SQLite chooses.
 */
import { type Kysely, sql } from "kysely";
import type { StationName } from "../contracts/work-item.js";
import type { FactoryDatabase } from "../store/factory-database.js";
import { liveJobCondition } from "../store/migrations/0003-job-queue.js";
import type { JobRow } from "./job-rows.js";

/** The earliest job of one state of a station whose `run_at` has come. */
export function dueJobQuery(
  database: Kysely<FactoryDatabase>,
  station: StationName,
  state: "waiting" | "leased",
  now: number,
) {
  return database
    .selectFrom("job")
    .selectAll()
    .where("station", "=", station)
    .where("state", "=", state)
    .where("run_at", "<=", now)
    .orderBy("run_at")
    .orderBy("sequence")
    .limit(1);
}

/**
 * The station's next job: whichever came due first of the earliest waiting one and the earliest expired
 * lease. Two seeks rather than one `state in (…)` query, which would sort every due job to find the first.
 */
export async function firstDueJob(
  database: Kysely<FactoryDatabase>,
  station: StationName,
  now: number,
): Promise<JobRow | undefined> {
  const waiting = await dueJobQuery(database, station, "waiting", now).executeTakeFirst();
  const expired = await dueJobQuery(database, station, "leased", now).executeTakeFirst();
  if (waiting === undefined || expired === undefined) return waiting ?? expired;
  const expiredFirst =
    expired.run_at < waiting.run_at ||
    (expired.run_at === waiting.run_at && expired.sequence < waiting.sequence);
  return expiredFirst ? expired : waiting;
}

/** The job with this key that is waiting or leased, through the partial unique index on live keys. */
export function liveJobQuery(database: Kysely<FactoryDatabase>, key: string) {
  return database
    .selectFrom("job")
    .select(["id"])
    .where("job_key", "=", key)
    .where(sql<boolean>`${sql.raw(liveJobCondition)}`);
}
