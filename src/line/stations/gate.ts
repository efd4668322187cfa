/**
 * The gate station: each tested candidate of the attempt judged on all its stored trials (round 1 by
 * the fixed-n gate, later rounds by the SPRT: trials/judge-build.ts), its verdict stored on the build,
 * as an artifact and as a `gate.verdict` event. Then one of: the best approved candidate wins and the
 * item is approved; more trials for the inconclusive candidates (the suite extended, a new round); a
 * regeneration with the feedback of the candidate closest to approval; or, attempts spent, the
 * exception queue (`retries-spent`, or `inconclusive-gate` when the last word was `more-trials`).
 */
import type { GateVerdict } from "../../contracts/gate-verdict.js";
import type { LineEvent } from "../../contracts/line-event.js";
import type { QualityProfile } from "../../contracts/quality-profile.js";
import type { Build, WorkItem } from "../../contracts/work-item.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import { parseJobPayload } from "../jobs.js";
import { bestCandidate, feedbackCandidate } from "../trials/best-candidate.js";
import { judgeBuild } from "../trials/judge-build.js";
import { candidateOf, extendForMoreTrials, regenerateOrEscalate } from "./gate-outcomes.js";
import { approveItem, enqueueDeploy } from "./item-flow.js";
import type { JobContext } from "./station-context.js";

export interface JudgedCandidate {
  build: Build;
  verdict: GateVerdict;
  /** The rounds of trials the build has had. */
  round: number;
  costMicroUsd: number;
  /** Artifact hash of the verdict. */
  report: string;
}

export async function gateStation(payload: unknown, context: JobContext): Promise<void> {
  const job = parseJobPayload("gate", payload);
  const item = await context.store.workItem(job.workItem);
  if (item?.state === "approved" && item.attempt === job.attempt) {
    // A gate stopped between approving and enqueueing the deploy: enqueue it now.
    await enqueueDeploy(context, item);
    return;
  }
  if (item === undefined || item.state !== "gate" || item.attempt !== job.attempt) return;
  const profile = resolveProfile(item.profile, context.config);
  const judged = await judgeCandidates(context, item, profile);
  const candidates = judged.map(candidateOf);
  const winner = bestCandidate(candidates);
  if (winner !== undefined) {
    const verdict = judged.find((each) => each.build.id === winner)?.verdict;
    await approveItem(context, item, {
      from: "gate",
      build: winner,
      reason: `approved ${winner}: ${verdict?.reason ?? "the gate approved it"}`,
    });
    return;
  }
  const inconclusive = judged.filter(
    (each) => each.verdict.decision === "more-trials" && each.round < profile.maxTrialRounds,
  );
  if (inconclusive.length > 0 && (await extendForMoreTrials(context, item, inconclusive))) return;
  const closest = feedbackCandidate(candidates);
  await regenerateOrEscalate(context, item, profile, judged, closest);
}

async function judgeCandidates(
  context: JobContext,
  item: WorkItem,
  profile: QualityProfile,
): Promise<JudgedCandidate[]> {
  const events = await context.store.events({
    workItem: item.id,
    types: ["trials.end", "gate.verdict"],
  });
  const builds = await context.store.builds(item.id, item.attempt);
  const judged: JudgedCandidate[] = [];
  for (const build of builds.filter(
    (each) => each.state !== "failed" && each.state !== "building",
  )) {
    const round = roundsOf(events, build.id);
    // A verdict under another profile (a person changed it) decides nothing for this one.
    const previous = build.verdict?.profile === profile.name ? build.verdict : undefined;
    const verdict = judgeBuild(await context.store.trials(build.id), profile, round, previous);
    const report = await context.artifacts.put(
      "gate-report",
      `${JSON.stringify(verdict, null, 2)}\n`,
    );
    await context.store.updateBuild(build.id, { state: "gated", verdict });
    const announced = events.some(
      (event) =>
        event.type === "gate.verdict" &&
        event.payload.build === build.id &&
        event.payload.report === report.hash,
    );
    if (!announced) {
      await context.store.appendEvent(item.id, "gate.verdict", {
        build: build.id,
        decision: verdict.decision,
        reason: verdict.reason,
        report: report.hash,
      });
    }
    const run = build.run;
    const costMicroUsd = run?.reportedCostMicroUsd ?? run?.computedCostMicroUsd ?? 0;
    judged.push({ build, verdict, round, costMicroUsd, report: report.hash });
  }
  return judged;
}

/** The rounds of trials a build has had: the highest round of its `trials.end` events, at least 1. */
export function roundsOf(events: readonly LineEvent[], build: string): number {
  let rounds = 1;
  for (const event of events) {
    if (event.type === "trials.end" && event.payload.build === build) {
      rounds = Math.max(rounds, event.payload.round);
    }
  }
  return rounds;
}
