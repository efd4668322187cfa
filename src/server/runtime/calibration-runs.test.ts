import { describe, expect, it } from "vitest";
import { InvalidArgumentError, ShopfloorError } from "../../contracts/errors.js";
import type {
  CalibrationRequest,
  HomeCalibration,
  MutantOutcome,
} from "../../line/calibrate/index.js";
import { summarizeCalibration } from "../../line/calibrate/index.js";
import { CalibrationSchema } from "../routes/factory/calibration-schemas.js";
import { CalibrationConflict, CalibrationRuns } from "./calibration-runs.js";

const item = "todo-api-3f9c2a";
const build = `${item}.1.1`;
const fault = {
  kind: "drop-validation",
  file: "server.mjs",
  line: 2,
  description: 'removed the guard "if (typeof title …)"',
};

function caught(mutant: number, seed: number): MutantOutcome {
  return {
    mutant,
    seed,
    branch: `shopfloor/${item}/${build}.mutant-${seed}`,
    injected: true,
    fault,
    decision: "regenerate",
    caught: true,
    reason: "edge: 0/3",
    trials: 10,
    failedTrials: 3,
    cpuSeconds: 0,
    costMicroUsd: 0,
  };
}

function result(outcomes: MutantOutcome[], seed: number): HomeCalibration {
  const report = summarizeCalibration(
    {
      workItem: item,
      build,
      commit: "a".repeat(40),
      suite: "todo-api@2f",
      profile: "admin",
      seed,
      mutants: outcomes.length,
    },
    outcomes,
    { startedAt: "2026-11-24T15:00:00.000Z", endedAt: "2026-11-24T15:01:00.000Z" },
  );
  const event = {
    sequence: 41,
    at: "2026-11-24T15:01:00.000Z",
    workItem: item,
    type: "calibration.end" as const,
    payload: { build, mutants: 2, caught: 2, lower: 0.1, upper: 1, report: "c".repeat(64) },
  };
  return { report, artifact: "c".repeat(64), event };
}

/**
 * A calibration the test steps through: it stops twice per mutant (after it started, after its
 * trials), and `step()` lets it go on, resolving once it stops again (or has finished).
 */
class SteppedCalibration {
  readonly requests: CalibrationRequest[] = [];
  #release: (() => void) | undefined;
  #stopped: (() => void) | undefined;

  calibrate = async (request: CalibrationRequest): Promise<HomeCalibration> => {
    this.requests.push(request);
    const mutants = request.mutants ?? 20;
    const seed = request.seed ?? 1;
    const outcomes: MutantOutcome[] = [];
    try {
      for (let mutant = 1; mutant <= mutants; mutant++) {
        request.onProgress?.({ type: "mutant.start", mutant, mutants, seed: seed + mutant });
        await this.#stop(request.signal);
        request.onProgress?.({ type: "mutant.injected", mutant, mutants, fault });
        request.onProgress?.({ type: "mutant.trials", mutant, mutants, done: 4, total: 10 });
        await this.#stop(request.signal);
        const outcome = caught(mutant, seed + mutant);
        outcomes.push(outcome);
        request.onProgress?.({ type: "mutant.end", mutant, mutants, outcome });
      }
      return result(outcomes, seed);
    } finally {
      this.#stopped?.();
    }
  };

  step(): Promise<void> {
    const release = this.#release;
    if (release === undefined) throw new Error("the calibration is not stopped");
    this.#release = undefined;
    const stopped = new Promise<void>((resolve) => {
      this.#stopped = resolve;
    });
    release();
    return stopped;
  }

  #stop(signal: AbortSignal | undefined): Promise<void> {
    this.#stopped?.();
    return new Promise((resolve, reject) => {
      this.#release = resolve;
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  }
}

const now = () => new Date("2026-11-24T15:00:00.000Z");

describe("CalibrationRuns", () => {
  it("answers once the first mutant is under way, follows it, and keeps the report", async () => {
    const stepped = new SteppedCalibration();
    const runs = new CalibrationRuns({ calibrate: stepped.calibrate, now });

    const started = await runs.start({ workItem: item, mutants: 2, seed: 3, by: "operator" });

    expect(started).toMatchObject({
      workItem: item,
      by: "operator",
      mutants: 2,
      seed: 3,
      state: "running",
      progress: { done: 0, injected: 0, caught: 0, current: { mutant: 1, seed: 4 } },
    });
    expect(started.id).toMatch(/^calibration-[0-9a-f]{8}$/);
    expect(stepped.requests[0]).toMatchObject({ workItem: item, mutants: 2, seed: 3 });
    await stepped.step();
    expect(runs.get(started.id)?.progress.current).toEqual({
      mutant: 1,
      seed: 4,
      fault,
      trialsDone: 4,
      trialsTotal: 10,
    });
    // What was answered before is a copy: it does not move on with the calibration.
    expect(started.progress.current).toEqual({ mutant: 1, seed: 4 });
    await stepped.step();
    expect(runs.get(started.id)?.progress).toMatchObject({ done: 1, injected: 1, caught: 1 });

    await stepped.step();
    await stepped.step();
    const done = await runs.settled(started.id);

    expect(done).toMatchObject({
      state: "done",
      endedAt: "2026-11-24T15:00:00.000Z",
      progress: { done: 2, injected: 2, caught: 2 },
      artifact: "c".repeat(64),
      event: 41,
      report: { workItem: item, injected: 2, caught: 2, share: 1 },
    });
    expect(done.progress.current).toBeUndefined();
    expect(done.error).toBeUndefined();
    CalibrationSchema.parse(done);
    CalibrationSchema.parse(started);
    expect(runs.list().map((run) => run.id)).toEqual([started.id]);
  });

  it("gives what calibrate refuses before any mutant as the start's error, and keeps nothing", async () => {
    const runs = new CalibrationRuns({
      calibrate: async () => {
        throw new InvalidArgumentError(`${item} is exception, not approved`, "workItem");
      },
      now,
    });

    await expect(runs.start({ workItem: item, by: "operator" })).rejects.toMatchObject({
      code: "invalid-argument",
      field: "workItem",
    });
    expect(runs.list()).toEqual([]);
    expect(runs.runningFor(item)).toBeUndefined();
  });

  it("records a failure after the first mutant as the calibration's error", async () => {
    let fail: (error: Error) => void = () => {};
    const runs = new CalibrationRuns({
      calibrate: (request) => {
        request.onProgress?.({ type: "mutant.start", mutant: 1, mutants: 3, seed: 2 });
        return new Promise((_resolve, reject) => {
          fail = reject;
        });
      },
      now,
    });
    const started = await runs.start({ workItem: item, by: "manager" });
    expect(started).toMatchObject({ mutants: 3, seed: 1, state: "running" });

    fail(new ShopfloorError("invalid-config", "the testing budget refused mutant 1"));
    const failed = await runs.settled(started.id);

    expect(failed).toMatchObject({
      state: "failed",
      error: { code: "invalid-config", message: "the testing budget refused mutant 1" },
      progress: { done: 0, injected: 0, caught: 0 },
    });
    expect(failed.progress.current).toBeUndefined();
    expect(failed.report).toBeUndefined();
  });

  it("runs one calibration of an item at a time", async () => {
    const stepped = new SteppedCalibration();
    const runs = new CalibrationRuns({ calibrate: stepped.calibrate, now });
    const first = await runs.start({ workItem: item, mutants: 1, by: "operator" });

    const refusal = await runs.start({ workItem: item, by: "manager" }).catch((error) => error);

    expect(refusal).toBeInstanceOf(CalibrationConflict);
    expect((refusal as CalibrationConflict).running.id).toBe(first.id);
    expect((refusal as Error).message).toContain(`GET /api/calibrations/${first.id}`);
    expect(runs.runningFor(item)?.id).toBe(first.id);
    await stepped.step();
    await stepped.step();
    await runs.settled(first.id);
    expect(runs.runningFor(item)).toBeUndefined();
    const again = await runs.start({ workItem: item, mutants: 1, by: "operator" });
    expect(again.id).not.toBe(first.id);
    expect(runs.list().map((run) => run.id)).toEqual([again.id, first.id]);
    await runs.close();
  });

  it("stops the running calibrations when closed, saying why", async () => {
    const stepped = new SteppedCalibration();
    const runs = new CalibrationRuns({ calibrate: stepped.calibrate, now });
    const started = await runs.start({ workItem: item, mutants: 2, by: "operator" });

    await runs.close();

    const stopped = runs.get(started.id);
    expect(stopped?.state).toBe("failed");
    expect(stopped?.error?.message).toContain("the console stopped");
    expect(stepped.requests[0]?.signal?.aborted).toBe(true);
  });

  it("keeps the newest finished calibrations and every running one", async () => {
    const runs = new CalibrationRuns({
      calibrate: async (request) => {
        request.onProgress?.({ type: "mutant.start", mutant: 1, mutants: 1, seed: 2 });
        return result([caught(1, 2)], 1);
      },
      now,
      keep: 2,
    });
    const ids: string[] = [];
    for (const name of ["a-1", "b-1", "c-1", "d-1"]) {
      const run = await runs.start({ workItem: name, by: "operator" });
      await runs.settled(run.id);
      ids.push(run.id);
    }
    expect(runs.list().map((run) => run.id)).toEqual([ids[3], ids[2]]);
    expect(runs.get(ids[0] ?? "")).toBeUndefined();
  });
});
