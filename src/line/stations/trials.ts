/**
 * The trials station: one build, one round. It runs the suite's scenarios that have no trial recorded
 * for the build yet (a resumed job never runs or counts a trial twice), storing results as they come in
 * batches; the testing budget is reserved first and settled with the CPU time measured. When every
 * built candidate of the attempt is tested, the item moves to the gate.
 */

import { ShopfloorError } from "../../contracts/errors.js";
import type { Scenario, Suite } from "../../contracts/scenario.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import type { Build, WorkItem } from "../../contracts/work-item.js";
import { loadCachedSuite } from "../cache/line-caches.js";
import { enqueueJob, type JobPayloadOf, parseJobPayload } from "../jobs.js";
import { trialsToRun } from "../trials/trials-to-run.js";
import { loadItemSpec, moveItem, refuseForBudget } from "./item-flow.js";
import {
  estimatedCpuSecondsPerTrial,
  openReservationIds,
  reserveOnce,
  trialsEstimateMicroUsd,
} from "./station-budget.js";
import type { JobContext } from "./station-context.js";

export async function trialsStation(payload: unknown, context: JobContext): Promise<void> {
  const job = parseJobPayload("trials", payload);
  const item = await context.store.workItem(job.workItem);
  if (item === undefined || item.state !== "trials" || item.suite === undefined) return;
  const build = await context.store.build(job.build);
  if (build === undefined || build.workItem !== item.id || build.attempt !== item.attempt) return;
  if (build.state === "failed" || build.state === "building") return;
  const suite = await loadCachedSuite(context, item.suite);
  const toRun = trialsToRun(suite.scenarios, await context.store.trials(build.id));
  if (toRun.length > 0) {
    const ran = await runTrials(context, item, build, { suite, scenarios: toRun, job });
    if (!ran) return;
  } else {
    await closeLeftovers(context, build, job.round);
  }
  if (build.state !== "tested" && build.state !== "gated") {
    await context.store.updateBuild(build.id, { state: "tested" });
  }
  await afterTrials(context, item);
}

/** The run label of a round's trials, for the ledger's reservation and charges. */
function runLabel(build: string, round: number): string {
  return `${build}.trials.${round}`;
}

async function runTrials(
  context: JobContext,
  item: WorkItem,
  build: Build,
  work: { suite: Suite; scenarios: Scenario[]; job: JobPayloadOf<"trials"> },
): Promise<boolean> {
  const { suite, scenarios, job } = work;
  const run = runLabel(build.id, job.round);
  const outcome = await reserveOnce(context, {
    category: "testing",
    amountMicroUsd: trialsEstimateMicroUsd(scenarios.length, context.config.rates),
    workItem: item.id,
    station: "trials",
    run,
  });
  if (!outcome.granted) {
    const refused = { station: "trials" as const, payload: job };
    await refuseForBudget(context, item, refused, outcome.refusal, build.id);
    return false;
  }
  await context.store.updateBuild(build.id, { state: "testing" });
  await context.store.appendEvent(item.id, "trials.start", {
    build: build.id,
    round: job.round,
    scenarios: scenarios.length,
  });
  const checkout = build.run?.commit ?? build.branch;
  if (checkout === undefined) {
    throw new ShopfloorError("internal", `build ${build.id} has neither a commit nor a branch`);
  }
  const workspacePath = await context.repositories.ensureWorktree(item.id, build.id, checkout);
  const { spec } = await loadItemSpec(context, item);
  const earlier = await earlierRounds(context, build, job.round);
  // Trials of this round a killed process recorded: run, but neither charged nor announced.
  const interrupted = (await context.store.trialCount(build.id)) - earlier.trials;
  const delivered: TrialResult[] = [];
  let usage: Awaited<ReturnType<JobContext["trialExecutor"]["run"]>>;
  try {
    usage = await context.trialExecutor.run({
      suite,
      scenarios,
      build: { id: build.id, spec, workspacePath },
      signal: context.signal,
      onResults: async (results) => {
        await context.store.recordTrials(build.id, results);
        delivered.push(...results);
      },
    });
  } catch (error) {
    await context.ledger.release(outcome.reservation.id);
    throw error;
  }
  // The interrupted trials are charged at this run's cost per trial (or the estimate, if it ran none).
  const share = (measured: number, estimate: number) =>
    delivered.length === 0 ? estimate : measured / delivered.length;
  const cpuPerTrial = share(usage.cpuSeconds, estimatedCpuSecondsPerTrial);
  const wallPerTrial = share(usage.wallSeconds, 0);
  await context.ledger.settle(outcome.reservation.id, [
    {
      kind: "machine",
      work: "trial",
      category: "testing",
      cpuSeconds: usage.cpuSeconds + interrupted * cpuPerTrial,
      wallSeconds: usage.wallSeconds + interrupted * wallPerTrial,
      workItem: item.id,
      station: "trials",
      run,
    },
  ]);
  if (context.signal.aborted) {
    throw new ShopfloorError("internal", `the trials of ${build.id} were stopped`, {
      retryable: true,
    });
  }
  const recorded = await context.store.trials(build.id);
  await context.store.appendEvent(item.id, "trials.end", {
    build: build.id,
    round: job.round,
    trials: recorded.length - earlier.trials,
    failed: recorded.filter((result) => !result.pass).length - earlier.failed,
    cpuSeconds: usage.cpuSeconds,
  });
  return true;
}

/** The trials and failures the build's earlier rounds ended with. */
async function earlierRounds(
  context: JobContext,
  build: Build,
  round: number,
): Promise<{ trials: number; failed: number }> {
  const totals = { trials: 0, failed: 0 };
  const ends = await context.store.events({ workItem: build.workItem, types: ["trials.end"] });
  for (const event of ends) {
    if (event.type !== "trials.end" || event.payload.build !== build.id) continue;
    if (event.payload.round >= round) continue;
    totals.trials += event.payload.trials;
    totals.failed += event.payload.failed;
  }
  return totals;
}

/**
 * Every trial was recorded before a crash: give back a reservation left open (its CPU time was not
 * measured) and write the round's end if it was not written.
 */
async function closeLeftovers(context: JobContext, build: Build, round: number): Promise<void> {
  for (const reservation of await openReservationIds(
    context,
    runLabel(build.id, round),
    "testing",
  )) {
    await context.ledger.release(reservation).catch(() => undefined);
  }
  const events = await context.store.events({ workItem: build.workItem, types: ["trials.end"] });
  const ended = events.some(
    (event) =>
      event.type === "trials.end" &&
      event.payload.build === build.id &&
      event.payload.round === round,
  );
  if (ended) return;
  const recorded = await context.store.trials(build.id);
  await context.store.appendEvent(build.workItem, "trials.end", {
    build: build.id,
    round,
    trials: recorded.length,
    failed: recorded.filter((result) => !result.pass).length,
    cpuSeconds: 0,
  });
}

/** When no built candidate of the attempt is waiting for or in its trials, the item goes to the gate. */
async function afterTrials(context: JobContext, item: WorkItem): Promise<void> {
  const builds = await context.store.builds(item.id, item.attempt);
  const waiting = builds.filter((build) => ["building", "built", "testing"].includes(build.state));
  if (waiting.length > 0) return;
  const tested = builds.filter((build) => build.state !== "failed").length;
  const moved = await moveItem(context, item, {
    from: "trials",
    to: "gate",
    reason: `${tested} candidate(s) tested`,
  });
  if (moved === undefined) return;
  await enqueueJob(context.queue, {
    station: "gate",
    payload: { workItem: item.id, attempt: item.attempt },
  });
}
