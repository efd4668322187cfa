import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import {
  closedAfterEachTest,
  functionFixtures,
  mathModule,
} from "../../../test/support/function-pools.js";
import { eventually } from "../../../test/support/sandbox-test-support.js";
import { FunctionPoolClosedError } from "./errors.js";
import type { FunctionPool } from "./function-pool.js";

const _fixtures = functionFixtures;
const math = mathModule;
const createPool = closedAfterEachTest({ size: 1 });

function call(
  pool: FunctionPool,
  exportName: string,
  args: unknown[] = [],
  timeoutMs = 5_000,
  signal?: AbortSignal,
) {
  return pool.call({ module: math, export: exportName, args, timeoutMs }, signal);
}

/** A process that is gone, or a zombie waiting for an init that does not reap, no longer runs. */
function isRunning(processId: number): boolean {
  try {
    process.kill(processId, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${processId}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Starts the pool's one worker and returns its process id. */
async function readyWorker(pool: FunctionPool): Promise<number> {
  await call(pool, "add", [1, 1]);
  const [processId] = pool.processIds;
  if (processId === undefined) throw new Error("no worker started");
  return processId;
}

describe("FunctionPool: calls that never end", () => {
  it.each(["hang", "busyLoop"])(
    "times out %s, kills its worker and keeps serving",
    async (exportName) => {
      const pool = createPool();
      const processId = await readyWorker(pool);
      const started = performance.now();
      const observation = await call(pool, exportName, [], 200);
      const elapsedMs = performance.now() - started;
      expect(observation.threw).toEqual({
        name: "TrialTimeout",
        message: "call timed out after 200 ms",
      });
      expect(observation.durationMs).toBeGreaterThanOrEqual(199);
      expect(elapsedMs).toBeLessThan(200 + 1_000);
      expect(() => process.kill(processId, 0)).toThrow();
      expect((await call(pool, "add", [2, 3])).returned).toBe(5);
      expect(pool.processIds).not.toContain(processId);
    },
  );

  it("keeps other workers serving while one call hangs", async () => {
    const pool = createPool({ size: 2 });
    const hanging = call(pool, "hang", [], 400);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) => call(pool, "add", [index, 1])),
    );
    expect(answers.map((answer) => answer.returned)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    expect((await hanging).threw?.name).toBe("TrialTimeout");
  });

  it("aborts a running call by killing its worker", async () => {
    const pool = createPool();
    const processId = await readyWorker(pool);
    const controller = new AbortController();
    const hanging = call(pool, "hang", [], 5_000, controller.signal);
    controller.abort();
    expect((await hanging).threw?.name).toBe("ShopfloorAborted");
    expect(() => process.kill(processId, 0)).toThrow();
    expect((await call(pool, "add", [2, 3])).returned).toBe(5);
  });

  it("aborts a waiting call without touching the worker, and refuses an already aborted one", async () => {
    const pool = createPool();
    const processId = await readyWorker(pool);
    const controller = new AbortController();
    const running = call(pool, "slow", [50, "finished"]);
    const waiting = call(pool, "add", [1, 2], 5_000, controller.signal);
    controller.abort();
    expect((await waiting).threw).toMatchObject({
      name: "ShopfloorAborted",
      message: expect.stringContaining('"add"'),
    });
    expect((await running).returned).toBe("finished");
    expect(pool.processIds).toEqual([processId]);
    expect((await call(pool, "add", [1, 2], 5_000, AbortSignal.abort())).threw?.name).toBe(
      "ShopfloorAborted",
    );
  });
});

describe("FunctionPool: code that ends its worker", () => {
  it("reports process.exit as WorkerCrashed and serves the next calls", async () => {
    const pool = createPool();
    const observation = await call(pool, "exitsProcess");
    expect(observation.threw).toEqual({
      name: "WorkerCrashed",
      message: 'the function worker exited with code 3 while calling export "exitsProcess"',
    });
    expect((await call(pool, "add", [2, 3])).returned).toBe(5);
  });

  it("reports an exception thrown from a timer with the worker's last stderr lines", async () => {
    const observation = await call(createPool(), "throwsFromTimer", ["timer went off"]);
    expect(observation.threw?.name).toBe("WorkerCrashed");
    expect(observation.threw?.message).toMatch(
      /exited with code 1 while calling export "throwsFromTimer"; its last stderr lines:\n/,
    );
    expect(observation.threw?.message).toContain("Error: timer went off");
  });

  it("reads results correctly whatever the code prints", async () => {
    const pool = createPool();
    const observation = await call(pool, "logsNoise", [2_000]);
    expect(observation.returned).toBe("quiet result");
    expect((await call(pool, "add", [2, 3])).returned).toBe(5);
  });
});

describe("FunctionPool: pipelined calls", () => {
  it("fails every call in flight on a timed-out worker, without retrying them", async () => {
    const pool = createPool({ maxInFlightPerWorker: 4 });
    await readyWorker(pool);
    const neighbour = call(pool, "slow", [5_000, "never"]);
    const hanging = call(pool, "hang", [], 150);
    expect((await hanging).threw?.name).toBe("TrialTimeout");
    const neighbourObservation = await neighbour;
    expect(neighbourObservation.threw?.name).toBe("WorkerKilled");
    expect(neighbourObservation.threw?.message).toBe(
      'the function worker was killed because a call to export "hang" on it timed out after 150 ms; ' +
        'this call to export "slow" was in flight on the same worker and is not retried',
    );
  });

  it("names every call in flight when the worker crashes", async () => {
    const pool = createPool({ maxInFlightPerWorker: 4 });
    await readyWorker(pool);
    const neighbour = call(pool, "slow", [5_000, "never"]);
    const exiting = call(pool, "exitsProcess");
    for (const observation of await Promise.all([neighbour, exiting])) {
      expect(observation.threw?.message).toContain(
        '(2 calls were in flight on it: "slow", "exitsProcess"',
      );
    }
  });
});

describe("FunctionPool: close", () => {
  it("ends every worker and what they started, and rejects unanswered calls", async () => {
    const pool = createPool({ size: 2, closeGraceMs: 100 });
    await Promise.all([call(pool, "slow", [30, "one"]), call(pool, "slow", [30, "two"])]);
    const grandchild = await call(pool, "startsChildProcess");
    const unanswered = Promise.allSettled([
      call(pool, "hang"),
      call(pool, "hang"),
      call(pool, "add", [1, 2]),
    ]);
    const processIds = pool.processIds;
    expect(processIds).toHaveLength(2);
    await pool.close();
    const outcomes = await unanswered;
    for (const outcome of outcomes) {
      expect(outcome.status === "rejected" && outcome.reason).toBeInstanceOf(
        FunctionPoolClosedError,
      );
    }
    expect(outcomes[2]?.status === "rejected" && outcomes[2].reason.message).toBe(
      'the function pool was closed before the call to export "add" finished',
    );
    for (const processId of processIds) expect(() => process.kill(processId, 0)).toThrow();
    // SIGKILL is delivered, not waited for: on a busy machine the process ends a moment later.
    const grandchildEnded = await eventually(
      async () => !isRunning(Number(grandchild.returned)),
      2_000,
    );
    expect(grandchildEnded).toBe(true);
    expect(pool.processIds).toEqual([]);
  });

  it("is idempotent and refuses calls afterwards", async () => {
    const pool = createPool();
    await readyWorker(pool);
    await Promise.all([pool.close(), pool.close()]);
    await pool.close();
    await expect(call(pool, "add", [1, 2])).rejects.toThrow(FunctionPoolClosedError);
  });
});
