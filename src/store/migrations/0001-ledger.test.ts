import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, NO_MIGRATIONS } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeFactoryDatabase, openFactoryDatabase } from "../open-factory-database.js";
import { factoryMigrationProvider, factoryMigrations } from "./index.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-migration-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("the ledger migration", () => {
  it("is listed first, in order, and can be undone and redone", async () => {
    const names = Object.keys(factoryMigrations);
    expect(names.slice(0, 2)).toEqual(["0001-ledger", "0002-line"]);
    expect(names).toEqual([...names].sort());
    const database = await openFactoryDatabase(join(folder, "factory.db"));
    const migrator = new Migrator({ db: database, provider: factoryMigrationProvider });
    expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    expect(await database.introspection.getTables()).toEqual([]);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const tables = await database.introspection.getTables();
    const alert = tables.find((table) => table.name === "budget_alert");
    expect(alert?.columns.map((column) => column.name)).toEqual([
      "id",
      "at",
      "day",
      "scope",
      "threshold_percent",
      "spent_micro_usd",
      "limit_micro_usd",
    ]);
    await closeFactoryDatabase(database);
  });
});
