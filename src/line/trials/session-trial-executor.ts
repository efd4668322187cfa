/**
 * The real trial executor: starts the build in the sandbox (an http service from its worktree, which
 * is mounted read-only) and runs the scenarios through the runner's parts, as runTrialSession does,
 * plus what the line needs on top: results handed over in awaited batches, and an abort signal that
 * stops the run at once. The stored suite's folder is never mounted; only its scenarios are used.
 */
import type { TrialResult } from "../../contracts/trial-result.js";
import type { ResponseJudge } from "../../runners/assertions/assertion-context.js";
import { cpuSecondsUsed } from "../../runners/cpu-time.js";
import { createStepRunner, defaultConcurrency } from "../../runners/create-step-runner.js";
import { runSuite } from "../../runners/run-suite.js";
import type { Sandbox } from "../../runners/sandbox/sandbox.js";
import type { StepRunner } from "../../runners/step-runner.js";
import { TargetProcess } from "../../runners/target-process.js";
import type { Timers } from "../../runners/trial-pool.js";
import { type BuildLaunch, buildLaunch, suiteForLaunch } from "./build-launch.js";
import { ResultBatcher } from "./result-batcher.js";
import type { TrialExecution, TrialExecutor, TrialUsage } from "./trial-executor.js";

export interface SessionTrialExecutorOptions {
  sandbox: Sandbox;
  now(): number;
  /** Trials at once; default by target kind (defaultConcurrency). */
  concurrency?: number;
  /** Judges `llmJudge` assertions; without one they fail, saying how to configure a model. */
  judge?: ResponseJudge;
  /** How long an http build may take to answer its health path; default 15 s. */
  readyTimeoutMs?: number;
  /** Batching of onResults: the port's 20 results or 250 ms unless a test says otherwise. */
  batchSize?: number;
  batchIntervalMs?: number;
  timers?: Timers;
}

const defaultReadyTimeoutMs = 15_000;

export class SessionTrialExecutor implements TrialExecutor {
  readonly #options: SessionTrialExecutorOptions;

  constructor(options: SessionTrialExecutorOptions) {
    this.#options = options;
  }

  async run(execution: TrialExecution): Promise<TrialUsage> {
    const { now } = this.#options;
    execution.signal.throwIfAborted();
    const launch = await buildLaunch(execution.build, execution.suite);
    if (execution.scenarios.length === 0) return { cpuSeconds: 0, wallSeconds: 0 };
    const startedAt = now();
    const cpuAtStart = cpuSecondsUsed();
    // A failed delivery stops the trials as an abort does: nothing after it could be stored.
    const deliveryFailed = new AbortController();
    const stop = AbortSignal.any([execution.signal, deliveryFailed.signal]);
    const batcher = new ResultBatcher({
      deliver: (results) => execution.onResults(results),
      onError: (error) => deliveryFailed.abort(error),
      ...this.#batching(),
    });
    const unexpectedExit = await this.#runTrials(execution, launch, stop, (result) => {
      if (!stop.aborted) batcher.add(result);
    });
    if (stop.aborted) {
      await batcher.stop();
      throw stop.reason;
    }
    await batcher.finish();
    stop.throwIfAborted();
    return {
      cpuSeconds: Math.max(cpuSecondsUsed() - cpuAtStart, 0),
      wallSeconds: Math.max(now() - startedAt, 0) / 1000,
      ...(unexpectedExit ? { unexpectedExit } : {}),
    };
  }

  /** Runs the trials and stops what it started; returns how the build exited if it crashed. */
  async #runTrials(
    execution: TrialExecution,
    launch: BuildLaunch,
    stop: AbortSignal,
    onResult: (result: TrialResult) => void,
  ): Promise<TrialUsage["unexpectedExit"]> {
    const { sandbox, now } = this.#options;
    const suite = suiteForLaunch(execution.suite, [...execution.scenarios], launch);
    const workspace = execution.build.workspacePath;
    const concurrency = this.#options.concurrency ?? defaultConcurrency(suite.header.target);
    const target =
      launch.kind === "http"
        ? await TargetProcess.start({
            command: launch.command,
            workDirectory: workspace,
            sandbox,
            readyPath: launch.readyPath,
            readyTimeoutMs: this.#options.readyTimeoutMs ?? defaultReadyTimeoutMs,
            readOnlyPaths: [workspace],
            now,
            sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
          })
        : undefined;
    try {
      // Starting the build cannot be interrupted; an abort during it is honoured here.
      if (stop.aborted) return undefined;
      const stepRunner = stoppable(
        createStepRunner({
          suite,
          sandbox,
          concurrency,
          ...(target ? { httpTarget: target.target } : {}),
          buildFolder: workspace,
          now,
        }),
        stop,
      );
      try {
        await runSuite({
          suite,
          stepRunner,
          concurrency,
          runId: runIdFor(execution.build.id, now()),
          ...(this.#options.judge ? { judge: this.#options.judge } : {}),
          onResult,
          now,
        });
      } finally {
        await stepRunner.close();
      }
    } finally {
      await target?.stop();
    }
    const exit = target?.unexpectedExit;
    return exit ? { code: exit.code, signal: exit.signal } : undefined;
  }

  #batching() {
    const { batchSize, batchIntervalMs, timers } = this.#options;
    return {
      ...(batchSize === undefined ? {} : { batchSize }),
      ...(batchIntervalMs === undefined ? {} : { intervalMs: batchIntervalMs }),
      ...(timers === undefined ? {} : { timers }),
    };
  }
}

/**
 * The step runner with the run's stop signal joined to each step's own: once stopped, running steps
 * are aborted (their processes killed) and no further step starts, so the remaining trials drain at
 * once. Their results are not delivered: they are no evidence either way.
 */
function stoppable(runner: StepRunner, stop: AbortSignal): StepRunner {
  return {
    describe: (step) => runner.describe(step),
    close: () => runner.close(),
    run: (step, signal) => {
      stop.throwIfAborted();
      return runner.run(step, AbortSignal.any([signal, stop]));
    },
  };
}

/** Distinguishes this run's unique values from another run's against the same build. */
function runIdFor(buildId: string, time: number): string {
  return `${buildId.replace(/[^\w-]/g, "-")}-${Math.round(time).toString(36)}`;
}
