/**
 * The trial-executor port: how the line's trials station runs scenarios against a build. The real
 * adapter starts the build in the sandbox and runs trial sessions (session-trial-executor.ts); a no-op
 * one lets the benchmarks measure the control plane alone.
 */
import type { Scenario, Suite } from "../../contracts/scenario.js";
import type { Spec } from "../../contracts/spec.js";
import type { TrialResult } from "../../contracts/trial-result.js";

export interface BuildUnderTest {
  id: string;
  spec: Spec;
  /** The build's worktree: mounted read-only, never written by the trials. */
  workspacePath: string;
}

export interface TrialExecution {
  /** The whole stored suite (its folder is NOT mounted: scenarios only). */
  suite: Suite;
  /** Only the ones to run now. */
  scenarios: readonly Scenario[];
  build: BuildUnderTest;
  /**
   * Stops the run: no trial starts after it, running ones are stopped, and nothing more is delivered.
   * `run` then rejects with the signal's reason; results delivered before stay delivered.
   */
  signal: AbortSignal;
  /** Called with finished results in batches (≤ 20 or every 250 ms); awaited before more are delivered. */
  onResults(results: readonly TrialResult[]): Promise<void>;
}

export interface TrialUsage {
  cpuSeconds: number;
  wallSeconds: number;
  /** Set when the started build exited by itself while trials ran: a crash the results may not explain. */
  unexpectedExit?: { code: number | null; signal: string | null };
}

export interface TrialExecutor {
  run(execution: TrialExecution): Promise<TrialUsage>;
}
