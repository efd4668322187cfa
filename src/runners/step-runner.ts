/**
 * The step-runner port: one adapter per target kind turns a rendered step into an observation. Runners
 * receive their I/O (HTTP dispatcher, sandbox, function pool) in their constructors.
 */

import type { Observation } from "../contracts/observation.js";
import type { Step } from "../contracts/scenario.js";

export interface StepRunner {
  /** Runs one step whose templates are already rendered; rejects only for faults of the runner itself. */
  run(step: Step, signal: AbortSignal): Promise<Observation>;
  /** A short description of the step for messages, e.g. `POST /todos` or `node cli.js add 3`. */
  describe(step: Step): string;
  close(): Promise<void>;
}
