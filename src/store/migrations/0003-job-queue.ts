/**
 * The job queue's table (src/queue/sqlite-job-queue.ts). Done jobs stay as history, so every query that
 * runs per job reaches its rows through an index that done rows do not crowd: leasing through
 * (station, state, run_at), idempotent enqueueing through a partial unique index on the key of the jobs
 * still waiting or leased (which also makes "one live job per key" a rule of the database). Partial
 * indexes and the integer time columns work the same in PostgreSQL; the sequence there is an identity
 * column.
 */
import { type Kysely, type Migration, sql } from "kysely";

/** The condition of the live-key index; a query must state it in these words for SQLite to use it. */
export const liveJobCondition = "state in ('waiting', 'leased')";

export const jobQueueMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable("job")
      .addColumn("sequence", "integer", (column) => column.primaryKey().autoIncrement())
      .addColumn("id", "varchar(200)", (column) => column.notNull().unique())
      .addColumn("station", "varchar(16)", (column) => column.notNull())
      .addColumn("payload", "text", (column) => column.notNull())
      .addColumn("job_key", "varchar(500)", (column) => column.notNull())
      .addColumn("state", "varchar(16)", (column) => column.notNull())
      .addColumn("attempt", "integer", (column) => column.notNull())
      .addColumn("max_attempts", "integer", (column) => column.notNull())
      .addColumn("run_at", "bigint", (column) => column.notNull())
      .addColumn("lease_token", "varchar(200)")
      .addColumn("lease_expires_at", "bigint")
      .addColumn("expirations", "integer", (column) => column.notNull().defaultTo(0))
      .addColumn("worker_id", "varchar(200)")
      .addColumn("error", "text")
      .addColumn("created_at", "varchar(32)", (column) => column.notNull())
      .addColumn("updated_at", "varchar(32)", (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex("job_due")
      .on("job")
      .columns(["station", "state", "run_at"])
      .execute();
    await database.schema
      .createIndex("job_live_key")
      .on("job")
      .column("job_key")
      .unique()
      .where(sql<boolean>`${sql.raw(liveJobCondition)}`)
      .execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.dropTable("job").execute();
  },
};
