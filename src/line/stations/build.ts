/**
 * The build station: one candidate of one attempt, built by the agent the line-up names. The inference
 * budget is reserved first (refused: the item goes to the exception queue, `budget-reached`); the agent
 * runs in a fresh worktree on the build's own branch, within the config's wall clock; its run and
 * transcript are stored and the reservation settled with its cost. When every candidate of the attempt
 * has ended, the item moves on: to the scenarios (no suite yet) or the trials, or, when nothing was
 * built, to the next attempt or the exception queue.
 */
import { readFile } from "node:fs/promises";
import type { AgentRun } from "../../contracts/agent-run.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Build, WorkItem } from "../../contracts/work-item.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import { buildInstructions } from "../build-instructions.js";
import { buildId, enqueueJob, parseJobPayload } from "../jobs.js";
import { agentFor, candidateCount } from "../line-up.js";
import { baseCommitFor } from "./build-base.js";
import { escalate, loadItemSpec, moveItem, refuseForBudget, startAttempt } from "./item-flow.js";
import { buildEstimateMicroUsd, openReservationIds, reserveOnce } from "./station-budget.js";
import type { JobContext } from "./station-context.js";

export async function buildStation(payload: unknown, context: JobContext): Promise<void> {
  const job = parseJobPayload("build", payload);
  const item = await context.store.workItem(job.workItem);
  if (item === undefined || item.state !== "build" || item.attempt !== job.attempt) return;
  const id = buildId(item.id, job.attempt, job.candidate);
  const stored = await context.store.build(id);
  if (stored === undefined || stored.state === "building") {
    const built = await runAgent(context, item, job.candidate, stored);
    if (!built) return;
  } else {
    await settleLeftovers(context, stored);
  }
  await afterCandidate(context, item);
}

/** Runs the agent for the build; false when the budget refused it (the item is in the exception queue). */
async function runAgent(
  context: JobContext,
  item: WorkItem,
  candidate: number,
  stored: Build | undefined,
): Promise<boolean> {
  const id = buildId(item.id, item.attempt, candidate);
  const lineUpAgent = agentFor(item.lineUp, item.attempt, candidate);
  const agent = await context.createAgent(lineUpAgent, item.attempt);
  const outcome = await reserveOnce(context, {
    category: "inference",
    amountMicroUsd: buildEstimateMicroUsd(lineUpAgent.agent),
    workItem: item.id,
    station: "build",
    agent: agent.name,
    run: id,
  });
  if (!outcome.granted) {
    const job = { workItem: item.id, attempt: item.attempt, candidate };
    await refuseForBudget(context, item, { station: "build", payload: job }, outcome.refusal, id);
    return false;
  }
  const build =
    stored ??
    (await context.store.createBuild({
      id,
      workItem: item.id,
      attempt: item.attempt,
      candidate,
      agent: lineUpAgent.agent,
      ...(lineUpAgent.model === undefined ? {} : { model: lineUpAgent.model }),
    }));
  const { spec, text } = await loadItemSpec(context, item);
  await context.store.appendEvent(item.id, "build.start", {
    build: id,
    attempt: item.attempt,
    candidate,
    agent: agent.name,
    ...(lineUpAgent.model === undefined ? {} : { model: lineUpAgent.model }),
  });
  const base = await baseCommitFor(context, item);
  const workspace = await context.repositories.freshWorkspace(item.id, id, base);
  await context.store.updateBuild(id, { branch: workspace.branch });
  let run: AgentRun;
  try {
    run = await agent.run(
      {
        workItem: item.id,
        spec,
        specText: text,
        instructions: buildInstructions(spec),
        attempt: item.attempt,
        ...(build.feedback === undefined ? {} : { feedback: build.feedback }),
      },
      workspace,
      { wallClockMs: context.config.line.buildMinutes * 60_000 },
      context.signal,
    );
  } catch (error) {
    await context.ledger.release(outcome.reservation.id);
    throw error;
  }
  const transcript = await storeTranscript(context, run);
  const costMicroUsd = run.reportedCostMicroUsd ?? run.computedCostMicroUsd ?? 0;
  if (context.signal.aborted) {
    // Stopped by the line, not failed: what it spent is charged and the build is done again later.
    const charges = chargesOf(item.id, id, run, costMicroUsd, lineUpAgent.model);
    await context.ledger.settle(outcome.reservation.id, charges);
    throw new ShopfloorError("internal", `the build ${id} was stopped`, { retryable: true });
  }
  const built = run.status === "succeeded" && (run.commit !== undefined || base !== undefined);
  const finalRun = transcript === undefined ? run : { ...run, transcript: transcript.path };
  await context.store.updateBuild(id, { state: built ? "built" : "failed", run: finalRun });
  const charges = chargesOf(item.id, id, finalRun, costMicroUsd, lineUpAgent.model);
  await context.ledger.settle(outcome.reservation.id, charges);
  await context.store.appendEvent(item.id, "build.end", {
    build: id,
    status: run.status,
    ...(run.commit === undefined ? {} : { commit: run.commit }),
    summary:
      built || run.status !== "succeeded" ? run.summary : `${run.summary} Nothing was committed.`,
    costMicroUsd,
    injectedFaults: run.injectedFaults.length,
    ...(transcript === undefined ? {} : { transcript: transcript.hash }),
  });
  return true;
}

/** A build that ended before a crash but whose reservation was not settled: settle it now. */
async function settleLeftovers(context: JobContext, build: Build): Promise<void> {
  const run = build.run;
  if (run === undefined) return;
  const costMicroUsd = run.reportedCostMicroUsd ?? run.computedCostMicroUsd ?? 0;
  for (const reservation of await openReservationIds(context, build.id, "inference")) {
    const charges = chargesOf(build.workItem, build.id, run, costMicroUsd, build.model);
    await context.ledger.settle(reservation, charges);
  }
}

/** The run's cost, labelled with the item, the station, the agent, the model (the run's, else the line-up's) and the build. */
function chargesOf(
  workItem: string,
  build: string,
  run: AgentRun,
  costMicroUsd: number,
  lineUpModel?: string,
) {
  const model = run.model ?? lineUpModel;
  return [
    {
      kind: "amount" as const,
      category: "inference" as const,
      amountMicroUsd: costMicroUsd,
      ...(model === undefined ? {} : { model }),
      workItem,
      station: "build",
      agent: run.agent,
      run: build,
    },
  ];
}

async function storeTranscript(context: JobContext, run: AgentRun) {
  try {
    return await context.artifacts.put("transcript", await readFile(run.transcript));
  } catch {
    // An agent that died before writing its transcript: the run says what happened.
    return undefined;
  }
}

/** When every candidate of the attempt has ended, the item moves on. */
async function afterCandidate(context: JobContext, item: WorkItem): Promise<void> {
  const builds = await context.store.builds(item.id, item.attempt);
  const ended = builds.filter((build) => build.state !== "building");
  if (ended.length < candidateCount(item.lineUp)) return;
  const built = ended.filter((build) => build.state !== "failed");
  if (built.length === 0) {
    await failedAttempt(context, item, ended);
    return;
  }
  if (item.suite === undefined) {
    const moved = await moveItem(context, item, {
      from: "build",
      to: "scenarios",
      reason: `${built.length} of ${ended.length} candidate(s) built`,
    });
    if (moved !== undefined) {
      await enqueueJob(context.queue, { station: "scenarios", payload: { workItem: item.id } });
    }
    return;
  }
  const moved = await moveItem(context, item, {
    from: "build",
    to: "trials",
    reason: `${built.length} of ${ended.length} candidate(s) built; suite ${item.suite}`,
  });
  if (moved === undefined) return;
  for (const build of built) {
    await enqueueJob(context.queue, {
      station: "trials",
      payload: { workItem: item.id, build: build.id, round: 1 },
    });
  }
}

/** Every run said another try cannot help, and the next attempt would ask the same agents. */
function hopeless(item: WorkItem, builds: readonly Build[]): boolean {
  const sameAgents = builds.every(
    (build) => agentFor(item.lineUp, item.attempt + 1, build.candidate).agent === build.agent,
  );
  return sameAgents && builds.every((build) => build.run?.retryable === false);
}

async function failedAttempt(context: JobContext, item: WorkItem, builds: Build[]): Promise<void> {
  const summary = builds.map((build) => build.run?.summary ?? "no run").join(" / ");
  const profile = resolveProfile(item.profile, context.config);
  if (item.attempt < profile.maxAttempts && !hopeless(item, builds)) {
    await startAttempt(context, item, {
      from: "build",
      attempt: item.attempt + 1,
      reason: `the agent failed: ${summary}`,
    });
    return;
  }
  await escalate(context, item, {
    reason: "agent-cannot-build",
    summary: `No agent built ${item.name} in ${item.attempt} attempt(s); the last said: ${summary}`,
    evidence: {
      station: "build",
      attempt: item.attempt,
      runs: builds.map((build) => ({ build: build.id, agent: build.agent, run: build.run })),
    },
  });
}
