/**
 * The queue's lookups that must stay fast however many done jobs pile up: the next due job of a station
 * (waiting and due, or leased with its lease expired: `run_at` holds the expiry of a leased job), the
 * stations that have one, and the live job of a key. Each is one index seek; due-jobs.test.ts checks the plans SQLite chooses.
 */
import { type Kysely, sql } from "kysely";
import { type StationName, stationNames } from "../contracts/work-item.js";
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

/**
 * The stations with a due job (the one `firstDueJob` would find), as a function of the time: one read
 * of two index seeks per station. The line's runner asks before every lease, so the query is built and
 * compiled once; each call only puts its time into the parameters.
 */
export function dueStationsReader(
  database: Kysely<FactoryDatabase>,
): (now: number) => Promise<StationName[]> {
  const template = dueStationsQuery(database, timePlaceholder).compile();
  return async (now) => {
    const parameters = template.parameters.map((value) =>
      value === timePlaceholder ? now : value,
    );
    const { rows } = await database.executeQuery<Record<StationName, number>>({
      ...template,
      parameters,
    });
    const [row] = rows;
    return stationNames.filter((station) => Number(row?.[station]) === 1);
  };
}

/** No job's `run_at`: the epoch millisecond the compiled query's time parameter is found by. */
const timePlaceholder = Number.MIN_SAFE_INTEGER;

/** One row with a 0/1 column per station: whether it has a waiting job due or an expired lease. */
export function dueStationsQuery(database: Kysely<FactoryDatabase>, now: number) {
  const due = (station: StationName, state: "waiting" | "leased") =>
    dueJobQuery(database, station, state, now).clearSelect().select(sql<number>`1`.as("due"));
  return database
    .selectNoFrom((select) =>
      stationNames.map((station) =>
        select
          .or([select.exists(due(station, "waiting")), select.exists(due(station, "leased"))])
          .as(station),
      ),
    )
    .$castTo<Record<StationName, number>>();
}

/** The job with this key that is waiting or leased, through the partial unique index on live keys. */
export function liveJobQuery(database: Kysely<FactoryDatabase>, key: string) {
  return database
    .selectFrom("job")
    .select(["id"])
    .where("job_key", "=", key)
    .where(sql<boolean>`${sql.raw(liveJobCondition)}`);
}
