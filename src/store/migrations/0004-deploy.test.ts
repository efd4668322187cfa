import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "../../../test/support/migrated-database.js";
import type { ReleaseTable } from "../factory-database.js";
import { factoryMigrationProvider, factoryMigrations } from "./index.js";

const subject = useMigratedDatabase();

const deployColumns: Record<string, string[]> = {
  release: [
    "id",
    "service",
    "number",
    "work_item",
    "build",
    "commit_sha",
    "target",
    "state",
    "address",
    "reason",
    "request",
    "created_at",
    "updated_at",
    "live_at",
    "ended_at",
  ],
  service: ["name", "port"],
  probe: [
    "sequence",
    "release",
    "cycle",
    "scenario",
    "title",
    "passed",
    "latency_ms",
    "error",
    "at",
  ],
  slo_window: ["release", "started_cycle", "probes", "failures", "slow"],
  incident: [
    "id",
    "service",
    "release",
    "rolled_back_to",
    "work_item",
    "fix_item",
    "by_whom",
    "summary",
    "evidence",
    "opened_at",
  ],
  monitor_cycle: ["cycle", "started_at"],
};

function releaseRow(id: string, number: number): ReleaseTable {
  return {
    id,
    service: "todo-api",
    number,
    work_item: "todo-api-000001",
    build: "todo-api-000001.1.1",
    commit_sha: "c0ffee",
    target: "local",
    state: "starting",
    address: null,
    reason: null,
    request: "{}",
    created_at: "t",
    updated_at: "t",
    live_at: null,
    ended_at: null,
  };
}

const workItem = {
  id: "todo-api-000001",
  name: "todo-api",
  spec_path: "/specs/todo-api.md",
  spec_hash: "a",
  profile: "standard",
  line_up: "{}",
  state: "live",
  attempt: 1,
  suite: null,
  approved_build: null,
  parent: null,
  created_at: "t",
  updated_at: "t",
};

describe("the deploy migration", () => {
  it("runs after the job queue's and creates the deploy tables with their columns", async () => {
    const names = Object.keys(factoryMigrations);
    expect(names.slice(names.indexOf("0003-job-queue"))).toEqual(["0003-job-queue", "0004-deploy"]);
    for (const [table, columns] of Object.entries(deployColumns)) {
      expect(await subject.columnsOf(table), table).toEqual(columns);
    }
    expect((await subject.columnsOf("work_item"))?.at(-1)).toBe("fixes");
  });

  it("is undone back to the job queue's schema, keeping the work items, and redone", async () => {
    await subject.database
      .insertInto("work_item")
      .values({ ...workItem, fixes: "9f3b21c0" })
      .execute();
    const migrator = new Migrator({ db: subject.database, provider: factoryMigrationProvider });
    expect((await migrator.migrateTo("0003-job-queue")).error).toBeUndefined();
    for (const table of Object.keys(deployColumns))
      expect(await subject.columnsOf(table)).toBeUndefined();
    expect(await subject.columnsOf("work_item")).not.toContain("fixes");
    expect(await subject.columnsOf("job")).toBeDefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    for (const table of Object.keys(deployColumns))
      expect(await subject.columnsOf(table)).toBeDefined();
    const items = await subject.database.selectFrom("work_item").select(["id", "fixes"]).execute();
    expect(items).toEqual([{ id: "todo-api-000001", fixes: null }]);
  });

  it("numbers a service's releases once, and numbers probes and cycles itself", async () => {
    await subject.database
      .insertInto("release")
      .values([releaseRow("todo-api-r1", 1), releaseRow("todo-api-r2", 2)])
      .execute();
    await expect(
      subject.database.insertInto("release").values(releaseRow("todo-api-r9", 1)).execute(),
    ).rejects.toThrow(/UNIQUE constraint failed: release.service, release.number/);
    await subject.database
      .insertInto("release")
      .values({ ...releaseRow("other-r1", 1), service: "other" })
      .execute();

    const probe = {
      release: "todo-api-r1",
      cycle: 1,
      scenario: "health",
      title: "health",
      passed: 1,
      latency_ms: 2.5,
      error: null,
      at: "t",
    };
    await subject.database.insertInto("probe").values([probe, probe]).execute();
    const sequences = await subject.database.selectFrom("probe").select("sequence").execute();
    expect(sequences.map((row) => row.sequence)).toEqual([1, 2]);

    await subject.database.insertInto("monitor_cycle").values({ started_at: "t" }).execute();
    await subject.database.deleteFrom("monitor_cycle").execute();
    const next = await subject.database
      .insertInto("monitor_cycle")
      .values({ started_at: "t" })
      .returning("cycle")
      .executeTakeFirstOrThrow();
    // AUTOINCREMENT: a deleted cycle's number is never given again.
    expect(next.cycle).toBe(2);
  });

  it("indexes what the deploy station and the monitor look up", async () => {
    const indexes = await sql<{ name: string }>`
      select name from sqlite_master where type = 'index' and name not like 'sqlite_%'
    `.execute(subject.database);
    expect(indexes.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        "release_service_state",
        "release_work_item",
        "probe_release_cycle",
        "incident_service",
      ]),
    );
  });
});
