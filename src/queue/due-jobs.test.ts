import Sqlite from "better-sqlite3";
import type { CompiledQuery } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  startMs,
  type TemporaryQueue,
  temporaryQueue,
} from "../../test/queue/support/temporary-queue.js";
import { stationNames } from "../contracts/work-item.js";
import {
  dueJobQuery,
  dueStationsQuery,
  dueStationsReader,
  firstDueJob,
  liveJobQuery,
} from "./due-jobs.js";
import { newJobRow } from "./job-rows.js";

let subject: TemporaryQueue;
beforeEach(async () => {
  subject = await temporaryQueue();
});
afterEach(async () => {
  await subject.close();
});

async function insertDoneJobs(count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, index) => ({
    ...newJobRow(
      { station: "trials", payload: { index }, key: `old-${index}` },
      { id: `old-${index}`, now: startMs - 1_000_000 + index },
    ),
    state: "done",
  }));
  for (let start = 0; start < rows.length; start += 500) {
    await subject.database
      .insertInto("job")
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

/** What SQLite's planner says it will do for a query, one line per step. */
function queryPlan(query: CompiledQuery): string[] {
  const file = new Sqlite(subject.path, { readonly: true });
  try {
    const steps = file
      .prepare(`explain query plan ${query.sql}`)
      .all(...(query.parameters as unknown[])) as { detail: string }[];
    return steps.map((step) => step.detail);
  } finally {
    file.close();
  }
}

describe("the lookups per job", () => {
  it("seek through indexes, never scanning the done history or sorting", async () => {
    await insertDoneJobs(2_000);
    for (const state of ["waiting", "leased"] as const) {
      const plan = queryPlan(dueJobQuery(subject.database, "trials", state, startMs).compile());
      expect(plan).toEqual([
        expect.stringMatching(
          /^SEARCH job USING INDEX job_due \(station=\? AND state=\? AND run_at<\?\)$/,
        ),
      ]);
    }
    const stations = queryPlan(dueStationsQuery(subject.database, startMs).compile());
    const seeks = stations.filter((step) => step.includes("SEARCH job USING"));
    // One seek per station and live state (waiting, leased).
    expect(seeks).toHaveLength(stationNames.length * 2);
    for (const seek of seeks) {
      expect(seek).toMatch(
        /SEARCH job USING (COVERING )?INDEX job_due \(station=\? AND state=\? AND run_at<\?\)$/,
      );
    }
    expect(stations.filter((step) => /SCAN job|TEMP B-TREE/.test(step))).toEqual([]);
    const live = queryPlan(liveJobQuery(subject.database, "old-7").compile());
    expect(live).toEqual([
      expect.stringMatching(/^SEARCH job USING INDEX job_live_key \(job_key=\?\)$/),
    ]);
  });
});

describe("firstDueJob", () => {
  it("picks whichever came due first of a waiting job and an expired lease", async () => {
    const lease = { workerId: "host:1", leaseMs: 500 };
    await subject.queue.enqueue({ station: "gate", payload: {}, key: "expires-at-500" });
    await subject.queue.lease("gate", lease);
    await subject.queue.enqueue({ station: "gate", payload: {}, key: "due-at-300", delayMs: 300 });
    await subject.queue.enqueue({ station: "intake", payload: {}, key: "intake-expires-at-500" });
    await subject.queue.lease("intake", lease);
    await subject.queue.enqueue({
      station: "intake",
      payload: {},
      key: "due-at-700",
      delayMs: 700,
    });

    expect(await firstDueJob(subject.database, "gate", startMs + 800)).toMatchObject({
      job_key: "due-at-300",
    });
    expect(await firstDueJob(subject.database, "intake", startMs + 499)).toBeUndefined();
    expect(await firstDueJob(subject.database, "intake", startMs + 800)).toMatchObject({
      job_key: "intake-expires-at-500",
      state: "leased",
    });
    expect(await firstDueJob(subject.database, "trials", startMs + 800)).toBeUndefined();
  });
});

describe("dueStationsReader", () => {
  it("names the stations whose first due job a lease would find, at the time it is given", async () => {
    const dueStations = dueStationsReader(subject.database);
    const lease = { workerId: "host:1", leaseMs: 500 };
    await subject.queue.enqueue({ station: "gate", payload: {}, key: "gate-now" });
    await subject.queue.enqueue({ station: "build", payload: {}, key: "build-300", delayMs: 300 });
    await subject.queue.enqueue({ station: "intake", payload: {}, key: "intake-lease" });
    await subject.queue.lease("intake", lease);
    await subject.queue.enqueue({ station: "trials", payload: {}, key: "trials-done" });
    const done = await subject.queue.lease("trials", lease);
    if (done !== undefined) await subject.queue.complete(done);
    await insertDoneJobs(5);

    expect(await dueStations(startMs)).toEqual(["gate"]);
    expect(await dueStations(startMs + 300)).toEqual(["build", "gate"]);
    // The intake job's lease expires at 500: it can be leased again from then on.
    expect(await dueStations(startMs + 500)).toEqual(["intake", "build", "gate"]);
    for (const at of [startMs, startMs + 300, startMs + 500, startMs + 10_000]) {
      const stations = await dueStations(at);
      const firstDue = [];
      for (const station of stationNames) {
        if ((await firstDueJob(subject.database, station, at)) !== undefined)
          firstDue.push(station);
      }
      expect(stations).toEqual(firstDue);
    }
  });
});
