import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FactoryDatabase } from "./factory-database.js";
import { inImmediateTransaction } from "./immediate-transaction.js";
import { closeFactoryDatabase, openFactoryDatabase } from "./open-factory-database.js";

let folder: string;
let database: Kysely<FactoryDatabase>;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-transaction-"));
  database = await openFactoryDatabase(join(folder, "factory.db"));
});
afterEach(async () => {
  await closeFactoryDatabase(database);
  rmSync(folder, { recursive: true, force: true });
});

function outcome(id: string) {
  return { id, at: "2026-11-24T10:00:00.000Z", work_item: "item", outcome: "approved" };
}

async function outcomeCount(): Promise<number> {
  return (await database.selectFrom("change_outcome").select("id").execute()).length;
}

describe("inImmediateTransaction", () => {
  it("commits what the work wrote and returns its result", async () => {
    const result = await inImmediateTransaction(database, async (transaction) => {
      await transaction.insertInto("change_outcome").values(outcome("a")).execute();
      return "done";
    });
    expect(result).toBe("done");
    expect(await outcomeCount()).toBe(1);
  });

  it("rolls everything back when the work throws, and rethrows its error", async () => {
    const failing = inImmediateTransaction(database, async (transaction) => {
      await transaction.insertInto("change_outcome").values(outcome("a")).execute();
      throw new Error("refused");
    });
    await expect(failing).rejects.toThrow("refused");
    expect(await outcomeCount()).toBe(0);
  });

  it("runs concurrent read-then-write work one at a time, so no update is lost", async () => {
    const work = Array.from({ length: 50 }, (_, index) =>
      inImmediateTransaction(database, async (transaction) => {
        const count = (await transaction.selectFrom("change_outcome").select("id").execute())
          .length;
        await Promise.resolve();
        await transaction
          .insertInto("change_outcome")
          .values({ ...outcome(`o${index}`), outcome: String(count) })
          .execute();
      }),
    );
    await Promise.all(work);
    const seen = (await database.selectFrom("change_outcome").select("outcome").execute())
      .map((row) => Number(row.outcome))
      .sort((left, right) => left - right);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, index) => index));
  });
});
