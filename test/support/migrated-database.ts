/**
 * Test support for the migrations' tests: a factory database in a new temporary folder, opened (so
 * migrated to the latest) before each test and closed and removed after it, with the schema reads the
 * tests make: the tables' names and a table's columns in order.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach } from "vitest";
import type { FactoryDatabase } from "../../src/store/factory-database.js";
import {
  closeFactoryDatabase,
  openFactoryDatabase,
} from "../../src/store/open-factory-database.js";

export interface MigratedDatabase {
  readonly database: Kysely<FactoryDatabase>;
  tableNames(): Promise<string[]>;
  /** The table's columns in order, or undefined when there is no such table. */
  columnsOf(table: string): Promise<string[] | undefined>;
}

export function useMigratedDatabase(): MigratedDatabase {
  let folder: string | undefined;
  let database: Kysely<FactoryDatabase> | undefined;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), "shopfloor-migration-"));
    database = await openFactoryDatabase(join(folder, "factory.db"));
  });
  afterEach(async () => {
    if (database !== undefined) await closeFactoryDatabase(database);
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    database = undefined;
    folder = undefined;
  });
  const current = (): Kysely<FactoryDatabase> => {
    if (database === undefined) throw new Error("the migrated database is read outside a test");
    return database;
  };
  return {
    get database() {
      return current();
    },
    tableNames: async () => (await current().introspection.getTables()).map((table) => table.name),
    columnsOf: async (table) => {
      const tables = await current().introspection.getTables();
      return tables
        .find((candidate) => candidate.name === table)
        ?.columns.map((column) => column.name);
    },
  };
}
