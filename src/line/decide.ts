/**
 * A person's decision on an exception: checked first (a decision that cannot be carried out is refused
 * before anything is written), recorded with who, when and why (the exception becomes decided), then
 * carried out: approve (the item is approved with its closest build), reject, clarify (a new item with
 * the new spec, parent = the old one, which is rejected), change-profile (the item is judged again under
 * it), raise-budget (the budget is changed, the refused work is enqueued again) or retry (one more
 * attempt; a release that did not go live is deployed again). What the line has to do next is
 * enqueued; `run` carries it out.
 */
import { resolve } from "node:path";
import { feedbackFromVerdict } from "../agents/feedback.js";
import { ShopfloorError } from "../contracts/errors.js";
import type {
  Decision,
  DecisionAction,
  LineException,
  StationName,
  WorkItem,
} from "../contracts/work-item.js";
import { stationNames } from "../contracts/work-item.js";
import { resolveProfile } from "../gate/resolve-profile.js";
import { loadSpec } from "../requirements/load-spec.js";
import { approveItem, moveItem, recordOutcomeOnce, startAttempt } from "./stations/item-flow.js";
import { resumeItem } from "./stations/resume-item.js";
import type { LineServices } from "./stations/station-context.js";
import { feedbackCandidate } from "./trials/best-candidate.js";

export interface DecisionRequest {
  exception: string;
  action: DecisionAction;
  reason: string;
  by: string;
  /** clarify: the new spec; a new work item (parent = the old) goes down the line. */
  clarifiedSpecPath?: string;
  /** change-profile: re-gate the item's last builds under it (and go on from there). */
  profile?: string;
  /** raise-budget: ledger.changeBudget, then the refused station job is enqueued again. */
  dailyBudgetUsd?: number;
}

export interface DecisionServices extends LineServices {
  /** What relative paths (a clarified spec) are relative to. */
  projectFolder: string;
  /** Submits a new work item (clarify). */
  submit(request: {
    specPath: string;
    profile?: string;
    lineUp?: WorkItem["lineUp"];
    parent?: string;
  }): Promise<WorkItem>;
}

export async function applyDecision(
  context: DecisionServices,
  request: DecisionRequest,
): Promise<Decision> {
  const exception = await context.store.requireException(request.exception);
  if (exception.state === "decided") {
    throw new ShopfloorError(
      "invalid-argument",
      `exception ${exception.id} is already decided; \`shopfloor history ${exception.workItem}\` shows how`,
      { field: "exception" },
    );
  }
  const item = await context.store.requireWorkItem(exception.workItem);
  const details = await prepare(context, request, exception, item);
  const decision = await context.store.recordDecision({
    exception: exception.id,
    action: request.action,
    by: request.by,
    reason: request.reason,
    details,
  });
  await carryOut(context, request, item, details);
  return decision;
}

type Details = Record<string, unknown>;

/** Checks that the decision can be carried out and gathers its details; writes nothing. */
async function prepare(
  context: DecisionServices,
  request: DecisionRequest,
  exception: LineException,
  item: WorkItem,
): Promise<Details> {
  switch (request.action) {
    case "approve": {
      const build = exception.build ?? (await closestBuild(context, item));
      if (build === undefined) {
        throw invalid(`${item.id} has no build to approve; clarify or reject it instead`, "action");
      }
      return { build };
    }
    case "reject":
      return {};
    case "clarify": {
      const path = required(request.clarifiedSpecPath, "clarifiedSpecPath", "clarify");
      const specPath = resolve(context.projectFolder, path);
      const spec = await loadSpec(specPath, { workingDirectory: context.projectFolder });
      return { specPath, specHash: spec.hash };
    }
    case "change-profile": {
      const profile = required(request.profile, "profile", "change-profile");
      resolveProfile(profile, context.config);
      const judged = (await context.store.builds(item.id, item.attempt)).some(
        (build) => build.verdict !== undefined,
      );
      return { from: item.profile, to: profile, station: judged ? "gate" : "intake" };
    }
    case "raise-budget": {
      const dailyUsd = required(request.dailyBudgetUsd, "dailyBudgetUsd", "raise-budget");
      if (!(dailyUsd > 0))
        throw invalid(`the daily budget must be above 0; got ${dailyUsd}`, "dailyBudgetUsd");
      const station = exception.evidence.station;
      if (exception.reason !== "budget-reached" || !isStation(station)) {
        throw invalid(
          `raise-budget answers a budget-reached exception; ${exception.id} is ${exception.reason}`,
          "action",
        );
      }
      return { dailyUsd, station };
    }
    case "retry":
      // A release that did not go live is deployed again; anything else gets another build.
      if (exception.reason === "deploy-failed" && item.approvedBuild !== undefined) {
        return { redeploy: item.approvedBuild };
      }
      return { attempt: item.attempt + 1 };
  }
}

async function carryOut(
  context: DecisionServices,
  request: DecisionRequest,
  item: WorkItem,
  details: Details,
): Promise<void> {
  const because = `${request.action} by ${request.by}: ${request.reason}`;
  switch (request.action) {
    case "approve":
      await approveItem(context, item, {
        from: item.state,
        build: String(details.build),
        reason: because,
      });
      return;
    case "reject":
      await recordOutcomeOnce(context, item.id, "rejected");
      await moveItem(context, item, { from: item.state, to: "rejected", reason: because });
      return;
    case "clarify": {
      const spec = await loadSpec(String(details.specPath), {
        workingDirectory: context.projectFolder,
      });
      const next = await context.submit({
        specPath: String(details.specPath),
        profile: spec.frontMatter.profile ?? item.profile,
        lineUp: item.lineUp,
        parent: item.id,
      });
      await recordOutcomeOnce(context, item.id, "rejected");
      await moveItem(context, item, {
        from: item.state,
        to: "rejected",
        reason: `clarified as ${next.id}: ${request.reason}`,
      });
      return;
    }
    case "change-profile": {
      await context.store.setProfile(item.id, String(details.to));
      await sendBack(context, item, details.station as StationName, because);
      return;
    }
    case "raise-budget":
      await context.ledger.changeBudget({
        by: request.by,
        reason: request.reason,
        dailyUsd: Number(details.dailyUsd),
      });
      await sendBack(context, item, details.station as StationName, because);
      return;
    case "retry":
      if (typeof details.redeploy === "string") {
        await approveItem(context, item, {
          from: item.state,
          build: details.redeploy,
          reason: because,
        });
        return;
      }
      await startAttempt(context, item, {
        from: item.state,
        attempt: item.attempt + 1,
        reason: because,
        ...(await lastFeedback(context, item)),
      });
      return;
  }
}

async function sendBack(
  context: DecisionServices,
  item: WorkItem,
  station: StationName,
  reason: string,
): Promise<void> {
  const moved = await moveItem(context, item, { from: item.state, to: station, reason });
  if (moved !== undefined) await resumeItem(context, moved);
}

/** The build of the item's last attempt closest to approval, else its last built one. */
async function closestBuild(context: LineServices, item: WorkItem): Promise<string | undefined> {
  const builds = (await context.store.builds(item.id)).filter(
    (build) => build.state !== "failed" && build.state !== "building",
  );
  const judged = builds.flatMap((build) =>
    build.verdict === undefined
      ? []
      : [{ build: build.id, verdict: build.verdict, costMicroUsd: 0 }],
  );
  return feedbackCandidate(judged) ?? builds.at(-1)?.id;
}

async function lastFeedback(context: LineServices, item: WorkItem) {
  const builds = await context.store.builds(item.id, item.attempt);
  const judged = builds.flatMap((build) =>
    build.verdict === undefined || build.verdict.decision === "approve"
      ? []
      : [{ build: build.id, verdict: build.verdict, costMicroUsd: 0 }],
  );
  const chosen = judged.find((each) => each.build === feedbackCandidate(judged));
  return chosen === undefined ? {} : { feedback: feedbackFromVerdict(chosen.verdict) };
}

function required<Value>(value: Value | undefined, field: string, action: string): Value {
  if (value === undefined) throw invalid(`${action} needs ${field}`, field);
  return value;
}

function invalid(message: string, field: string): ShopfloorError {
  return new ShopfloorError("invalid-argument", message, { field });
}

function isStation(value: unknown): value is StationName {
  return typeof value === "string" && (stationNames as readonly string[]).includes(value);
}
