import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "../../../test/support/migrated-database.js";
import type { JobTable } from "../factory-database.js";
import { factoryMigrationProvider, factoryMigrations } from "./index.js";

const subject = useMigratedDatabase();

function jobRow(id: string, key: string, state: string): Omit<JobTable, "sequence"> {
  return {
    id,
    station: "build",
    payload: "{}",
    job_key: key,
    state,
    attempt: 0,
    max_attempts: 3,
    run_at: 0,
    lease_token: null,
    lease_expires_at: null,
    expirations: 0,
    worker_id: null,
    error: null,
    created_at: "2026-11-24T09:00:00.000Z",
    updated_at: "2026-11-24T09:00:00.000Z",
  };
}

describe("the job queue migration", () => {
  it("runs after the line's and can be undone and redone", async () => {
    expect(Object.keys(factoryMigrations).slice(1, 3)).toEqual(["0002-line", "0003-job-queue"]);
    const migrator = new Migrator({ db: subject.database, provider: factoryMigrationProvider });
    expect((await migrator.migrateTo("0002-line")).error).toBeUndefined();
    expect(await subject.tableNames()).not.toContain("job");
    expect(await subject.tableNames()).toContain("work_item");
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await subject.columnsOf("job")).toEqual([
      "sequence",
      "id",
      "station",
      "payload",
      "job_key",
      "state",
      "attempt",
      "max_attempts",
      "run_at",
      "lease_token",
      "lease_expires_at",
      "expirations",
      "worker_id",
      "error",
      "created_at",
      "updated_at",
    ]);
  });

  it("allows one live job per key, and any number of finished ones", async () => {
    await subject.database
      .insertInto("job")
      .values([jobRow("a", "k", "done"), jobRow("b", "k", "dead"), jobRow("c", "k", "waiting")])
      .execute();
    await expect(
      subject.database
        .insertInto("job")
        .values(jobRow("d", "k", "leased"))
        .execute(),
    ).rejects.toThrow(/UNIQUE constraint failed: job.job_key/);
    await expect(
      subject.database
        .insertInto("job")
        .values(jobRow("c", "other", "waiting"))
        .execute(),
    ).rejects.toThrow(/UNIQUE constraint failed: job.id/);
  });
});
