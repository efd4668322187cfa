/**
 * One run of a suite against a build: start the target when asked (in the sandbox), run every trial,
 * stop everything, whatever happens. `shopfloor test` and the demo use it; later the line's trial station.
 */
import type { Suite } from "../contracts/scenario.js";
import type { TrialResult } from "../contracts/trial-result.js";
import type { ResponseJudge } from "./assertions/assertion-context.js";
import { cpuSecondsUsed } from "./cpu-time.js";
import { createStepRunner, defaultConcurrency } from "./create-step-runner.js";
import type { HttpTarget } from "./http/http-step-runner.js";
import { runSuite } from "./run-suite.js";
import type { Sandbox } from "./sandbox/sandbox.js";
import { TargetProcess } from "./target-process.js";
import type { TrialPoolSummary } from "./trial-pool.js";

/** Where http trials go: a service already running, or a command the session starts and stops. */
export type HttpTargetSource =
  | { kind: "url"; baseUrl: string }
  | {
      kind: "start";
      command: string;
      /** Default: a free port, given to the command as $PORT. */
      port?: number;
      readyPath: string;
      readyTimeoutMs: number;
      /** Where the command runs. */
      workDirectory: string;
      /** Folders the command may read besides its work directory. */
      readOnlyPaths: readonly string[];
    };

export interface TrialSessionOptions {
  suite: Suite;
  sandbox: Sandbox;
  /** Required for http suites. */
  target?: HttpTargetSource;
  /** cli and function suites: the build's folder (default: the suite's). */
  buildFolder?: string;
  concurrency?: number;
  repeat?: number;
  timeoutMs?: number;
  deadlineMs?: number;
  judge?: ResponseJudge;
  runId: string;
  onResult?(result: TrialResult): void;
  now(): number;
}

export interface TrialSessionResult {
  summary: TrialPoolSummary;
  /** What the session cost the machine, the target and every trial process included: for the ledger. */
  usage: { cpuSeconds: number; wallSeconds: number };
  /** Set when the started target exited while trials ran: a crash the results alone may not explain. */
  unexpectedExit?: { code: number | null; signal: NodeJS.Signals | null };
}

export async function runTrialSession(options: TrialSessionOptions): Promise<TrialSessionResult> {
  const { suite, sandbox, now } = options;
  const startedAt = now();
  const cpuAtStart = cpuSecondsUsed();
  const concurrency = options.concurrency ?? defaultConcurrency(suite.header.target);
  const target = await startTarget(suite, options);
  const stepRunner = createStepRunner({
    suite,
    sandbox,
    concurrency,
    ...(target ? { httpTarget: target.target } : {}),
    ...(options.buildFolder ? { buildFolder: options.buildFolder } : {}),
    now,
  });
  let summary: TrialPoolSummary;
  try {
    summary = await runSuite({
      suite,
      stepRunner,
      concurrency,
      runId: options.runId,
      ...(options.repeat ? { repeat: options.repeat } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
      ...(options.judge ? { judge: options.judge } : {}),
      ...(options.onResult ? { onResult: options.onResult } : {}),
      now,
    });
  } finally {
    await stepRunner.close();
    await target?.stop();
  }
  // Read once the target is stopped: a crash during the last trials is known only then.
  const unexpectedExit = target?.unexpectedExit;
  const usage = {
    cpuSeconds: Math.max(cpuSecondsUsed() - cpuAtStart, 0),
    wallSeconds: Math.max(now() - startedAt, 0) / 1000,
  };
  return { summary, usage, ...(unexpectedExit ? { unexpectedExit } : {}) };
}

interface RunningTarget {
  target: HttpTarget;
  readonly unexpectedExit?: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  stop(): Promise<void>;
}

async function startTarget(
  suite: Suite,
  options: TrialSessionOptions,
): Promise<RunningTarget | undefined> {
  if (suite.header.target !== "http") return undefined;
  const source = options.target;
  if (source === undefined) throw new Error("an http suite needs a target: a URL or a command");
  if (source.kind === "url") return { target: { baseUrl: source.baseUrl }, stop: async () => {} };
  return TargetProcess.start({
    command: source.command,
    workDirectory: source.workDirectory,
    sandbox: options.sandbox,
    ...(source.port === undefined ? {} : { port: source.port }),
    readyPath: source.readyPath,
    readyTimeoutMs: source.readyTimeoutMs,
    readOnlyPaths: source.readOnlyPaths,
    now: options.now,
    sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
  });
}
