/**
 * A worker process for the cross-process reservation test: opens the factory database, says "ready",
 * waits for "go" on standard input so that every worker starts at once, then asks for many reservations
 * in parallel and prints how many were granted as JSON.
 */
import { createInterface } from "node:readline";
import { defaultConfig } from "../../../src/contracts/config.js";
import { Ledger } from "../../../src/ledger/ledger.js";
import {
  closeFactoryDatabase,
  openFactoryDatabase,
} from "../../../src/store/open-factory-database.js";

export async function main(argv: readonly string[]): Promise<void> {
  const [path = "", countText = "0", amountText = "0", name = "worker"] = argv;
  const database = await openFactoryDatabase(path);
  const ledger = new Ledger({
    database,
    config: { ...defaultConfig, budget: { ...defaultConfig.budget, dailyUsd: 100 } },
    now: () => new Date("2026-11-24T09:00:00.000Z"),
  });
  process.stdout.write("ready\n");
  await waitForGo();
  const outcomes = await Promise.all(
    Array.from({ length: Number(countText) }, (_, index) =>
      ledger.reserve({
        category: "testing",
        amountMicroUsd: Number(amountText),
        workItem: `${name}-${index}`,
      }),
    ),
  );
  const granted = outcomes.filter((outcome) => outcome.granted).length;
  await closeFactoryDatabase(database);
  process.stdout.write(`${JSON.stringify({ granted })}\n`);
}

async function waitForGo(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === "go") break;
  }
  lines.close();
}
