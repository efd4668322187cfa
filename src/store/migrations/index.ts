/**
 * The factory database's migrations, as code (no folder scanning, so they work the same from src/ and
 * dist/). Names sort in the order they run; a migration, once released, never changes: add a new one.
 */
import type { Migration, MigrationProvider } from "kysely";
import { ledgerMigration } from "./0001-ledger.js";
import { lineMigration } from "./0002-line.js";
import { jobQueueMigration } from "./0003-job-queue.js";
import { deployMigration } from "./0004-deploy.js";

export const factoryMigrations: Readonly<Record<string, Migration>> = {
  "0001-ledger": ledgerMigration,
  "0002-line": lineMigration,
  "0003-job-queue": jobQueueMigration,
  "0004-deploy": deployMigration,
};

export const factoryMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...factoryMigrations }),
};
