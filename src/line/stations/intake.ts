/**
 * The intake station: the spec's requirements lint (a language model's review too when one is
 * configured for `lint`), scored against the profile's intake minimum before any money is spent on a
 * build. A spec that passes starts attempt 1; one below the minimum goes to the exception queue
 * (`spec-too-vague`) with the findings as evidence, for its author to clarify.
 */

import { FeedbackReport } from "../../contracts/agent-run.js";
import { modelFor } from "../../contracts/config.js";
import type { LintReport } from "../../contracts/lint.js";
import { defaultIntakeMinimumScore } from "../../contracts/quality-profile.js";
import type { Spec } from "../../contracts/spec.js";
import type { WorkItem } from "../../contracts/work-item.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import { lintSpecWithModel } from "../../requirements/lint/model-review.js";
import { parseJobPayload } from "../jobs.js";
import { escalate, loadItemSpec, startAttempt } from "./item-flow.js";
import type { JobContext } from "./station-context.js";

export async function intakeStation(payload: unknown, context: JobContext): Promise<void> {
  const { workItem } = parseJobPayload("intake", payload);
  const item = await context.store.workItem(workItem);
  if (item === undefined || item.state !== "intake") return;
  const profile = resolveProfile(item.profile, context.config);
  const minimumScore = profile.intake?.minimumScore ?? defaultIntakeMinimumScore;
  const { spec, text } = await loadItemSpec(context, item);
  const report = await lint(context, item, spec, text, minimumScore);
  const recorded = await context.store.events({ workItem, types: ["intake.end"] });
  if (!recorded.some((event) => event.type === "intake.end")) {
    await context.store.appendEvent(workItem, "intake.end", {
      score: report.score,
      minimumScore,
      findings: report.findings.length,
    });
  }
  if (report.decision === "pass") {
    await startAttempt(context, item, {
      from: "intake",
      attempt: 1,
      reason: `lint score ${report.score} ≥ ${minimumScore}`,
      ...(await fixFeedback(context, item)),
    });
    return;
  }
  await escalate(context, item, {
    reason: "spec-too-vague",
    summary: `The spec scores ${report.score} in the requirements lint, below the ${minimumScore} the ${profile.name} profile asks for: clarify it and submit it again.`,
    evidence: {
      station: "intake",
      score: report.score,
      minimumScore,
      findings: report.findings,
      ...(report.llm === undefined ? {} : { review: report.llm }),
    },
  });
}

/** A fix item's first build is given what production showed (the incident's feedback). */
async function fixFeedback(
  context: JobContext,
  item: WorkItem,
): Promise<{ feedback?: FeedbackReport }> {
  if (item.fixes === undefined) return {};
  const incident = await context.store.incidents.incident(item.fixes);
  const feedback = FeedbackReport.safeParse(incident?.evidence.feedback);
  return feedback.success ? { feedback: feedback.data } : {};
}

async function lint(
  context: JobContext,
  item: WorkItem,
  spec: Spec,
  text: string,
  minimumScore: number,
): Promise<LintReport> {
  const reference = modelFor(context.config, "lint");
  if (reference === undefined) {
    return lintSpecWithModel(spec, text, { minimumScore, signal: context.signal });
  }
  const { createLanguageModel, modelLabel } = await import("../../models/create-language-model.js");
  const label = modelLabel(reference);
  const report = await lintSpecWithModel(spec, text, {
    minimumScore,
    signal: context.signal,
    model: createLanguageModel(reference, context.environment),
    modelLabel: label,
  });
  const usage = report.llm?.usage;
  if (usage !== undefined) {
    await context.ledger.record([
      {
        kind: "model",
        model: reference.model,
        provider: reference.provider,
        tokens: usage,
        workItem: item.id,
        station: "intake",
      },
    ]);
  }
  return report;
}
