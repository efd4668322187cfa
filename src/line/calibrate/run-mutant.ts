/**
 * One mutant of a calibration: a fresh worktree from the item's first commit, the approved build's tree
 * replayed into it by the inner agent, one fault put in by the fault-injection wrapper (probability 1,
 * its own seed, every kind), the suite that approved the build run against it through the line's
 * trial executor, and the fixed-n gate's decision under the approving profile. Its testing is charged
 * to the ledger (reserved first, settled with the CPU time measured) as station `calibrate`. The
 * worktree is removed after; its branch stays so a missed fault can be read again.
 */
import { join } from "node:path";
import type { Workspace } from "../../agents/agent.js";
import { FaultInjectingAgent } from "../../agents/fault-injection/fault-injecting-agent.js";
import { WorkspaceManager } from "../../agents/workspace/workspace-manager.js";
import type { InjectedFault } from "../../contracts/agent-run.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { QualityProfile } from "../../contracts/quality-profile.js";
import type { Suite } from "../../contracts/scenario.js";
import type { Spec } from "../../contracts/spec.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { buildInstructions } from "../build-instructions.js";
import { trialsEstimateMicroUsd } from "../stations/station-budget.js";
import type { LineServices } from "../stations/station-context.js";
import { judgeBuild } from "../trials/judge-build.js";
import type { TrialUsage } from "../trials/trial-executor.js";
import type { MutantOutcome } from "./calibration-report.js";
import { ReplayAgent } from "./replay-agent.js";

/** The ledger's station label of a calibration's charges. */
export const calibrationStation = "calibrate";

export interface MutantPlan {
  workItem: string;
  /** The approved build and its resolved commit. */
  build: string;
  commit: string;
  spec: Spec;
  specText: string;
  suite: Suite;
  profile: QualityProfile;
  /** 1..N. */
  mutant: number;
  /** The fault wrapper's seed. */
  seed: number;
}

export interface MutantHooks {
  signal: AbortSignal;
  /** Once the fault is in: the trials are about to run. */
  onInjected?(fault: InjectedFault, trials: number): void;
  /** After each batch of stored results. */
  onTrials?(done: number, total: number): void;
}

/** `<build>.mutant-<seed>`: the mutant's run label, worktree and branch name. */
export function mutantRunName(build: string, seed: number): string {
  return `${build}.mutant-${seed}`;
}

export async function runMutant(
  context: LineServices,
  plan: MutantPlan,
  hooks: MutantHooks,
): Promise<MutantOutcome> {
  const name = mutantRunName(plan.build, plan.seed);
  const workspace = await context.repositories.freshWorkspace(plan.workItem, name);
  try {
    return await injectAndJudge(context, plan, hooks, workspace);
  } finally {
    await removeWorktree(context, plan.workItem, workspace);
  }
}

async function injectAndJudge(
  context: LineServices,
  plan: MutantPlan,
  hooks: MutantHooks,
  workspace: Workspace,
): Promise<MutantOutcome> {
  const { signal } = hooks;
  const agent = new FaultInjectingAgent({
    inner: new ReplayAgent({ commit: plan.commit, build: plan.build, now: context.clock }),
    probability: 1,
    seed: plan.seed,
    now: context.clock,
  });
  const run = await agent.run(
    {
      workItem: plan.workItem,
      spec: plan.spec,
      specText: plan.specText,
      instructions: buildInstructions(plan.spec),
      attempt: 1,
    },
    workspace,
    { wallClockMs: context.config.line.buildMinutes * 60_000 },
    signal,
  );
  signal.throwIfAborted();
  const base = {
    mutant: plan.mutant,
    seed: plan.seed,
    branch: workspace.branch,
    ...(run.commit === undefined ? {} : { commit: run.commit }),
  };
  const [fault] = run.injectedFaults;
  if (run.status !== "succeeded" || fault === undefined) {
    return { ...base, injected: false, reason: run.summary };
  }
  hooks.onInjected?.(fault, plan.suite.scenarios.length);
  const tested = await testMutant(context, plan, hooks, workspace.path);
  const verdict = judgeBuild(tested.results, plan.profile, 1);
  return {
    ...base,
    injected: true,
    fault,
    decision: verdict.decision,
    caught: verdict.decision !== "approve",
    reason: verdict.reason,
    trials: tested.results.length,
    failedTrials: tested.results.filter((result) => !result.pass).length,
    cpuSeconds: tested.cpuSeconds,
    costMicroUsd: tested.costMicroUsd,
  };
}

async function testMutant(
  context: LineServices,
  plan: MutantPlan,
  hooks: MutantHooks,
  workspacePath: string,
): Promise<{ results: TrialResult[]; cpuSeconds: number; costMicroUsd: number }> {
  const run = mutantRunName(plan.build, plan.seed);
  const scenarios = plan.suite.scenarios;
  const outcome = await context.ledger.reserve({
    category: "testing",
    amountMicroUsd: trialsEstimateMicroUsd(scenarios.length, context.config.rates),
    workItem: plan.workItem,
    station: calibrationStation,
    run,
  });
  if (!outcome.granted) {
    await context.store.appendEvent(plan.workItem, "budget.exceeded", {
      category: "testing",
      station: calibrationStation,
      reason: outcome.refusal.reason,
    });
    throw new ShopfloorError(
      "invalid-config",
      `the testing budget refused mutant ${plan.mutant} of the calibration of ${plan.build}: ${outcome.refusal.reason}`,
      { field: "budget" },
    );
  }
  const results: TrialResult[] = [];
  let usage: TrialUsage;
  try {
    usage = await context.trialExecutor.run({
      suite: plan.suite,
      scenarios,
      build: { id: run, spec: plan.spec, workspacePath },
      signal: hooks.signal,
      onResults: async (batch) => {
        results.push(...batch);
        hooks.onTrials?.(results.length, scenarios.length);
      },
    });
  } catch (error) {
    await context.ledger.release(outcome.reservation.id);
    throw error;
  }
  const settlement = await context.ledger.settle(outcome.reservation.id, [
    {
      kind: "machine",
      work: "trial",
      category: "testing",
      cpuSeconds: usage.cpuSeconds,
      wallSeconds: usage.wallSeconds,
      workItem: plan.workItem,
      station: calibrationStation,
      run,
    },
  ]);
  hooks.signal.throwIfAborted();
  return { results, cpuSeconds: usage.cpuSeconds, costMicroUsd: settlement.actualMicroUsd };
}

async function removeWorktree(
  context: LineServices,
  workItem: string,
  workspace: Workspace,
): Promise<void> {
  const manager = new WorkspaceManager({
    repository: context.repositories.repositoryPath(workItem),
    worktreesFolder: join(context.home, "worktrees"),
    artifactsFolder: join(context.home, "runs"),
  });
  await manager.remove(workspace, { keepBranch: true });
}
