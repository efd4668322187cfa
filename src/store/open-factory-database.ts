/**
 * Opening the factory's database (`<home>/factory.db`): SQLite through better-sqlite3 in WAL mode, so
 * readers never wait for the writer and several processes can share the file; a busy timeout, so a
 * writer waits its turn instead of failing; foreign keys on; migrated to the latest schema before use.
 * Close it with `closeFactoryDatabase` (Kysely's `destroy`), which closes the file.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Sqlite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { ShopfloorError } from "../contracts/errors.js";
import type { FactoryDatabase } from "./factory-database.js";
import { inImmediateTransaction } from "./immediate-transaction.js";
import { factoryMigrationProvider } from "./migrations/index.js";

export const factoryDatabaseFileName = "factory.db";

export interface OpenFactoryDatabaseOptions {
  /** How long a writer waits for another process's write lock before giving up; default 10 s. */
  busyTimeoutMilliseconds?: number;
}

export async function openFactoryDatabase(
  path: string,
  options: OpenFactoryDatabaseOptions = {},
): Promise<Kysely<FactoryDatabase>> {
  const file = openFile(path);
  try {
    file.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMilliseconds ?? 10_000)}`);
    file.pragma("journal_mode = WAL");
    file.pragma("foreign_keys = ON");
  } catch (error) {
    file.close();
    throw new ShopfloorError(
      "io-error",
      `cannot use ${path} as the factory database: ${reason(error)}`,
      {
        path,
        cause: error,
      },
    );
  }
  const database = new Kysely<FactoryDatabase>({ dialect: new SqliteDialect({ database: file }) });
  try {
    await migrateFactoryDatabase(database);
  } catch (error) {
    await database.destroy();
    throw error;
  }
  return database;
}

export async function closeFactoryDatabase(database: Kysely<FactoryDatabase>): Promise<void> {
  await database.destroy();
}

/**
 * Runs the migrations not yet applied, holding the write lock so that two processes opening a new
 * database at once do not both create its tables. Returns the names of the migrations it ran.
 */
export async function migrateFactoryDatabase(database: Kysely<FactoryDatabase>): Promise<string[]> {
  return inImmediateTransaction(database, async (connection) => {
    const migrator = new Migrator({
      db: connection,
      provider: factoryMigrationProvider,
      disableTransactions: true,
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error !== undefined) {
      throw new ShopfloorError(
        "internal",
        `cannot migrate the factory database: ${reason(error)}`,
        {
          cause: error,
        },
      );
    }
    return (results ?? []).map((result) => result.migrationName);
  });
}

function openFile(path: string): Sqlite.Database {
  try {
    mkdirSync(dirname(path), { recursive: true });
    return new Sqlite(path);
  } catch (error) {
    throw new ShopfloorError(
      "io-error",
      `cannot open the factory database ${path}: ${reason(error)}`,
      {
        path,
        cause: error,
      },
    );
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
