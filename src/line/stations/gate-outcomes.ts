/**
 * What the gate does when no candidate is approved. More trials: the suite is extended with new
 * scenarios of the inconclusive categories (a new stored version, the item's suite from now on) and the
 * inconclusive candidates get another round. Else a regeneration, with the feedback of the candidate
 * closest to approval, while the profile allows attempts; else the exception queue with the verdicts.
 */
import { feedbackFromVerdict } from "../../agents/feedback.js";
import type { QualityProfile } from "../../contracts/quality-profile.js";
import { scenarioCategories } from "../../contracts/scenario-category.js";
import type { WorkItem } from "../../contracts/work-item.js";
import { loadCachedSuite } from "../cache/line-caches.js";
import { enqueueJob } from "../jobs.js";
import { feedbackCandidate } from "../trials/best-candidate.js";
import { extendSuiteForRound } from "../trials/sequential-round.js";
import type { JudgedCandidate } from "./gate.js";
import { escalate, loadItemSpec, moveItem, startAttempt } from "./item-flow.js";
import type { JobContext } from "./station-context.js";

/** False when the suite cannot grow (frozen, or no new distinct scenario): the gate decides without. */
export async function extendForMoreTrials(
  context: JobContext,
  item: WorkItem,
  inconclusive: readonly JudgedCandidate[],
): Promise<boolean> {
  if (item.suite === undefined) return false;
  const current = await context.suites.resolve(item.suite);
  if (current.frozen) return false;
  const closest = feedbackCandidate(inconclusive.map(candidateOf));
  const target = inconclusive.find((each) => each.build.id === closest) ?? inconclusive[0];
  if (target === undefined) return false;
  const { spec } = await loadItemSpec(context, item);
  const suite = await loadCachedSuite(context, item.suite);
  const round = target.round + 1;
  const extended = extendSuiteForRound(spec, suite, target.verdict, {
    seed: context.config.line.seed,
    round,
  });
  const added = scenarioCategories.reduce((sum, category) => sum + extended.added[category], 0);
  if (added === 0) return false;
  const saved = await context.suites.save(
    { header: extended.header, scenarios: extended.scenarios },
    { parent: current.version },
  );
  const reference = `${saved.name}@${saved.version}`;
  const events = await context.store.events({ workItem: item.id, types: ["suite.ready"] });
  const announced = events.some(
    (event) => event.type === "suite.ready" && event.payload.suite === reference,
  );
  if (!announced) {
    await context.store.appendEvent(item.id, "suite.ready", {
      suite: reference,
      ...saved.counts,
      generated: true,
    });
  }
  for (const each of inconclusive) {
    await context.store.updateBuild(each.build.id, { state: "testing" });
  }
  const moved = await moveItem(context, item, {
    from: "gate",
    to: "trials",
    suite: reference,
    reason: `more trials: ${added} new scenarios in ${reference} for round ${round}`,
  });
  if (moved === undefined) return true;
  for (const each of inconclusive) {
    await enqueueJob(context.queue, {
      station: "trials",
      payload: { workItem: item.id, build: each.build.id, round: each.round + 1 },
    });
  }
  return true;
}

export async function regenerateOrEscalate(
  context: JobContext,
  item: WorkItem,
  profile: QualityProfile,
  judged: readonly JudgedCandidate[],
  closest: string | undefined,
): Promise<void> {
  const chosen = judged.find((each) => each.build.id === closest) ?? judged[0];
  if (chosen === undefined) {
    await escalate(context, item, {
      reason: "agent-cannot-build",
      summary: `No candidate of attempt ${item.attempt} reached the gate.`,
      evidence: { station: "gate", attempt: item.attempt },
    });
    return;
  }
  if (item.attempt < profile.maxAttempts) {
    const titles = item.suite === undefined ? {} : await scenarioTitles(context, item.suite);
    const feedback = feedbackFromVerdict(chosen.verdict, titles);
    await context.artifacts.put("feedback", `${JSON.stringify(feedback, null, 2)}\n`);
    await startAttempt(context, item, {
      from: "gate",
      attempt: item.attempt + 1,
      reason: `${chosen.verdict.decision}: ${chosen.verdict.reason}`,
      feedback,
    });
    return;
  }
  const inconclusive = judged.some((each) => each.verdict.decision === "more-trials");
  await escalate(context, item, {
    build: chosen.build.id,
    reason: inconclusive ? "inconclusive-gate" : "retries-spent",
    summary: inconclusive
      ? `The gate could not decide on ${item.name} within ${profile.maxTrialRounds} round(s) of trials: ${chosen.verdict.reason}`
      : `${item.name} was not approved in ${item.attempt} attempt(s): ${chosen.verdict.reason}`,
    evidence: {
      station: "gate",
      attempt: item.attempt,
      profile: profile.name,
      verdicts: judged.map((each) => ({
        build: each.build.id,
        round: each.round,
        report: each.report,
        verdict: each.verdict,
      })),
    },
  });
}

export function candidateOf(judged: JudgedCandidate) {
  return { build: judged.build.id, verdict: judged.verdict, costMicroUsd: judged.costMicroUsd };
}

async function scenarioTitles(context: JobContext, suite: string): Promise<Record<string, string>> {
  const loaded = await loadCachedSuite(context, suite);
  return Object.fromEntries(loaded.scenarios.map((scenario) => [scenario.id, scenario.title]));
}
