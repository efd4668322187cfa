/**
 * The smoke sample a new release must pass before it takes traffic: a few scenarios of the holdout suite
 * that its build passed in its trials, replayed against the release itself. Scenarios the build failed
 * are left out, so a failure here says the release does not run as the build did (its start, its
 * environment), not what the gate already knew and accepted. Their unique values are fresh ones
 * (monitor/replayable-scenarios.ts): the monitor replays the same scenarios against the same service.
 */
import type { ProbeResult } from "../../contracts/release.js";
import type { Suite } from "../../contracts/scenario.js";
import type { Spec } from "../../contracts/spec.js";
import type { StartedRelease } from "../../deploy/deploy-target.js";
import { replayableSuite, replaySeed } from "../../monitor/replayable-scenarios.js";
import { runProbes } from "../../monitor/run-probes.js";
import { sampleScenarios } from "../../monitor/sample-scenarios.js";
import type { JobContext } from "../stations/station-context.js";

export interface SmokeOutcome {
  passed: boolean;
  results: ProbeResult[];
  wallSeconds: number;
  cpuSeconds: number;
}

export async function smokeCheck(
  context: JobContext,
  suite: Suite,
  spec: Spec,
  build: string,
  started: StartedRelease,
): Promise<SmokeOutcome> {
  const count = context.config.deploy.smokeScenarios;
  if (count === 0 || suite.header.target !== "http") {
    return { passed: true, results: [], wallSeconds: 0, cpuSeconds: 0 };
  }
  const trials = await context.store.trials(build);
  const passed = new Set(trials.filter((trial) => trial.pass).map((trial) => trial.scenario));
  const seed = replaySeed(started.release, "smoke");
  const scenarios = sampleScenarios(replayableSuite(suite, spec, seed), count, seed, {
    only: passed,
  });
  const probes = await runProbes({
    suite,
    scenarios,
    target: started.checkAt,
    release: started.release,
    cycle: 1,
    sandbox: context.deployment.sandbox,
    now: context.now,
    clock: context.clock,
  });
  return { passed: probes.results.every((result) => result.passed), ...probes };
}
