import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "../../../test/support/migrated-database.js";
import { factoryMigrationProvider } from "./index.js";

const subject = useMigratedDatabase();

const lineColumns: Record<string, string[]> = {
  work_item: [
    "id",
    "name",
    "spec_path",
    "spec_hash",
    "profile",
    "line_up",
    "state",
    "attempt",
    "suite",
    "approved_build",
    "parent",
    "created_at",
    "updated_at",
    "fixes",
  ],
  line_event: ["sequence", "at", "work_item", "type", "payload"],
  build: [
    "id",
    "work_item",
    "attempt",
    "candidate",
    "agent",
    "model",
    "state",
    "branch",
    "run",
    "feedback",
    "verdict",
    "created_at",
    "updated_at",
  ],
  trial: ["build", "scenario", "attempt", "category", "pass", "duration_ms", "error", "at"],
  line_exception: [
    "id",
    "work_item",
    "build",
    "reason",
    "summary",
    "evidence",
    "state",
    "opened_at",
  ],
  decision: ["id", "exception", "work_item", "action", "decided_by", "reason", "at", "details"],
  artifact: ["hash", "kind", "path", "bytes", "created_at"],
};

describe("the line migration", () => {
  it("creates the line's tables with their columns", async () => {
    for (const [name, columns] of Object.entries(lineColumns)) {
      expect(await subject.columnsOf(name), name).toEqual(columns);
    }
  });

  it("is undone down to the ledger's tables, and redone", async () => {
    const migrator = new Migrator({ db: subject.database, provider: factoryMigrationProvider });
    expect((await migrator.migrateTo("0001-ledger")).error).toBeUndefined();
    const afterDown = await subject.tableNames();
    for (const name of Object.keys(lineColumns)) expect(afterDown).not.toContain(name);
    expect(afterDown).toContain("cost_event");
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const afterUp = await subject.tableNames();
    for (const name of Object.keys(lineColumns)) expect(afterUp).toContain(name);
  });

  it("numbers events itself, keys a trial once, and a build once per attempt and candidate", async () => {
    const event = { at: "t", work_item: "i", type: "intake.end", payload: "{}" };
    await subject.database.insertInto("line_event").values([event, event]).execute();
    const sequences = await subject.database.selectFrom("line_event").select("sequence").execute();
    expect(sequences.map((row) => row.sequence)).toEqual([1, 2]);

    const trial = {
      build: "b",
      scenario: "s",
      attempt: 1,
      category: "edge",
      pass: 1,
      duration_ms: 1.5,
      error: null,
      at: "t",
    };
    await subject.database.insertInto("trial").values(trial).execute();
    await expect(subject.database.insertInto("trial").values(trial).execute()).rejects.toThrow(
      /UNIQUE constraint failed/,
    );

    const build = {
      work_item: "i",
      attempt: 1,
      candidate: 1,
      agent: "a",
      model: null,
      state: "building",
      branch: null,
      run: null,
      feedback: null,
      verdict: null,
      created_at: "t",
      updated_at: "t",
    };
    await subject.database
      .insertInto("build")
      .values({ id: "i.1.1", ...build })
      .execute();
    await expect(
      subject.database
        .insertInto("build")
        .values({ id: "other", ...build })
        .execute(),
    ).rejects.toThrow(/UNIQUE constraint failed/);
  });

  it("indexes what the line looks up", async () => {
    const indexes = await sql<{ name: string }>`
      select name from sqlite_master where type = 'index' and name not like 'sqlite_%'
    `.execute(subject.database);
    expect(indexes.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        "work_item_state",
        "line_event_work_item",
        "build_work_item",
        "line_exception_state",
      ]),
    );
  });
});
