/**
 * Runs function steps through the pool of sandboxed worker processes: the step names an export of a module
 * (relative to the suite) and its arguments; the observation is what it returned or threw.
 */
import { resolve } from "node:path";
import type { FunctionObservation } from "../../contracts/observation.js";
import type { Step } from "../../contracts/scenario.js";
import type { StepRunner } from "../step-runner.js";
import type { FunctionPool } from "./function-pool.js";

export interface FunctionStepRunnerOptions {
  pool: FunctionPool;
  suiteFolder: string;
  defaultModule?: string;
  /** A call's own limit; the trial's timeout also aborts it. */
  timeoutMs: number;
}

export class FunctionStepRunner implements StepRunner {
  readonly #options: FunctionStepRunnerOptions;

  constructor(options: FunctionStepRunnerOptions) {
    this.#options = options;
  }

  describe(step: Step): string {
    if (!("call" in step)) return "not a function step";
    return `${step.call.export}(${step.call.args.map((argument) => preview(argument)).join(", ")})`;
  }

  run(step: Step, signal: AbortSignal): Promise<FunctionObservation> {
    if (!("call" in step)) throw new Error("a function suite can only run function steps");
    const module = step.call.module ?? this.#options.defaultModule;
    if (module === undefined)
      throw new Error("the step names no module and the suite has no defaults.module");
    return this.#options.pool.call(
      {
        module: resolve(this.#options.suiteFolder, module),
        export: step.call.export,
        args: step.call.args,
        timeoutMs: this.#options.timeoutMs,
      },
      signal,
    );
  }

  close(): Promise<void> {
    return this.#options.pool.close();
  }
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
