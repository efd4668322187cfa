/**
 * The ledger a command works on: the factory database at `<home>/factory.db` (created on first use) and
 * the config's budget, prices and rates. The database is closed when the work is done, even on error.
 */
import { join } from "node:path";
import { Ledger } from "../../../ledger/ledger.js";
import {
  factoryDatabaseFileName,
  openFactoryDatabase,
} from "../../../store/open-factory-database.js";
import type { CliIo } from "../../cli-io.js";
import { factoryHome } from "../../factory-home.js";
import { loadConfig } from "../../load-config.js";

export interface LedgerLocation {
  home?: string;
  config?: string;
}

export async function withLedger<Result>(
  io: CliIo,
  location: LedgerLocation,
  now: () => Date,
  work: (ledger: Ledger) => Promise<Result>,
): Promise<Result> {
  const config = await loadConfig(io, location.config, location.home);
  const database = await openFactoryDatabase(
    join(factoryHome(io, location.home), factoryDatabaseFileName),
  );
  try {
    return await work(new Ledger({ database, config, now }));
  } finally {
    await database.destroy();
  }
}

export const homeOptionHelp =
  "the factory home holding factory.db (default: $SHOPFLOOR_HOME or .shopfloor)";
export const configOptionHelp =
  "config file (default: ./shopfloor.config.yaml, .yml or .json if present)";
