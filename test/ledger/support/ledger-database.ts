/** Test support: a ledger over a real factory database in a fresh temporary folder, and a clock to move. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { type Config, defaultConfig } from "../../../src/contracts/config.js";
import { Ledger } from "../../../src/ledger/ledger.js";
import type { FactoryDatabase } from "../../../src/store/factory-database.js";
import {
  closeFactoryDatabase,
  openFactoryDatabase,
} from "../../../src/store/open-factory-database.js";

export interface ManualClock {
  now(): Date;
  set(instant: string): void;
  advanceMinutes(minutes: number): void;
}

export function manualClock(start: string): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant).getTime();
    },
    advanceMinutes: (minutes) => {
      current += minutes * 60_000;
    },
  };
}

export interface TemporaryLedger {
  folder: string;
  path: string;
  database: Kysely<FactoryDatabase>;
  ledger: Ledger;
  clock: ManualClock;
  close(): Promise<void>;
}

export type LedgerConfig = Pick<Config, "budget" | "prices" | "rates">;

export function configWith(budget: Partial<Config["budget"]> = {}): LedgerConfig {
  return { ...defaultConfig, budget: { ...defaultConfig.budget, ...budget } };
}

export async function temporaryLedger(
  config: LedgerConfig = defaultConfig,
  start = "2026-11-24T09:00:00.000Z",
): Promise<TemporaryLedger> {
  const folder = mkdtempSync(join(tmpdir(), "shopfloor-ledger-"));
  const path = join(folder, "factory.db");
  const database = await openFactoryDatabase(path);
  const clock = manualClock(start);
  let counter = 0;
  const ledger = new Ledger({
    database,
    config,
    now: clock.now,
    newId: () => `id-${String(++counter).padStart(5, "0")}`,
  });
  return {
    folder,
    path,
    database,
    ledger,
    clock,
    close: async () => {
      await closeFactoryDatabase(database);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
