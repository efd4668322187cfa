/**
 * The line's tables: work items, the event log, builds, trials (one row per trial, so a trial counts once
 * however often a station is resumed), exceptions, decisions and the artifact index. Written in the subset
 * of SQL that SQLite and PostgreSQL share, except the event log's sequence, which a PostgreSQL dialect
 * declares as an identity column.
 */
import type { Kysely, Migration } from "kysely";

const id = "varchar(200)";
const time = "varchar(32)";

export const lineMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable("work_item")
      .addColumn("id", id, (column) => column.primaryKey())
      .addColumn("name", id, (column) => column.notNull())
      .addColumn("spec_path", "text", (column) => column.notNull())
      .addColumn("spec_hash", "varchar(64)", (column) => column.notNull())
      .addColumn("profile", id, (column) => column.notNull())
      .addColumn("line_up", "text", (column) => column.notNull())
      .addColumn("state", "varchar(16)", (column) => column.notNull())
      .addColumn("attempt", "integer", (column) => column.notNull())
      .addColumn("suite", id)
      .addColumn("approved_build", id)
      .addColumn("parent", id)
      .addColumn("created_at", time, (column) => column.notNull())
      .addColumn("updated_at", time, (column) => column.notNull())
      .execute();
    await database.schema.createIndex("work_item_state").on("work_item").column("state").execute();

    await database.schema
      .createTable("line_event")
      .addColumn("sequence", "integer", (column) => column.primaryKey().autoIncrement())
      .addColumn("at", time, (column) => column.notNull())
      .addColumn("work_item", id, (column) => column.notNull())
      .addColumn("type", "varchar(40)", (column) => column.notNull())
      .addColumn("payload", "text", (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex("line_event_work_item")
      .on("line_event")
      .columns(["work_item", "sequence"])
      .execute();

    await database.schema
      .createTable("build")
      .addColumn("id", id, (column) => column.primaryKey())
      .addColumn("work_item", id, (column) => column.notNull())
      .addColumn("attempt", "integer", (column) => column.notNull())
      .addColumn("candidate", "integer", (column) => column.notNull())
      .addColumn("agent", id, (column) => column.notNull())
      .addColumn("model", id)
      .addColumn("state", "varchar(16)", (column) => column.notNull())
      .addColumn("branch", "text")
      .addColumn("run", "text")
      .addColumn("feedback", "text")
      .addColumn("verdict", "text")
      .addColumn("created_at", time, (column) => column.notNull())
      .addColumn("updated_at", time, (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex("build_work_item")
      .on("build")
      .columns(["work_item", "attempt", "candidate"])
      .unique()
      .execute();

    await database.schema
      .createTable("trial")
      .addColumn("build", id, (column) => column.notNull())
      .addColumn("scenario", id, (column) => column.notNull())
      .addColumn("attempt", "integer", (column) => column.notNull())
      .addColumn("category", "varchar(16)", (column) => column.notNull())
      .addColumn("pass", "integer", (column) => column.notNull())
      .addColumn("duration_ms", "double precision", (column) => column.notNull())
      .addColumn("error", "text")
      .addColumn("at", time, (column) => column.notNull())
      .addPrimaryKeyConstraint("trial_key", ["build", "scenario", "attempt"])
      .execute();

    await database.schema
      .createTable("line_exception")
      .addColumn("id", id, (column) => column.primaryKey())
      .addColumn("work_item", id, (column) => column.notNull())
      .addColumn("build", id)
      .addColumn("reason", "varchar(40)", (column) => column.notNull())
      .addColumn("summary", "text", (column) => column.notNull())
      .addColumn("evidence", "text", (column) => column.notNull())
      .addColumn("state", "varchar(16)", (column) => column.notNull())
      .addColumn("opened_at", time, (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex("line_exception_state")
      .on("line_exception")
      .columns(["state", "opened_at"])
      .execute();

    await database.schema
      .createTable("decision")
      .addColumn("id", id, (column) => column.primaryKey())
      .addColumn("exception", id, (column) => column.notNull())
      .addColumn("work_item", id, (column) => column.notNull())
      .addColumn("action", "varchar(32)", (column) => column.notNull())
      .addColumn("decided_by", id, (column) => column.notNull())
      .addColumn("reason", "text", (column) => column.notNull())
      .addColumn("at", time, (column) => column.notNull())
      .addColumn("details", "text", (column) => column.notNull())
      .execute();

    await database.schema
      .createTable("artifact")
      .addColumn("hash", "varchar(64)", (column) => column.primaryKey())
      .addColumn("kind", "varchar(32)", (column) => column.notNull())
      .addColumn("path", "text", (column) => column.notNull())
      .addColumn("bytes", "bigint", (column) => column.notNull())
      .addColumn("created_at", time, (column) => column.notNull())
      .execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    for (const table of [
      "artifact",
      "decision",
      "line_exception",
      "trial",
      "build",
      "line_event",
      "work_item",
    ]) {
      await database.schema.dropTable(table).execute();
    }
  },
};
