import { hostname } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TemporaryQueue, temporaryQueue } from "../../test/queue/support/temporary-queue.js";
import { ShopfloorError } from "../contracts/errors.js";
import type { StationName } from "../contracts/work-item.js";
import type { SqliteJobQueue } from "../queue/sqlite-job-queue.js";
import { isLocalWorkerGone, isRetryable, type LineRunnerOptions, runLine } from "./line-runner.js";

let temporary: TemporaryQueue;
let queue: SqliteJobQueue;
beforeEach(async () => {
  temporary = await temporaryQueue();
  queue = temporary.queue;
});
afterEach(() => temporary.close());

const one = { intake: 1, build: 1, scenarios: 1, trials: 1, gate: 1, deploy: 1 };

/**
 * Waiting advances the queue's clock, so a job due later becomes due without a real sleep, and lets the
 * event loop turn once, as a timer would.
 */
function options(overrides: Partial<LineRunnerOptions>): LineRunnerOptions {
  return {
    queue,
    handle: async () => undefined,
    concurrency: one,
    workerId: `${hostname()}:${process.pid}`,
    wait: async (milliseconds) => {
      temporary.advance(milliseconds);
      await new Promise((settle) => setImmediate(settle));
    },
    repeat: () => () => undefined,
    ...overrides,
  };
}

async function enqueue(station: StationName, key: string, maxAttempts?: number) {
  await queue.enqueue({
    station,
    payload: { workItem: key },
    key,
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}

describe("the line runner", () => {
  it("runs every job, those its handlers enqueue included, and returns when the queue is idle", async () => {
    await enqueue("intake", "a");
    await enqueue("intake", "b");
    const order: string[] = [];
    const report = await runLine(
      options({
        handle: async (job) => {
          order.push(`${job.station}:${job.key}`);
          if (job.station === "intake") await enqueue("build", `${job.key}-build`);
        },
      }),
    );
    expect(report.jobsRun).toBe(4);
    expect(order.sort()).toEqual(["build:a-build", "build:b-build", "intake:a", "intake:b"]);
    const counts = await queue.counts();
    expect(counts.intake).toEqual({ waiting: 0, leased: 0, done: 2, dead: 0 });
  });

  it("keeps each station within its concurrency", async () => {
    for (const key of ["1", "2", "3", "4", "5"]) await enqueue("trials", key);
    let running = 0;
    let most = 0;
    await runLine(
      options({
        concurrency: { ...one, trials: 2 },
        handle: async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((settle) => setImmediate(settle));
          running -= 1;
        },
      }),
    );
    expect(most).toBe(2);
  });

  it("retries a retryable failure after its backoff and reports a job that dies", async () => {
    await enqueue("gate", "flaky", 3);
    await enqueue("gate", "broken", 3);
    const tries: Record<string, number> = {};
    const dead: { key: string; error: string }[] = [];
    await runLine(
      options({
        handle: async (job) => {
          tries[job.key] = (tries[job.key] ?? 0) + 1;
          if (job.key === "flaky" && tries[job.key] === 1) throw new Error("database is locked");
          if (job.key === "broken") throw new ShopfloorError("invalid-input", "no such suite");
        },
        onDeadJob: async (job, error) => {
          dead.push({ key: job.key, error });
        },
      }),
    );
    expect(tries).toEqual({ flaky: 2, broken: 1 });
    expect(dead).toEqual([{ key: "broken", error: "invalid-input: no such suite" }]);
  });

  it("takes back the leases of a dead process of this host before it starts", async () => {
    await enqueue("build", "orphan");
    await queue.lease("build", { workerId: `${hostname()}:999999999`, leaseMs: 3_600_000 });
    const ran: string[] = [];
    await runLine(options({ handle: async (job) => void ran.push(job.key) }));
    expect(ran).toEqual(["orphan"]);
  });

  it("stops on abort: running jobs are aborted and their leases released for the next run", async () => {
    await enqueue("build", "long");
    const controller = new AbortController();
    let started: () => void = () => undefined;
    const running = new Promise<void>((settle) => {
      started = settle;
    });
    let seen: AbortSignal | undefined;
    const outcome = runLine(
      options({
        signal: controller.signal,
        handle: (_job, signal) => {
          seen = signal;
          started();
          return new Promise((_settle, fail) => {
            signal.addEventListener("abort", () => fail(new Error("stopped")), { once: true });
          });
        },
      }),
    );
    await running;
    controller.abort();
    const report = await outcome;
    expect(seen?.aborted).toBe(true);
    expect(report.jobsRun).toBe(1);
    const counts = await queue.counts();
    expect(counts.build).toEqual({ waiting: 1, leased: 0, done: 0, dead: 0 });
  });

  it("extends a running job's lease on each heartbeat and aborts the job when the lease is lost", async () => {
    await enqueue("gate", "beating");
    let beat: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((settle) => {
      started = settle;
    });
    let aborted = false;
    const stop = new AbortController();
    const outcome = runLine(
      options({
        signal: stop.signal,
        leaseMs: { gate: 30_000 },
        // The queue's clock stands still while the job runs.
        wait: () => new Promise((settle) => setImmediate(settle)),
        repeat: (callback, interval) => {
          expect(interval).toBe(10_000);
          beat = callback;
          return () => undefined;
        },
        handle: (_job, signal) => {
          started();
          return new Promise((_settle, fail) => {
            signal.addEventListener(
              "abort",
              () => {
                aborted = true;
                fail(signal.reason);
              },
              { once: true },
            );
          });
        },
      }),
    );
    await running;
    temporary.advance(20_000);
    beat();
    await until(async () => (await leaseExpiry()) === temporary.now() + 30_000);
    // Another worker took the job: the next beat finds the lease lost and stops this one.
    await temporary.database
      .updateTable("job")
      .set({ lease_token: "someone-else", worker_id: "other-host:1" })
      .execute();
    beat();
    await until(async () => aborted);
    // The job is the other worker's now: this runner would wait for it, so it is stopped.
    stop.abort();
    await outcome;
    const row = await temporary.database
      .selectFrom("job")
      .select(["state", "lease_token"])
      .executeTakeFirst();
    expect(row).toEqual({ state: "leased", lease_token: "someone-else" });
  });
});

async function leaseExpiry(): Promise<number | null> {
  const row = await temporary.database
    .selectFrom("job")
    .select("lease_expires_at")
    .executeTakeFirstOrThrow();
  return row.lease_expires_at;
}

/** Lets the event loop turn until the condition holds (at most 1000 turns). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let turn = 0; turn < 1000; turn++) {
    if (await condition()) return;
    await new Promise((settle) => setImmediate(settle));
  }
  throw new Error("the condition never held");
}

describe("workers and errors", () => {
  it("judges only this host's processes gone, and only when they no longer run", () => {
    expect(isLocalWorkerGone(`${hostname()}:${process.pid}`)).toBe(false);
    expect(isLocalWorkerGone(`${hostname()}:999999999`)).toBe(true);
    expect(isLocalWorkerGone("another-host:999999999")).toBe(false);
    expect(isLocalWorkerGone("nonsense")).toBe(false);
  });

  it("retries errors that say so, and errors of unknown kind", () => {
    expect(isRetryable(new ShopfloorError("io-error", "busy", { retryable: true }))).toBe(true);
    expect(isRetryable(new ShopfloorError("invalid-input", "bad"))).toBe(false);
    expect(isRetryable(new Error("SQLITE_BUSY"))).toBe(true);
  });
});
