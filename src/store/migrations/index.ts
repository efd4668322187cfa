/**
 * The factory database's migrations, as code (no folder scanning, so they work the same from src/ and
 * dist/). Names sort in the order they run; a migration, once released, never changes: add a new one.
 */
import type { Migration, MigrationProvider } from "kysely";
import { ledgerMigration } from "./0001-ledger.js";

export const factoryMigrations: Readonly<Record<string, Migration>> = {
  "0001-ledger": ledgerMigration,
};

export const factoryMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...factoryMigrations }),
};
