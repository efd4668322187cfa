/**
 * The budget holds across OS processes: several workers on the same database file ask for far more than
 * the budget at the same moment, and exactly what fits is granted, no more.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configWith, type TemporaryLedger, temporaryLedger } from "./support/ledger-database.js";

const launcher = fileURLToPath(new URL("../support/run-typescript.mjs", import.meta.url));
const worker = fileURLToPath(new URL("./support/reserve-worker.ts", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

interface Worker {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  result: Promise<{ granted: number }>;
}

function startWorker(path: string, count: number, amountMicroUsd: number, name: string): Worker {
  const child = spawn(
    process.execPath,
    [launcher, worker, path, String(count), String(amountMicroUsd), name],
    { cwd: root },
  );
  let output = "";
  let errors = "";
  let signalReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    signalReady = resolve;
  });
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.startsWith("ready\n")) signalReady();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString("utf8");
  });
  const result = new Promise<{ granted: number }>((resolve, reject) => {
    child.on("close", (code) => {
      const last = output.trim().split("\n").at(-1) ?? "";
      if (code === 0) resolve(JSON.parse(last) as { granted: number });
      else reject(new Error(`worker ${name} exited with ${code}: ${errors}`));
    });
  });
  result.catch(() => signalReady());
  return { child, ready, result };
}

let subject: TemporaryLedger;
beforeEach(async () => {
  subject = await temporaryLedger(configWith({ dailyUsd: 100 }));
});
afterEach(async () => {
  await subject.close();
});

describe("reservations from several processes", () => {
  it("grant exactly what fits in the budget, never more", async () => {
    const workerCount = 4;
    const asksPerWorker = 60;
    const amountMicroUsd = 300_000; // $0.30; testing's share of $100 is $40: 133 asks fit
    const workers = Array.from({ length: workerCount }, (_, index) =>
      startWorker(subject.path, asksPerWorker, amountMicroUsd, `worker-${index}`),
    );
    await Promise.all(workers.map((started) => started.ready));
    for (const started of workers) started.child.stdin.end("go\n");
    const results = await Promise.all(workers.map((started) => started.result));

    const granted = results.reduce((sum, result) => sum + result.granted, 0);
    expect(granted).toBe(133);
    expect(results.filter((result) => result.granted > 0).length).toBeGreaterThan(1);
    const rows = await subject.database
      .selectFrom("reservation")
      .select(["amount_micro_usd", "state"])
      .execute();
    expect(rows).toHaveLength(133);
    expect(rows.reduce((sum, row) => sum + row.amount_micro_usd, 0)).toBe(39_900_000);
    const status = await subject.ledger.status();
    expect(status.categories.find((line) => line.category === "testing")).toMatchObject({
      reservedMicroUsd: 39_900_000,
      leftMicroUsd: 100_000,
    });
  }, 60_000);
});
