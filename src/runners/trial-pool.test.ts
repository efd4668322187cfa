import { describe, expect, it } from "vitest";
import type { Scenario } from "../contracts/scenario.js";
import type { TrialResult } from "../contracts/trial-result.js";
import { type PlannedTrial, planTrials, runTrialPool } from "./trial-pool.js";

function scenario(id: string, repeat?: number): Scenario {
  return {
    id,
    category: "normal",
    title: id,
    tags: [],
    ...(repeat ? { repeat } : {}),
    steps: [{ request: { method: "GET", path: "/" }, expect: [] }],
  };
}

const passed = (trial: PlannedTrial): TrialResult => ({
  scenario: trial.scenario.id,
  category: trial.scenario.category,
  pass: true,
  durationMs: 1,
  attempt: trial.attempt,
});

describe("planTrials", () => {
  it("runs every first attempt before any repeat, so repeats of a scenario never overlap", () => {
    const trials = planTrials(
      [scenario("a", 3), scenario("b"), scenario("c", 2)],
      (item) => item.repeat ?? 1,
    );
    expect(trials.map((trial) => `${trial.scenario.id}${trial.attempt}`)).toEqual([
      "a1",
      "b1",
      "c1",
      "a2",
      "c2",
      "a3",
    ]);
  });
});

describe("runTrialPool", () => {
  it("never runs more trials at once than the concurrency, and records each exactly once", async () => {
    let running = 0;
    let mostAtOnce = 0;
    const trials = planTrials(
      Array.from({ length: 50 }, (_, index) => scenario(`s${index}`)),
      () => 2,
    );
    const summary = await runTrialPool(trials, {
      concurrency: 4,
      timeoutMs: () => 1_000,
      now: () => 0,
      execute: async (trial) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((settle) => setImmediate(settle));
        running -= 1;
        return passed(trial);
      },
    });
    expect(mostAtOnce).toBe(4);
    expect(summary.results).toHaveLength(100);
    expect(
      new Set(summary.results.map((result) => `${result.scenario}#${result.attempt}`)).size,
    ).toBe(100);
    expect(summary).toMatchObject({ notRun: 0, deadlineReached: false });
  });

  it("fails a trial that overruns its timeout, aborts it, and goes on with the others", async () => {
    let abortedReason = "";
    const summary = await runTrialPool(
      planTrials([scenario("hangs"), scenario("quick")], () => 1),
      {
        concurrency: 1,
        timeoutMs: (item) => (item.id === "hangs" ? 20 : 1_000),
        now: () => 0,
        execute: (trial, signal) => {
          if (trial.scenario.id === "quick") return Promise.resolve(passed(trial));
          signal.addEventListener("abort", () => {
            abortedReason = String((signal.reason as Error).message);
          });
          return new Promise<TrialResult>(() => {}); // never settles
        },
      },
    );
    expect(summary.results).toEqual([
      {
        scenario: "hangs",
        category: "normal",
        pass: false,
        durationMs: 0,
        attempt: 1,
        error: "trial timed out after 20 ms",
      },
      { scenario: "quick", category: "normal", pass: true, durationMs: 1, attempt: 1 },
    ]);
    expect(abortedReason).toBe("trial timed out after 20 ms");
  });

  it("turns a runner fault into a failed trial instead of losing it", async () => {
    const summary = await runTrialPool(
      planTrials([scenario("faulty")], () => 1),
      {
        concurrency: 1,
        timeoutMs: () => 1_000,
        now: () => 0,
        execute: () => Promise.reject(new Error("socket hang up")),
      },
    );
    expect(summary.results[0]).toMatchObject({
      pass: false,
      error: "the runner failed: socket hang up",
    });
  });

  it("at the deadline aborts running trials as failed and does not start the rest", async () => {
    const results: TrialResult[] = [];
    const summary = await runTrialPool(
      planTrials(
        Array.from({ length: 10 }, (_, index) => scenario(`s${index}`)),
        () => 1,
      ),
      {
        concurrency: 2,
        timeoutMs: () => 60_000,
        deadlineMs: 30,
        now: () => 0,
        onResult: (result) => results.push(result),
        execute: () => new Promise<TrialResult>(() => {}),
      },
    );
    expect(summary.deadlineReached).toBe(true);
    expect(summary.results).toHaveLength(2);
    expect(summary.notRun).toBe(8);
    expect(
      summary.results.every(
        (result) => result.error === "aborted: the run's deadline of 0 s was reached",
      ),
    ).toBe(true);
    expect(results).toEqual(summary.results);
  });
});
