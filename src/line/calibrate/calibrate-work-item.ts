/**
 * Calibrating the gate on an approved work item (`shopfloor calibrate ITEM`): N mutants of its approved
 * build, each with one injected fault, judged by the suite version and profile that approved it; the
 * share of faults the gate caught, with its interval, is stored as a `calibration` artifact and
 * announced by a `calibration.end` event. Mutants run one after another; an abort stops the one
 * running (its reservation given back, its worktree removed) and rejects with the signal's reason.
 */
import { rmdir } from "node:fs/promises";
import { join } from "node:path";
import { runGit } from "../../agents/workspace/git-command.js";
import type { InjectedFault } from "../../contracts/agent-run.js";
import { InvalidArgumentError, ShopfloorError } from "../../contracts/errors.js";
import type { LineEvent } from "../../contracts/line-event.js";
import type { Build, WorkItem } from "../../contracts/work-item.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import { loadItemSpec } from "../stations/item-flow.js";
import type { LineServices } from "../stations/station-context.js";
import {
  type CalibrationReport,
  type MutantOutcome,
  summarizeCalibration,
} from "./calibration-report.js";
import { runMutant } from "./run-mutant.js";

export const defaultMutants = 20;
export const defaultCalibrationSeed = 1;
/** More would take hours with a real suite; the interval is already narrow at a few hundred. */
export const maximumMutants = 1000;

export type CalibrationProgress =
  | { type: "mutant.start"; mutant: number; mutants: number; seed: number }
  | { type: "mutant.injected"; mutant: number; mutants: number; fault: InjectedFault }
  | { type: "mutant.trials"; mutant: number; mutants: number; done: number; total: number }
  | { type: "mutant.end"; mutant: number; mutants: number; outcome: MutantOutcome };

export interface CalibrationRequest {
  /** The work item's id, or the start of it when that is unique. */
  workItem: string;
  /** Default 20. */
  mutants?: number;
  /** Mutant i's fault seed is seed + i; default 1. */
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (progress: CalibrationProgress) => void;
}

export interface CalibrationResult {
  report: CalibrationReport;
  /** Content hash of the stored report (artifact kind `calibration`). */
  artifact: string;
  event: LineEvent;
}

export async function calibrateWorkItem(
  context: LineServices,
  request: CalibrationRequest,
): Promise<CalibrationResult> {
  const mutants = request.mutants ?? defaultMutants;
  const seed = request.seed ?? defaultCalibrationSeed;
  checkArguments(mutants, seed);
  const signal = request.signal ?? new AbortController().signal;
  const progress = request.onProgress ?? (() => undefined);
  const item = await context.store.requireWorkItem(request.workItem);
  const { build, suiteReference } = await approvedBuildOf(context, item);
  const commit = await resolveCommit(context, item, build);
  const suite = await context.suites.load(suiteReference);
  const profile = resolveProfile(item.profile, context.config);
  const { spec, text } = await loadItemSpec(context, item);
  const startedAt = context.now().toISOString();
  const outcomes: MutantOutcome[] = [];
  try {
    for (let mutant = 1; mutant <= mutants; mutant++) {
      signal.throwIfAborted();
      const mutantSeed = seed + mutant;
      progress({ type: "mutant.start", mutant, mutants, seed: mutantSeed });
      const plan = { workItem: item.id, build: build.id, commit, spec, specText: text };
      const outcome = await runMutant(
        context,
        { ...plan, suite, profile, mutant, seed: mutantSeed },
        {
          signal,
          onInjected: (fault) => progress({ type: "mutant.injected", mutant, mutants, fault }),
          onTrials: (done, total) =>
            progress({ type: "mutant.trials", mutant, mutants, done, total }),
        },
      );
      outcomes.push(outcome);
      progress({ type: "mutant.end", mutant, mutants, outcome });
    }
  } finally {
    // The item's worktrees folder, empty once the mutants' worktrees are gone.
    await rmdir(join(context.home, "worktrees", item.id)).catch(() => undefined);
  }
  const subject = {
    workItem: item.id,
    build: build.id,
    commit,
    suite: suiteReference,
    profile: profile.name,
    seed,
    mutants,
  };
  const endedAt = context.now().toISOString();
  const report = summarizeCalibration(subject, outcomes, { startedAt, endedAt });
  const stored = await context.artifacts.put("calibration", `${JSON.stringify(report, null, 2)}\n`);
  const event = await context.store.appendEvent(item.id, "calibration.end", {
    build: build.id,
    mutants: report.injected,
    caught: report.caught,
    lower: report.interval.lower,
    upper: report.interval.upper,
    report: stored.hash,
  });
  return { report, artifact: stored.hash, event };
}

function checkArguments(mutants: number, seed: number): void {
  if (!Number.isInteger(mutants) || mutants < 1 || mutants > maximumMutants) {
    throw new InvalidArgumentError(
      `mutants must be a whole number from 1 to ${maximumMutants}, got ${mutants}`,
      "mutants",
    );
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidArgumentError(`seed must be a whole number from 0, got ${seed}`, "seed");
  }
}

const approvedStates: readonly WorkItem["state"][] = ["approved", "deploy", "live", "rolled-back"];

async function approvedBuildOf(
  context: LineServices,
  item: WorkItem,
): Promise<{ build: Build; suiteReference: string }> {
  // An approved build stays approved when it is deployed, goes live or is rolled back.
  if (item.approvedBuild === undefined || !approvedStates.includes(item.state)) {
    throw new InvalidArgumentError(
      `${item.id} is ${item.state}, not approved: only an approved build can be calibrated (shopfloor history ${item.id} shows where it stands)`,
      "workItem",
    );
  }
  const build = await context.store.build(item.approvedBuild);
  if (build === undefined) {
    throw new ShopfloorError("not-found", `the approved build ${item.approvedBuild} is not stored`);
  }
  if (item.suite === undefined) {
    throw new InvalidArgumentError(
      `${item.id} was approved without a suite, so there is no suite to calibrate the gate with`,
      "workItem",
    );
  }
  return { build, suiteReference: item.suite };
}

/** The approved build's commit, as a full hash (its run's commit, else its branch's head). */
async function resolveCommit(context: LineServices, item: WorkItem, build: Build): Promise<string> {
  const reference = build.run?.commit ?? build.branch;
  if (reference === undefined) {
    throw new ShopfloorError("not-found", `the approved build ${build.id} has no commit or branch`);
  }
  const repository = context.repositories.repositoryPath(item.id);
  try {
    const { stdout } = await runGit(
      ["rev-parse", "--verify", "--end-of-options", `${reference}^{commit}`],
      repository,
    );
    return stdout.trim();
  } catch (error) {
    throw new ShopfloorError(
      "not-found",
      `the approved build ${build.id}'s commit ${reference} is not in ${repository}`,
      { path: repository, cause: error },
    );
  }
}
