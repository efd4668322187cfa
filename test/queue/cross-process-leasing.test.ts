/**
 * The queue holds across OS processes: four workers lease from one database file at once and every job
 * is leased and completed exactly once; a worker killed with SIGKILL leaves a lease that the next
 * orchestrator takes back at once, without using up an attempt.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteJobQueue } from "../../src/queue/sqlite-job-queue.js";
import { workerIdOf } from "./support/lease-worker.js";
import { type TemporaryQueue, temporaryQueue } from "./support/temporary-queue.js";

const launcher = fileURLToPath(new URL("../support/run-typescript.mjs", import.meta.url));
const workerModule = fileURLToPath(new URL("./support/lease-worker.ts", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

interface Worker {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  /** The first JSON line the worker prints. */
  report: Promise<Record<string, unknown>>;
}

function startWorker(path: string, mode: "drain" | "hold"): Worker {
  const child = spawn(process.execPath, [launcher, workerModule, path, mode], { cwd: root });
  let output = "";
  let errors = "";
  let signalReady: () => void = () => {};
  let signalReport: (report: Record<string, unknown>) => void = () => {};
  const ready = new Promise<void>((resolve) => {
    signalReady = resolve;
  });
  const report = new Promise<Record<string, unknown>>((resolve, reject) => {
    signalReport = resolve;
    child.on("close", (code, signal) => {
      if (code !== 0) reject(new Error(`worker exited with ${code ?? signal}: ${errors}`));
    });
  });
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.startsWith("ready\n")) signalReady();
    const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
    if (line !== undefined && output.includes(`${line}\n`)) signalReport(JSON.parse(line));
  });
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString("utf8");
  });
  report.catch(() => signalReady());
  return { child, ready, report };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let subject: TemporaryQueue;
beforeEach(async () => {
  subject = await temporaryQueue();
});
afterEach(async () => {
  await subject.close();
});

describe("leasing from several processes", () => {
  it("leases and completes every job exactly once", async () => {
    const jobCount = 200;
    // The workers run on the real clock, so the jobs are enqueued on it too.
    const queue = new SqliteJobQueue({ database: subject.database, now: () => Date.now() });
    const enqueued = new Set<string>();
    for (let index = 0; index < jobCount; index += 1) {
      const key = `trials:item-${index}:1`;
      enqueued.add((await queue.enqueue({ station: "trials", payload: { index }, key })).id);
    }
    const workers = Array.from({ length: 4 }, () => startWorker(subject.path, "drain"));
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.child.stdin.end("go\n");
    const reports = await Promise.all(workers.map((worker) => worker.report));

    const completed = reports.flatMap((report) => report.completed as string[]);
    expect(completed).toHaveLength(jobCount);
    expect(new Set(completed)).toEqual(enqueued);
    expect(
      reports.filter((report) => (report.completed as string[]).length > 0).length,
    ).toBeGreaterThan(1);
    expect((await subject.queue.counts()).trials).toEqual({
      waiting: 0,
      leased: 0,
      done: 200,
      dead: 0,
    });
    const attempts = await subject.database
      .selectFrom("job")
      .select("attempt")
      .distinct()
      .execute();
    expect(attempts).toEqual([{ attempt: 1 }]);
  }, 60_000);

  it("takes back the lease of a worker killed with SIGKILL, as the same attempt", async () => {
    const queue = new SqliteJobQueue({ database: subject.database, now: () => Date.now() });
    const { id } = await queue.enqueue({ station: "trials", payload: {}, key: "held" });
    const worker = startWorker(subject.path, "hold");
    await worker.ready;
    worker.child.stdin.write("go\n");
    expect(await worker.report).toEqual({ held: id });
    const pid = worker.child.pid ?? 0;
    const exited = once(worker.child, "exit");
    worker.child.kill("SIGKILL");
    await exited;

    const lease = { workerId: workerIdOf(process.pid), leaseMs: 60_000 };
    expect(await queue.lease("trials", lease)).toBeUndefined();
    const isGone = (workerId: string) => workerId === workerIdOf(pid) && !isAlive(pid);
    expect(await queue.releaseLeases(isGone)).toBe(1);
    expect(await queue.lease("trials", lease)).toMatchObject({ id, attempt: 1 });
  }, 60_000);
});
