/**
 * The ledger's tables: cost events, reservations, budget settings, alerts, change outcomes and test runs.
 * Written in the subset of SQL that SQLite and PostgreSQL share.
 */
import type { Kysely, Migration } from "kysely";

export const ledgerMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable("reservation")
      .addColumn("id", "varchar(64)", (column) => column.primaryKey())
      .addColumn("created_at", "varchar(32)", (column) => column.notNull())
      .addColumn("expires_at", "varchar(32)", (column) => column.notNull())
      .addColumn("category", "varchar(16)", (column) => column.notNull())
      .addColumn("amount_micro_usd", "bigint", (column) => column.notNull())
      .addColumn("work_item", "varchar(200)")
      .addColumn("run", "varchar(200)")
      .addColumn("station", "varchar(200)")
      .addColumn("agent", "varchar(200)")
      .addColumn("state", "varchar(16)", (column) => column.notNull())
      .addColumn("closed_at", "varchar(32)")
      .execute();
    await database.schema
      .createIndex("reservation_state")
      .on("reservation")
      .columns(["state", "expires_at"])
      .execute();

    await database.schema
      .createTable("cost_event")
      .addColumn("id", "varchar(64)", (column) => column.primaryKey())
      .addColumn("at", "varchar(32)", (column) => column.notNull())
      .addColumn("category", "varchar(16)", (column) => column.notNull())
      .addColumn("amount_micro_usd", "bigint", (column) => column.notNull())
      .addColumn("priced", "integer", (column) => column.notNull())
      .addColumn("work_item", "varchar(200)")
      .addColumn("station", "varchar(200)")
      .addColumn("agent", "varchar(200)")
      .addColumn("model", "varchar(200)")
      .addColumn("run", "varchar(200)")
      .addColumn("reservation_id", "varchar(64)", (column) =>
        column.references("reservation.id").onDelete("set null"),
      )
      .addColumn("input_tokens", "bigint", (column) => column.notNull().defaultTo(0))
      .addColumn("cached_input_tokens", "bigint", (column) => column.notNull().defaultTo(0))
      .addColumn("output_tokens", "bigint", (column) => column.notNull().defaultTo(0))
      .addColumn("reasoning_tokens", "bigint", (column) => column.notNull().defaultTo(0))
      .addColumn("cpu_seconds", "double precision", (column) => column.notNull().defaultTo(0))
      .addColumn("wall_seconds", "double precision", (column) => column.notNull().defaultTo(0))
      .execute();
    await database.schema.createIndex("cost_event_at").on("cost_event").column("at").execute();
    await database.schema
      .createIndex("cost_event_work_item")
      .on("cost_event")
      .column("work_item")
      .execute();
    await database.schema.createIndex("cost_event_run").on("cost_event").column("run").execute();

    await database.schema
      .createTable("budget_setting")
      .addColumn("id", "varchar(64)", (column) => column.primaryKey())
      .addColumn("sequence", "integer", (column) => column.notNull().unique())
      .addColumn("at", "varchar(32)", (column) => column.notNull())
      .addColumn("changed_by", "varchar(200)", (column) => column.notNull())
      .addColumn("reason", "text", (column) => column.notNull())
      .addColumn("daily_micro_usd", "bigint")
      .addColumn("split", "text")
      .addColumn("time_zone", "varchar(100)")
      .addColumn("day_start", "varchar(5)")
      .addColumn("item_cap_micro_usd", "bigint")
      .addColumn("run_cap_micro_usd", "bigint")
      .execute();

    await database.schema
      .createTable("budget_alert")
      .addColumn("id", "varchar(64)", (column) => column.primaryKey())
      .addColumn("at", "varchar(32)", (column) => column.notNull())
      .addColumn("day", "varchar(10)", (column) => column.notNull())
      .addColumn("scope", "varchar(16)", (column) => column.notNull())
      .addColumn("threshold_percent", "integer", (column) => column.notNull())
      .addColumn("spent_micro_usd", "bigint", (column) => column.notNull())
      .addColumn("limit_micro_usd", "bigint", (column) => column.notNull())
      .addUniqueConstraint("budget_alert_once", ["day", "scope", "threshold_percent"])
      .execute();

    await database.schema
      .createTable("change_outcome")
      .addColumn("id", "varchar(64)", (column) => column.primaryKey())
      .addColumn("at", "varchar(32)", (column) => column.notNull())
      .addColumn("work_item", "varchar(200)", (column) => column.notNull())
      .addColumn("outcome", "varchar(32)", (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex("change_outcome_at")
      .on("change_outcome")
      .column("at")
      .execute();

    await database.schema
      .createTable("test_run")
      .addColumn("id", "varchar(64)", (column) => column.primaryKey())
      .addColumn("at", "varchar(32)", (column) => column.notNull())
      .addColumn("work_item", "varchar(200)")
      .addColumn("trials_run", "integer", (column) => column.notNull())
      .addColumn("fixed_plan_trials", "integer", (column) => column.notNull())
      .execute();
    await database.schema.createIndex("test_run_at").on("test_run").column("at").execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    for (const table of [
      "test_run",
      "change_outcome",
      "budget_alert",
      "budget_setting",
      "cost_event",
      "reservation",
    ]) {
      await database.schema.dropTable(table).execute();
    }
  },
};
