/**
 * The tables of deploying and watching what the gate approved: releases (with the request a restarted
 * host daemon relaunches them from), each service's remembered port, the monitor's probes, its SLO
 * windows and cycle numbers, and the incidents it acted on; and the `fixes` column of a work item that
 * repairs an incident. The same portable subset of SQL as the line's tables; the autoincrement keys are
 * identity columns in PostgreSQL.
 */
import type { Kysely, Migration } from "kysely";

const id = "varchar(200)";
const time = "varchar(32)";

export const deployMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema.alterTable("work_item").addColumn("fixes", id).execute();

    await database.schema
      .createTable("release")
      .addColumn("id", id, (column) => column.primaryKey())
      .addColumn("service", id, (column) => column.notNull())
      .addColumn("number", "integer", (column) => column.notNull())
      .addColumn("work_item", id, (column) => column.notNull())
      .addColumn("build", id, (column) => column.notNull())
      .addColumn("commit_sha", "varchar(64)", (column) => column.notNull())
      .addColumn("target", "varchar(32)", (column) => column.notNull())
      .addColumn("state", "varchar(16)", (column) => column.notNull())
      .addColumn("address", "text")
      .addColumn("reason", "text")
      .addColumn("request", "text", (column) => column.notNull())
      .addColumn("created_at", time, (column) => column.notNull())
      .addColumn("updated_at", time, (column) => column.notNull())
      .addColumn("live_at", time)
      .addColumn("ended_at", time)
      .addUniqueConstraint("release_number", ["service", "number"])
      .execute();
    await database.schema
      .createIndex("release_service_state")
      .on("release")
      .columns(["service", "state"])
      .execute();
    await database.schema
      .createIndex("release_work_item")
      .on("release")
      .column("work_item")
      .execute();

    await database.schema
      .createTable("service")
      .addColumn("name", id, (column) => column.primaryKey())
      .addColumn("port", "integer")
      .execute();

    await database.schema
      .createTable("probe")
      .addColumn("sequence", "integer", (column) => column.primaryKey().autoIncrement())
      .addColumn("release", id, (column) => column.notNull())
      .addColumn("cycle", "integer", (column) => column.notNull())
      .addColumn("scenario", id, (column) => column.notNull())
      .addColumn("title", "text", (column) => column.notNull())
      .addColumn("passed", "integer", (column) => column.notNull())
      .addColumn("latency_ms", "double precision", (column) => column.notNull())
      .addColumn("error", "text")
      .addColumn("at", time, (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex("probe_release_cycle")
      .on("probe")
      .columns(["release", "cycle"])
      .execute();

    await database.schema
      .createTable("slo_window")
      .addColumn("release", id, (column) => column.primaryKey())
      .addColumn("started_cycle", "integer", (column) => column.notNull())
      .addColumn("probes", "integer", (column) => column.notNull())
      .addColumn("failures", "integer", (column) => column.notNull())
      .addColumn("slow", "integer", (column) => column.notNull())
      .execute();

    await database.schema
      .createTable("incident")
      .addColumn("id", id, (column) => column.primaryKey())
      .addColumn("service", id, (column) => column.notNull())
      .addColumn("release", id, (column) => column.notNull())
      .addColumn("rolled_back_to", id)
      .addColumn("work_item", id, (column) => column.notNull())
      .addColumn("fix_item", id)
      .addColumn("by_whom", id, (column) => column.notNull())
      .addColumn("summary", "text", (column) => column.notNull())
      .addColumn("evidence", "text", (column) => column.notNull())
      .addColumn("opened_at", time, (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex("incident_service")
      .on("incident")
      .columns(["service", "opened_at"])
      .execute();

    // One row per cycle: the database's counter is what keeps cycle numbers increasing when a monitor
    // restarts or two run at once.
    await database.schema
      .createTable("monitor_cycle")
      .addColumn("cycle", "integer", (column) => column.primaryKey().autoIncrement())
      .addColumn("started_at", time, (column) => column.notNull())
      .execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    for (const table of [
      "monitor_cycle",
      "incident",
      "slo_window",
      "probe",
      "service",
      "release",
    ]) {
      await database.schema.dropTable(table).execute();
    }
    await database.schema.alterTable("work_item").dropColumn("fixes").execute();
  },
};
