import { hostname } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TemporaryQueue, temporaryQueue } from "../../test/queue/support/temporary-queue.js";
import { type StationName, stationNames } from "../contracts/work-item.js";
import type {
  FailureOutcome,
  JobQueue,
  JobRequest,
  LeasedJob,
  LeaseRequest,
  StationCounts,
} from "../queue/job-queue.js";
import { SqliteJobQueue } from "../queue/sqlite-job-queue.js";
import { type LineRunnerOptions, runLine } from "./line-runner.js";

const one = { intake: 1, build: 1, scenarios: 1, trials: 1, gate: 1, deploy: 1 };
const turn = () => new Promise<void>((settle) => setImmediate(settle));

describe("the line runner's leasing, on the real queue", () => {
  let temporary: TemporaryQueue;
  let queue: SqliteJobQueue;
  beforeEach(async () => {
    temporary = await temporaryQueue();
    queue = temporary.queue;
  });
  afterEach(() => temporary.close());

  it("takes the write lock only for jobs that are there: every lease it asks for finds one", async () => {
    const leased: string[] = [];
    const counting = new (class extends SqliteJobQueue {
      override async lease(station: StationName, request: LeaseRequest) {
        const job = await super.lease(station, request);
        leased.push(job === undefined ? `${station}: none` : station);
        return job;
      }
    })({ database: temporary.database, now: temporary.now });
    for (const key of ["a", "b", "c"]) {
      await queue.enqueue({ station: "intake", payload: {}, key: `intake-${key}` });
    }
    const next: Partial<Record<StationName, StationName>> = { intake: "build", build: "gate" };
    const options: LineRunnerOptions = {
      queue: counting,
      concurrency: { ...one, build: 2 },
      workerId: `${hostname()}:${process.pid}`,
      wait: async (milliseconds) => {
        temporary.advance(milliseconds);
        await turn();
      },
      repeat: () => () => undefined,
      handle: async (job) => {
        const station = next[job.station];
        if (station !== undefined) {
          await queue.enqueue({ station, payload: {}, key: `${station}-${job.key}` });
        }
      },
    };
    const report = await runLine(options);
    expect(report.jobsRun).toBe(9);
    expect(leased).toHaveLength(9);
    expect(leased.filter((station) => station.endsWith("none"))).toEqual([]);
  });
});

/** A job of the scripted queue: due at once, leased by whoever asks first. */
function leasedJob(station: StationName, key: string): LeasedJob {
  return {
    id: key,
    station,
    payload: {},
    key,
    attempt: 1,
    maxAttempts: 3,
    leaseToken: key,
    leaseExpiresAt: Number.MAX_SAFE_INTEGER,
  };
}

/** A queue whose gate lease answers only once the intake job has ended, with a log of calls. */
class ScriptedQueue implements JobQueue {
  readonly calls: string[] = [];
  readonly #due: LeasedJob[] = [];
  readonly #leased = new Set<string>();
  #intakeCompleted: () => void = () => undefined;
  readonly #intakeComplete = new Promise<void>((settle) => {
    this.#intakeCompleted = settle;
  });

  add(job: LeasedJob): void {
    this.#due.push(job);
  }

  async enqueue(request: JobRequest): Promise<{ id: string; created: boolean }> {
    this.add(leasedJob(request.station, request.key));
    return { id: request.key, created: true };
  }

  async dueStations(): Promise<StationName[]> {
    return stationNames.filter((station) => this.#due.some((job) => job.station === station));
  }

  async lease(station: StationName): Promise<LeasedJob | undefined> {
    this.calls.push(`lease ${station}`);
    if (station === "gate") {
      await this.#intakeComplete;
      // Past every promise callback: the runner has seen the intake job end.
      await turn();
    }
    const index = this.#due.findIndex((job) => job.station === station);
    const [job] = index < 0 ? [] : this.#due.splice(index, 1);
    if (job !== undefined) this.#leased.add(job.id);
    return job;
  }

  async extendLease(): Promise<void> {}

  async complete(job: LeasedJob): Promise<void> {
    this.calls.push(`complete ${job.station}`);
    this.#leased.delete(job.id);
    if (job.station === "intake") this.#intakeCompleted();
  }

  async fail(job: LeasedJob, error: { message: string }): Promise<FailureOutcome> {
    this.#leased.delete(job.id);
    return { state: "dead", error: error.message };
  }

  async releaseLeases(): Promise<number> {
    return 0;
  }

  async counts(): Promise<Record<StationName, StationCounts>> {
    const counts = (station: StationName): StationCounts => ({
      waiting: this.#due.filter((job) => job.station === station).length,
      leased: [...this.#leased].filter((id) => id.startsWith(station)).length,
      done: 0,
      dead: 0,
    });
    return Object.fromEntries(stationNames.map((station) => [station, counts(station)])) as Record<
      StationName,
      StationCounts
    >;
  }

  async deadJobs(): Promise<(LeasedJob & { error: string })[]> {
    return [];
  }
}

describe("the line runner's turns", () => {
  it("does not wait for the next poll when a job ended while it was leasing others", async () => {
    const queue = new ScriptedQueue();
    queue.add(leasedJob("intake", "intake-1"));
    queue.add(leasedJob("gate", "gate-1"));
    let releaseGate: () => void = () => undefined;
    const gateRuns = new Promise<void>((settle) => {
      releaseGate = settle;
    });
    const report = await runLine({
      queue,
      concurrency: one,
      workerId: "test-host:1",
      wait: async () => {
        queue.calls.push("wait");
        await turn();
      },
      repeat: () => () => undefined,
      handle: async (job) => {
        if (job.station === "intake") {
          await queue.enqueue({ station: "build", payload: {}, key: "build-1" });
        }
        if (job.station === "gate") await gateRuns;
        if (job.station === "build") releaseGate();
      },
    });
    expect(report.jobsRun).toBe(3);
    // The intake job ended (and enqueued a build) while the gate's lease was being taken: the build
    // is leased next, with no poll in between, while the gate job is still running.
    const buildLeased = queue.calls.indexOf("lease build");
    expect(queue.calls.slice(0, buildLeased)).toEqual([
      "lease intake",
      "lease gate",
      "complete intake",
    ]);
  });
});
