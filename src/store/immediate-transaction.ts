/**
 * A write transaction that takes the database's write lock when it begins, so that a check ("is there
 * budget left?") and the write that depends on it ("reserve it") cannot interleave with another process
 * doing the same. Kysely's SQLite transactions begin DEFERRED, which takes the lock only at the first
 * write, after the check has read a state that may already be stale; this is the one place that knows
 * the SQLite way (`BEGIN IMMEDIATE`). A PostgreSQL dialect would use a SERIALIZABLE transaction or a
 * row lock here, and nothing else would change.
 */
import { type Kysely, sql } from "kysely";
import { ShopfloorError } from "../contracts/errors.js";

export async function inImmediateTransaction<Database, Result>(
  database: Kysely<Database>,
  work: (transaction: Kysely<Database>) => Promise<Result>,
): Promise<Result> {
  return database.connection().execute(async (connection) => {
    await begin(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await rollbackQuietly(connection);
      throw error;
    }
  });
}

async function begin<Database>(connection: Kysely<Database>): Promise<void> {
  try {
    await sql`begin immediate`.execute(connection);
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new ShopfloorError(
        "io-error",
        "the factory database stayed locked by another process past the busy timeout; try again",
        { retryable: true, cause: error },
      );
    }
    throw error;
  }
}

/** SQLite may already have rolled back (some errors end the transaction): that is not a second fault. */
async function rollbackQuietly<Database>(connection: Kysely<Database>): Promise<void> {
  try {
    await sql`rollback`.execute(connection);
  } catch {
    // The original error is the one worth reporting.
  }
}
