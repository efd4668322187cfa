/**
 * Test support: a job queue over a real factory database in a fresh temporary folder, with a clock the
 * test moves by hand and ids that count up (`id-1`, `id-2`…), so every time and token can be stated.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import type { Backoff } from "../../../src/queue/backoff.js";
import { SqliteJobQueue } from "../../../src/queue/sqlite-job-queue.js";
import type { FactoryDatabase } from "../../../src/store/factory-database.js";
import {
  closeFactoryDatabase,
  openFactoryDatabase,
} from "../../../src/store/open-factory-database.js";

export const startMs = Date.parse("2026-11-24T09:00:00.000Z");

export interface TemporaryQueue {
  path: string;
  database: Kysely<FactoryDatabase>;
  queue: SqliteJobQueue;
  /** The injected clock, in epoch milliseconds. */
  now(): number;
  advance(milliseconds: number): void;
  close(): Promise<void>;
}

export async function temporaryQueue(backoff?: Backoff): Promise<TemporaryQueue> {
  const folder = mkdtempSync(join(tmpdir(), "shopfloor-queue-"));
  const path = join(folder, "factory.db");
  const database = await openFactoryDatabase(path);
  let current = startMs;
  let counter = 0;
  const now = () => current;
  const queue = new SqliteJobQueue({
    database,
    now,
    randomId: () => `id-${++counter}`,
    ...(backoff === undefined ? {} : { backoff }),
  });
  return {
    path,
    database,
    queue,
    now,
    advance: (milliseconds) => {
      current += milliseconds;
    },
    close: async () => {
      await closeFactoryDatabase(database);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
