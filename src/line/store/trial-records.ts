/**
 * Trials in the store, on the line's hot path. The key (build, scenario, attempt) makes every trial count
 * once: a resumed trials job that records a result again inserts nothing, and says so in the count it
 * returns. A batch is written in as few statements as the database's parameter limit allows.
 */
import type { Kysely } from "kysely";
import type { TrialResult } from "../../contracts/trial-result.js";
import type { FactoryDatabase, TrialTable } from "../../store/factory-database.js";
import { inImmediateTransaction } from "../../store/immediate-transaction.js";
import { trialColumns, trialFromRow, trialRow } from "./line-rows.js";

/** 8 parameters a row: 4,000 per statement, far below SQLite's 32,766 and PostgreSQL's 65,535. */
const rowsPerStatement = 500;

/** Stores the results not yet stored for this build; returns how many were new. */
export async function insertTrials(
  database: Kysely<FactoryDatabase>,
  build: string,
  results: readonly TrialResult[],
  at: string,
): Promise<number> {
  if (results.length === 0) return 0;
  const rows = results.map((result) => trialRow(build, result, at));
  if (rows.length <= rowsPerStatement) return insertRows(database, rows);
  return inImmediateTransaction(database, async (transaction) => {
    let inserted = 0;
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      inserted += await insertRows(transaction, rows.slice(start, start + rowsPerStatement));
    }
    return inserted;
  });
}

export async function selectTrials(
  database: Kysely<FactoryDatabase>,
  build: string,
): Promise<TrialResult[]> {
  const rows = await database
    .selectFrom("trial")
    .select(trialColumns)
    .where("build", "=", build)
    .orderBy("scenario", "asc")
    .orderBy("attempt", "asc")
    .execute();
  return rows.map(trialFromRow);
}

export async function countTrials(
  database: Kysely<FactoryDatabase>,
  build: string,
): Promise<number> {
  const row = await database
    .selectFrom("trial")
    .select((expression) => expression.fn.countAll<number>().as("count"))
    .where("build", "=", build)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function insertRows(
  database: Kysely<FactoryDatabase>,
  rows: readonly TrialTable[],
): Promise<number> {
  const result = await database
    .insertInto("trial")
    .values([...rows])
    .onConflict((conflict) => conflict.columns(["build", "scenario", "attempt"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
