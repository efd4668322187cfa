/**
 * Runs many trials at once with a concurrency limit, a timeout per trial and an optional deadline for the
 * whole run. A trial that hangs or overruns is aborted (its runner kills what it started) and recorded as
 * failed with a clear error; none is ever lost. Trials not yet started when the deadline passes are not
 * run and are counted, since a trial that never ran is no evidence either way.
 */
import type { Scenario } from "../contracts/scenario.js";
import type { TrialResult } from "../contracts/trial-result.js";

export interface PlannedTrial {
  scenario: Scenario;
  attempt: number;
}

export interface Timers {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: Timers = {
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface TrialPoolOptions {
  concurrency: number;
  timeoutMs(scenario: Scenario): number;
  /** Milliseconds from the start after which no trial starts and running ones are aborted. */
  deadlineMs?: number;
  execute(trial: PlannedTrial, signal: AbortSignal): Promise<TrialResult>;
  onResult?(result: TrialResult): void;
  now(): number;
  timers?: Timers;
}

export interface TrialPoolSummary {
  results: TrialResult[];
  notRun: number;
  deadlineReached: boolean;
}

/** Every scenario's first attempt before any second one, so repeats of a scenario never overlap. */
export function planTrials(
  scenarios: readonly Scenario[],
  repeatFor: (scenario: Scenario) => number,
): PlannedTrial[] {
  const repeats = scenarios.map((scenario) => repeatFor(scenario));
  const rounds = Math.max(0, ...repeats);
  const trials: PlannedTrial[] = [];
  for (let attempt = 1; attempt <= rounds; attempt += 1) {
    scenarios.forEach((scenario, index) => {
      if (attempt <= (repeats[index] ?? 1)) trials.push({ scenario, attempt });
    });
  }
  return trials;
}

export async function runTrialPool(
  trials: readonly PlannedTrial[],
  options: TrialPoolOptions,
): Promise<TrialPoolSummary> {
  const timers = options.timers ?? systemTimers;
  const results: TrialResult[] = [];
  const running = new Set<AbortController>();
  let next = 0;
  let deadlineReached = false;
  const deadlineHandle =
    options.deadlineMs === undefined
      ? undefined
      : timers.setTimeout(() => {
          deadlineReached = true;
          for (const controller of running)
            controller.abort(new DeadlineReached(options.deadlineMs ?? 0));
        }, options.deadlineMs);

  const record = (result: TrialResult) => {
    results.push(result);
    options.onResult?.(result);
  };

  const worker = async () => {
    while (!deadlineReached && next < trials.length) {
      const trial = trials[next];
      next += 1;
      if (!trial) break;
      const controller = new AbortController();
      running.add(controller);
      record(await runOne(trial, controller, options, timers));
      running.delete(controller);
    }
  };

  const workerCount = Math.max(1, Math.min(options.concurrency, trials.length));
  await Promise.all(Array.from({ length: workerCount }, worker));
  if (deadlineHandle !== undefined) timers.clearTimeout(deadlineHandle);
  return { results, notRun: trials.length - next, deadlineReached };
}

class TrialTimedOut extends Error {
  constructor(readonly timeoutMs: number) {
    super(`trial timed out after ${timeoutMs} ms`);
  }
}

class DeadlineReached extends Error {
  constructor(readonly deadlineMs: number) {
    super(`aborted: the run's deadline of ${Math.round(deadlineMs / 1000)} s was reached`);
  }
}

function runOne(
  trial: PlannedTrial,
  controller: AbortController,
  options: TrialPoolOptions,
  timers: Timers,
): Promise<TrialResult> {
  const started = options.now();
  const timeoutMs = options.timeoutMs(trial.scenario);
  const failed = (error: string): TrialResult => ({
    scenario: trial.scenario.id,
    category: trial.scenario.category,
    pass: false,
    durationMs: Math.max(options.now() - started, 0),
    attempt: trial.attempt,
    error,
  });
  return new Promise<TrialResult>((settle) => {
    let settled = false;
    const finish = (result: TrialResult) => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(timer);
      settle(result);
    };
    // An abort (timeout or deadline) settles the trial at once even if the runner is slow to notice it:
    // a hung trial never holds a slot.
    controller.signal.addEventListener(
      "abort",
      () => finish(failed(String((controller.signal.reason as Error).message))),
      {
        once: true,
      },
    );
    const timer = timers.setTimeout(
      () => controller.abort(new TrialTimedOut(timeoutMs)),
      timeoutMs,
    );
    options
      .execute(trial, controller.signal)
      .then(finish, (error: unknown) =>
        finish(
          failed(`the runner failed: ${error instanceof Error ? error.message : String(error)}`),
        ),
      );
  });
}
