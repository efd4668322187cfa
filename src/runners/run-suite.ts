/**
 * A suite run: every scenario × its repeats through the trial pool, each trial executed by the step runner
 * of the suite's kind, results streamed to the listener as they end.
 */
import type { Scenario, Suite } from "../contracts/scenario.js";
import type { TrialResult } from "../contracts/trial-result.js";
import type { ResponseJudge } from "./assertions/assertion-context.js";
import { runTrial } from "./run-trial.js";
import type { StepRunner } from "./step-runner.js";
import { planTrials, runTrialPool, type Timers, type TrialPoolSummary } from "./trial-pool.js";

export interface RunSuiteOptions {
  suite: Suite;
  stepRunner: StepRunner;
  concurrency: number;
  /** Overrides every scenario's and the suite's repeat count. */
  repeat?: number;
  /** Overrides every scenario's and the suite's per-trial timeout. */
  timeoutMs?: number;
  deadlineMs?: number;
  /** Distinguishes this run's unique values (`{{ trial.unique }}`) from other runs'. */
  runId: string;
  /** Judges `llmJudge` assertions (a model's reading of a step's result); absent when none is configured. */
  judge?: ResponseJudge;
  onResult?(result: TrialResult): void;
  now(): number;
  timers?: Timers;
}

export function trialCount(suite: Suite, repeat?: number): number {
  return suite.scenarios.reduce((sum, scenario) => sum + repeatOf(suite, scenario, repeat), 0);
}

export function runSuite(options: RunSuiteOptions): Promise<TrialPoolSummary> {
  const { suite } = options;
  const trials = planTrials(suite.scenarios, (scenario) =>
    repeatOf(suite, scenario, options.repeat),
  );
  return runTrialPool(trials, {
    concurrency: options.concurrency,
    timeoutMs: (scenario) =>
      options.timeoutMs ?? scenario.timeoutMs ?? suite.header.defaults.timeoutMs,
    ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
    execute: (trial, signal) =>
      runTrial(
        {
          scenario: trial.scenario,
          attempt: trial.attempt,
          unique: `${options.runId}-${trial.scenario.id.replace(/[^\w-]/g, "-")}-${trial.attempt}`,
          suiteFolder: suite.folder,
          ...(options.judge === undefined ? {} : { judge: options.judge }),
        },
        options.stepRunner,
        signal,
        options.now,
      ),
    ...(options.onResult ? { onResult: options.onResult } : {}),
    now: options.now,
    ...(options.timers ? { timers: options.timers } : {}),
  });
}

function repeatOf(suite: Suite, scenario: Scenario, override: number | undefined): number {
  return override ?? scenario.repeat ?? suite.header.defaults.repeat;
}
