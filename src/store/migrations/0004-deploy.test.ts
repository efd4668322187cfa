import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, Migrator, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FactoryDatabase, ReleaseTable } from "../factory-database.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../open-factory-database.js";
import { factoryMigrationProvider, factoryMigrations } from "./index.js";

let folder: string;
let database: Kysely<FactoryDatabase>;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-migration-"));
  database = await openFactoryDatabase(join(folder, "factory.db"));
});
afterEach(async () => {
  await closeFactoryDatabase(database);
  rmSync(folder, { recursive: true, force: true });
});

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

async function columnsOf(table: string): Promise<string[] | undefined> {
  const tables = await database.introspection.getTables();
  return tables.find((candidate) => candidate.name === table)?.columns.map((column) => column.name);
}

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
      expect(await columnsOf(table), table).toEqual(columns);
    }
    expect((await columnsOf("work_item"))?.at(-1)).toBe("fixes");
  });

  it("is undone back to the job queue's schema, keeping the work items, and redone", async () => {
    await database
      .insertInto("work_item")
      .values({ ...workItem, fixes: "9f3b21c0" })
      .execute();
    const migrator = new Migrator({ db: database, provider: factoryMigrationProvider });
    expect((await migrator.migrateTo("0003-job-queue")).error).toBeUndefined();
    for (const table of Object.keys(deployColumns)) expect(await columnsOf(table)).toBeUndefined();
    expect(await columnsOf("work_item")).not.toContain("fixes");
    expect(await columnsOf("job")).toBeDefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    for (const table of Object.keys(deployColumns)) expect(await columnsOf(table)).toBeDefined();
    const items = await database.selectFrom("work_item").select(["id", "fixes"]).execute();
    expect(items).toEqual([{ id: "todo-api-000001", fixes: null }]);
  });

  it("numbers a service's releases once, and numbers probes and cycles itself", async () => {
    await database
      .insertInto("release")
      .values([releaseRow("todo-api-r1", 1), releaseRow("todo-api-r2", 2)])
      .execute();
    await expect(
      database.insertInto("release").values(releaseRow("todo-api-r9", 1)).execute(),
    ).rejects.toThrow(/UNIQUE constraint failed: release.service, release.number/);
    await database
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
    await database.insertInto("probe").values([probe, probe]).execute();
    const sequences = await database.selectFrom("probe").select("sequence").execute();
    expect(sequences.map((row) => row.sequence)).toEqual([1, 2]);

    await database.insertInto("monitor_cycle").values({ started_at: "t" }).execute();
    await database.deleteFrom("monitor_cycle").execute();
    const next = await database
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
    `.execute(database);
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
