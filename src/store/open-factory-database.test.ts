import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ShopfloorError } from "../contracts/errors.js";
import {
  closeFactoryDatabase,
  migrateFactoryDatabase,
  openFactoryDatabase,
} from "./open-factory-database.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-store-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("openFactoryDatabase", () => {
  it("creates the file and its folder on first use, in WAL mode with foreign keys on", async () => {
    const database = await openFactoryDatabase(join(folder, "home", "factory.db"));
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database);
    const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database);
    const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(database);
    expect(journal.rows[0]?.journal_mode).toBe("wal");
    expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
    expect(timeout.rows[0]?.timeout).toBe(10_000);
    const tables = (await database.introspection.getTables()).map((table) => table.name).sort();
    expect(tables).toEqual([
      "artifact",
      "budget_alert",
      "budget_setting",
      "build",
      "change_outcome",
      "cost_event",
      "decision",
      "incident",
      "job",
      "line_event",
      "line_exception",
      "monitor_cycle",
      "probe",
      "release",
      "reservation",
      "service",
      "slo_window",
      "test_run",
      "trial",
      "work_item",
    ]);
    await closeFactoryDatabase(database);
  });

  it("keeps what was written across a close and a reopen, and migrates only once", async () => {
    const path = join(folder, "factory.db");
    const first = await openFactoryDatabase(path);
    await first
      .insertInto("change_outcome")
      .values({
        id: "o1",
        at: "2026-11-24T10:00:00.000Z",
        work_item: "todo-api",
        outcome: "approved",
      })
      .execute();
    await closeFactoryDatabase(first);
    const second = await openFactoryDatabase(path);
    expect(await migrateFactoryDatabase(second)).toEqual([]);
    const rows = await second.selectFrom("change_outcome").selectAll().execute();
    expect(rows).toEqual([
      { id: "o1", at: "2026-11-24T10:00:00.000Z", work_item: "todo-api", outcome: "approved" },
    ]);
    await closeFactoryDatabase(second);
  });

  it("enforces foreign keys: a charge cannot settle a reservation that does not exist", async () => {
    const database = await openFactoryDatabase(join(folder, "factory.db"));
    const insert = database
      .insertInto("cost_event")
      .values({
        id: "e1",
        at: "2026-11-24T10:00:00.000Z",
        category: "inference",
        amount_micro_usd: 5,
        priced: 1,
        work_item: null,
        station: null,
        agent: null,
        model: null,
        run: null,
        reservation_id: "no-such-reservation",
        input_tokens: 0,
        cached_input_tokens: 0,
        output_tokens: 0,
        reasoning_tokens: 0,
        cpu_seconds: 0,
        wall_seconds: 0,
      })
      .execute();
    await expect(insert).rejects.toThrow(/FOREIGN KEY/);
    await closeFactoryDatabase(database);
  });

  it("says which file it cannot open", async () => {
    const blocker = join(folder, "a-file");
    const database = await openFactoryDatabase(blocker);
    await closeFactoryDatabase(database);
    const opening = openFactoryDatabase(join(blocker, "factory.db"));
    await expect(opening).rejects.toBeInstanceOf(ShopfloorError);
    await expect(opening).rejects.toThrow(/cannot open the factory database .*a-file/);
  });
});
