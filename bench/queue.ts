/**
 * Job queue figures: the cost per job of the embedded queue on a real database file (WAL, synchronous
 * as opened by the factory), enqueue and lease + complete each in its own write transaction as the line
 * does them, on an empty history and again after many done jobs, to show the history costs nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Kysely } from "kysely";
import { stationNames } from "../src/contracts/work-item.js";
import { SqliteJobQueue } from "../src/queue/sqlite-job-queue.js";
import type { FactoryDatabase } from "../src/store/factory-database.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../src/store/open-factory-database.js";

type Print = (line: string) => void;

const jobsPerRound = 2_000;
const historyJobs = 50_000;

interface Round {
  enqueueMicroseconds: number;
  leaseAndCompleteMicroseconds: number;
}

export async function runQueueBenchmark(print: Print): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "shopfloor-bench-queue-"));
  const database = await openFactoryDatabase(join(folder, "factory.db"));
  try {
    const queue = new SqliteJobQueue({ database, now: () => Date.now() });
    print("");
    print(`job queue: µs per job on a database file, ${jobsPerRound.toLocaleString("en-US")} jobs`);
    const rows: string[][] = [["history", "enqueue", "lease + complete", "total"]];
    const empty = await timeRound(queue, "empty");
    rows.push(["no done jobs", ...figures(empty)]);
    await addHistory(database, historyJobs);
    const full = await timeRound(queue, "full");
    rows.push([`${historyJobs.toLocaleString("en-US")} done jobs`, ...figures(full)]);
    printTable(print, rows);
  } finally {
    await closeFactoryDatabase(database);
    rmSync(folder, { recursive: true, force: true });
  }
}

async function timeRound(queue: SqliteJobQueue, label: string): Promise<Round> {
  const stations = stationNames;
  const enqueueStart = performance.now();
  for (let index = 0; index < jobsPerRound; index += 1) {
    const station = stations[index % stations.length] ?? "build";
    await queue.enqueue({ station, payload: { index }, key: `${label}:${station}:${index}` });
  }
  const enqueueMs = performance.now() - enqueueStart;
  const lease = { workerId: "bench:1", leaseMs: 60_000 };
  let completed = 0;
  const leaseStart = performance.now();
  for (const station of stations) {
    for (;;) {
      const job = await queue.lease(station, lease);
      if (job === undefined) break;
      await queue.complete(job);
      completed += 1;
    }
  }
  const leaseMs = performance.now() - leaseStart;
  if (completed !== jobsPerRound) throw new Error(`completed ${completed} of ${jobsPerRound} jobs`);
  return {
    enqueueMicroseconds: (enqueueMs * 1000) / jobsPerRound,
    leaseAndCompleteMicroseconds: (leaseMs * 1000) / jobsPerRound,
  };
}

/** Done jobs written directly, in large batches: only their presence matters here. */
async function addHistory(database: Kysely<FactoryDatabase>, count: number): Promise<void> {
  const at = new Date().toISOString();
  const batch = 2_000;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, offset) => ({
      id: `history-${start + offset}`,
      station: stationNames[(start + offset) % stationNames.length] ?? "build",
      payload: "{}",
      job_key: `history:${start + offset}`,
      state: "done",
      attempt: 1,
      max_attempts: 3,
      run_at: 0,
      expirations: 0,
      created_at: at,
      updated_at: at,
    }));
    await database.transaction().execute(async (transaction) => {
      for (let chunk = 0; chunk < rows.length; chunk += 200) {
        await transaction
          .insertInto("job")
          .values(rows.slice(chunk, chunk + 200))
          .execute();
      }
    });
  }
}

function figures(round: Round): string[] {
  return [
    round.enqueueMicroseconds.toFixed(0),
    round.leaseAndCompleteMicroseconds.toFixed(0),
    (round.enqueueMicroseconds + round.leaseAndCompleteMicroseconds).toFixed(0),
  ];
}

function printTable(print: Print, rows: readonly string[][]): void {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  for (const row of rows) {
    const cells = row.map((cell, column) =>
      column === 0 ? cell.padEnd(widths?.[column] ?? 0) : cell.padStart(widths?.[column] ?? 0),
    );
    print(`  ${cells.join("  ")}`);
  }
}
