/**
 * One cycle's probes: scenarios of the holdout suite replayed once each against a live release's stable
 * address, with the runners' own step runner and trial pool, so a probe checks exactly what a trial
 * checked before the release went out. Also measures what the cycle cost in machine time, the way the
 * trial executor does, for the ledger's monitoring charges.
 */
import { InvalidArgumentError } from "../contracts/errors.js";
import type { ProbeResult } from "../contracts/release.js";
import type { Scenario, Suite } from "../contracts/scenario.js";
import type { TrialResult } from "../contracts/trial-result.js";
import { cpuSecondsUsed } from "../runners/cpu-time.js";
import { createStepRunner, defaultConcurrency } from "../runners/create-step-runner.js";
import type { HttpTarget } from "../runners/http/http-step-runner.js";
import { runSuite } from "../runners/run-suite.js";
import type { Sandbox } from "../runners/sandbox/sandbox.js";
import { requireInteger } from "../stats/arguments.js";

/** Errors are stored with every probe: the first few hundred characters say what failed. */
export const maximumProbeErrorCharacters = 300;

export interface RunProbesOptions {
  /** The holdout suite the scenarios come from (its defaults: headers, timeouts). */
  suite: Suite;
  /** The scenarios to replay, each once; usually `sampleScenarios` of the suite. */
  scenarios: readonly Scenario[];
  /** The release's stable address. */
  target: HttpTarget;
  release: string;
  cycle: number;
  sandbox: Sandbox;
  /** The time stamped on each probe. */
  now(): Date;
  /** Milliseconds from any fixed origin, for latencies and the cycle's wall time. */
  clock(): number;
  /** Probes at once; default as for http trials. */
  concurrency?: number;
}

export interface ProbeRun {
  /** One per scenario, in the order the scenarios were given. */
  results: ProbeResult[];
  wallSeconds: number;
  cpuSeconds: number;
}

export async function runProbes(options: RunProbesOptions): Promise<ProbeRun> {
  const { suite, clock } = options;
  if (suite.header.target !== "http") {
    throw new InvalidArgumentError(
      `probes replay http suites against a live release; suite "${suite.header.name}" is a ${suite.header.target} suite`,
      "suite",
    );
  }
  requireInteger(options.cycle, "cycle", 1);
  if (options.scenarios.length === 0) return { results: [], wallSeconds: 0, cpuSeconds: 0 };
  const probeSuite: Suite = { ...suite, scenarios: [...options.scenarios] };
  const concurrency = options.concurrency ?? defaultConcurrency("http");
  const startedAt = clock();
  const cpuAtStart = cpuSecondsUsed();
  const arrived: { trial: TrialResult; at: Date }[] = [];
  const stepRunner = createStepRunner({
    suite: probeSuite,
    sandbox: options.sandbox,
    concurrency,
    httpTarget: options.target,
    now: clock,
  });
  try {
    await runSuite({
      suite: probeSuite,
      stepRunner,
      concurrency,
      repeat: 1,
      runId: runIdFor(options.release, options.cycle, options.now()),
      onResult: (trial) => arrived.push({ trial, at: options.now() }),
      now: clock,
    });
  } finally {
    await stepRunner.close();
  }
  return {
    results: inScenarioOrder(arrived, probeSuite.scenarios).map(({ trial, at }) =>
      probeResult(trial, at, options),
    ),
    wallSeconds: Math.max(clock() - startedAt, 0) / 1000,
    cpuSeconds: Math.max(cpuSecondsUsed() - cpuAtStart, 0),
  };
}

function probeResult(
  trial: TrialResult,
  at: Date,
  options: Pick<RunProbesOptions, "release" | "cycle" | "scenarios">,
): ProbeResult {
  const scenario = options.scenarios.find((each) => each.id === trial.scenario);
  return {
    release: options.release,
    cycle: options.cycle,
    scenario: trial.scenario,
    title: scenario?.title ?? trial.scenario,
    passed: trial.pass,
    latencyMs: trial.durationMs,
    ...(trial.pass ? {} : { error: shortProbeError(trial.error ?? "failed") }),
    at: at.toISOString(),
  };
}

/** Trials end in any order when several run at once; the report follows the sample's order. */
function inScenarioOrder<Item extends { trial: TrialResult }>(
  items: readonly Item[],
  scenarios: readonly Scenario[],
): Item[] {
  const position = new Map<string, number>();
  scenarios.forEach((scenario, index) => {
    if (!position.has(scenario.id)) position.set(scenario.id, index);
  });
  const rank = (item: Item) => position.get(item.trial.scenario) ?? scenarios.length;
  return [...items].sort((left, right) => rank(left) - rank(right));
}

/**
 * Unique per release and cycle, and per start of the monitor (a restarted monitor may repeat a cycle
 * number): values a scenario makes unique, such as a new user's email, never collide in production.
 */
function runIdFor(release: string, cycle: number, time: Date): string {
  return `${release.replace(/[^\w-]/g, "-")}-probe-${cycle}-${time.getTime().toString(36)}`;
}

/** A probe's error cut to `maximumProbeErrorCharacters` (a whole response body would bloat incidents). */
export function shortProbeError(text: string): string {
  if (text.length <= maximumProbeErrorCharacters) return text;
  return `${text.slice(0, maximumProbeErrorCharacters - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
}
