/**
 * A worker process for the cross-process queue tests. It opens the factory database, says "ready" and
 * waits for "go" on standard input, so that every worker starts at once. Mode `drain` then leases and
 * completes trials jobs until none is left and prints the ids it completed as JSON; mode `hold` leases
 * one job, prints its id and waits to be killed.
 */
import { hostname } from "node:os";
import { createInterface } from "node:readline";
import { SqliteJobQueue } from "../../../src/queue/sqlite-job-queue.js";
import {
  closeFactoryDatabase,
  openFactoryDatabase,
} from "../../../src/store/open-factory-database.js";

export const workerIdOf = (pid: number) => `${hostname()}:${pid}`;

export async function main(argv: readonly string[]): Promise<void> {
  const [path = "", mode = "drain"] = argv;
  const database = await openFactoryDatabase(path);
  const queue = new SqliteJobQueue({ database, now: () => Date.now() });
  const lease = { workerId: workerIdOf(process.pid), leaseMs: 60_000 };
  const lines = createInterface({ input: process.stdin });
  process.stdout.write("ready\n");
  for await (const line of lines) {
    if (line.trim() === "go") break;
  }
  if (mode === "hold") {
    const job = await queue.lease("trials", lease);
    process.stdout.write(`${JSON.stringify({ held: job?.id ?? null })}\n`);
    for await (const _line of lines) {
      // Waits for the SIGKILL the test sends; standard input keeps the process alive until then.
    }
    return;
  }
  lines.close();
  const completed: string[] = [];
  for (;;) {
    const job = await queue.lease("trials", lease);
    if (job === undefined) break;
    await queue.complete(job);
    completed.push(job.id);
  }
  await closeFactoryDatabase(database);
  process.stdout.write(`${JSON.stringify({ completed })}\n`);
}
