/**
 * Picks and builds the step runner for a suite's target kind, with sensible default concurrency: HTTP
 * trials wait on the network, so many run per core; cli trials are processes, one per core; function
 * calls go to one sandboxed worker process per core, with a short queue so no worker idles.
 */
import { availableParallelism } from "node:os";
import type { Suite, TargetKind } from "../contracts/scenario.js";
import { CliStepRunner } from "./cli/cli-step-runner.js";
import { FunctionPool } from "./function/function-pool.js";
import { FunctionStepRunner } from "./function/function-step-runner.js";
import { HttpStepRunner, type HttpTarget } from "./http/http-step-runner.js";
import type { Sandbox } from "./sandbox/sandbox.js";
import type { StepRunner } from "./step-runner.js";

export function defaultConcurrency(kind: TargetKind, cores = availableParallelism()): number {
  switch (kind) {
    case "http":
      return Math.min(16 * cores, 64);
    case "cli":
      return cores;
    case "function":
      return 2 * cores;
  }
}

export interface StepRunnerOptions {
  suite: Suite;
  sandbox: Sandbox;
  concurrency: number;
  /** Required for http suites. */
  httpTarget?: HttpTarget;
  /** Read-only paths the code under test needs besides the suite folder (e.g. its node_modules). */
  readOnlyPaths?: readonly string[];
  /**
   * cli and function suites: the build under test, where commands run and modules resolve; default the
   * suite's folder. A stored (holdout) suite lives apart from any build, so it always needs one.
   */
  buildFolder?: string;
  now(): number;
}

export function createStepRunner(options: StepRunnerOptions): StepRunner {
  const { suite, sandbox, now } = options;
  const defaults = suite.header.defaults;
  const buildFolder = options.buildFolder ?? suite.folder;
  switch (suite.header.target) {
    case "http": {
      if (!options.httpTarget)
        throw new Error("an http suite needs a target: --target URL or --start COMMAND");
      return new HttpStepRunner({
        target: options.httpTarget,
        defaultHeaders: defaults.headers,
        connections: options.concurrency,
        now,
      });
    }
    case "cli":
      return new CliStepRunner({
        sandbox,
        suiteFolder: buildFolder,
        ...(defaults.command ? { defaultCommand: defaults.command } : {}),
        ...(options.readOnlyPaths ? { readOnlyPaths: options.readOnlyPaths } : {}),
        now,
      });
    case "function": {
      const pool = new FunctionPool({
        sandbox,
        size: Math.max(1, Math.min(availableParallelism(), options.concurrency)),
        workDirectory: buildFolder,
        ...(options.readOnlyPaths ? { readOnlyPaths: [...options.readOnlyPaths] } : {}),
        now,
      });
      return new FunctionStepRunner({
        pool,
        suiteFolder: buildFolder,
        ...(defaults.module ? { defaultModule: defaults.module } : {}),
        timeoutMs: defaults.timeoutMs,
      });
    }
  }
}
