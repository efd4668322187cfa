/**
 * The moves every station shares: reading the item's spec from its stored text (parsed once), moving
 * an item (compare-and-set, so a resumed station that finds the move made goes on), sending it to the
 * exception queue with its evidence, refusing work the budget cannot pay for, starting an attempt's
 * builds, and recording an outcome once. Worktrees go when an item settles; their branches stay.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { FeedbackReport } from "../../contracts/agent-run.js";
import type { CostCategory } from "../../contracts/cost-event.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Spec } from "../../contracts/spec.js";
import type { LineException, WorkItem, WorkItemState } from "../../contracts/work-item.js";
import type { BudgetRefusal } from "../../ledger/cap-check.js";
import type { ChangeOutcome } from "../../ledger/outcomes.js";
import { parseSpec } from "../../requirements/parse-spec.js";
import { type ItemSpec, specCacheKey } from "../cache/line-caches.js";
import { buildId, enqueueJob, type LineJob } from "../jobs.js";
import { attemptAgents } from "../line-up.js";
import type { NewException } from "../store/exception-records.js";
import type { TransitionChange } from "../store/work-item-records.js";
import type { LineServices } from "./station-context.js";

/**
 * The spec the item runs on: its stored text (not the file, which may have changed since), parsed once
 * per open line (the cache is filled when the item is submitted) and shared: do not modify it.
 */
export function loadItemSpec(context: LineServices, item: WorkItem): Promise<ItemSpec> {
  return context.caches.specs.get(specCacheKey(item), async () => {
    const text = await context.artifacts.readText(item.specHash);
    return { spec: await parseStoredSpec(text, item.specPath), text };
  });
}

/** Parses a spec's text as the file at `specPath`, whose relative files (OpenAPI) are read beside it. */
export function parseStoredSpec(text: string, specPath: string): Promise<Spec> {
  const folder = dirname(specPath);
  return parseSpec(text, specPath, {
    readRelative: async (path) => {
      const target = resolve(folder, path);
      return { text: await readFile(target, "utf8"), path: target };
    },
  });
}

/**
 * Moves the item; undefined when it is neither in `from` nor already in `to` (another job or a
 * person's decision moved it on: this job has nothing left to do).
 */
export async function moveItem(
  context: LineServices,
  item: WorkItem,
  change: TransitionChange,
): Promise<WorkItem | undefined> {
  try {
    const { item: moved } = await context.store.transition(item.id, change);
    if (settledStates.includes(change.to)) await context.repositories.removeWorktrees(item.id);
    return moved;
  } catch (error) {
    if (error instanceof ShopfloorError && error.code === "invalid-argument") {
      const current = await context.store.workItem(item.id);
      if (current !== undefined && current.state !== change.from) return undefined;
    }
    throw error;
  }
}

const settledStates: readonly WorkItemState[] = ["approved", "exception", "rejected"];

/**
 * Opens the exception (once) and moves the item into the exception queue. A fix item that fails
 * (its builds, its gate, its deploy) is a production regression nobody could repair: it is reported
 * as `monitor-regression`, its own reason kept in the evidence.
 */
export async function escalate(
  context: LineServices,
  item: WorkItem,
  exception: Omit<NewException, "workItem">,
): Promise<LineException> {
  const opened = await context.store.openException({
    ...exception,
    workItem: item.id,
    ...(item.fixes !== undefined && exception.reason !== "budget-reached"
      ? {
          reason: "monitor-regression" as const,
          evidence: { ...exception.evidence, fixes: item.fixes, failedAs: exception.reason },
        }
      : {}),
  });
  // Another job may move the item meanwhile: the exception moves it from wherever it is then.
  let current: WorkItem | undefined = item;
  for (let tries = 0; tries < 5 && current !== undefined; tries++) {
    if (current.state === "approved" || current.state === "rejected") break;
    const change = { from: current.state, to: "exception" as const, reason: opened.summary };
    if ((await moveItem(context, current, change)) !== undefined) break;
    current = await context.store.workItem(item.id);
  }
  return opened;
}

const stationCategories: Record<LineJob["station"], CostCategory> = {
  intake: "inference",
  build: "inference",
  scenarios: "testing",
  trials: "testing",
  gate: "testing",
  deploy: "ci",
};

/**
 * The ledger refused to reserve a station's work: a `budget.exceeded` event, and an exception
 * `budget-reached` whose evidence names the job, so that raising the budget enqueues it again.
 */
export async function refuseForBudget(
  context: LineServices,
  item: WorkItem,
  job: LineJob,
  refusal: BudgetRefusal,
  build?: string,
): Promise<void> {
  await context.store.appendEvent(item.id, "budget.exceeded", {
    category: stationCategories[job.station],
    station: job.station,
    reason: refusal.reason,
  });
  await escalate(context, item, {
    ...(build === undefined ? {} : { build }),
    reason: "budget-reached",
    summary: `The ${job.station} station's work was refused by the budget: ${refusal.reason}`,
    evidence: { station: job.station, job: job.payload, refusal },
  });
}

/**
 * Starts attempt `attempt`: its builds are created (with the gate's feedback, when there is some),
 * the item moves to the build station, and one build job per candidate is enqueued.
 */
export async function startAttempt(
  context: LineServices,
  item: WorkItem,
  request: { from: WorkItemState; attempt: number; reason: string; feedback?: FeedbackReport },
): Promise<WorkItem | undefined> {
  const candidates = attemptAgents(item.lineUp, request.attempt);
  for (const { candidate, agent } of candidates) {
    await context.store.createBuild({
      id: buildId(item.id, request.attempt, candidate),
      workItem: item.id,
      attempt: request.attempt,
      candidate,
      agent: agent.agent,
      ...(agent.model === undefined ? {} : { model: agent.model }),
      ...(request.feedback === undefined ? {} : { feedback: request.feedback }),
    });
  }
  const moved = await moveItem(context, item, {
    from: request.from,
    to: "build",
    attempt: request.attempt,
    reason: request.reason,
  });
  if (moved === undefined) return undefined;
  for (const { candidate } of candidates) {
    await enqueueJob(context.queue, {
      station: "build",
      payload: { workItem: item.id, attempt: request.attempt, candidate },
    });
  }
  return moved;
}

/**
 * Approves the item with `build` and, when deploys are on, enqueues its deploy (keyed by the build, so a
 * resumed gate that finds the item approved enqueues it again safely).
 */
export async function approveItem(
  context: LineServices,
  item: WorkItem,
  request: { from: WorkItemState; build: string; reason: string },
): Promise<WorkItem | undefined> {
  await recordOutcomeOnce(context, item.id, "approved");
  const approved = await moveItem(context, item, {
    from: request.from,
    to: "approved",
    approvedBuild: request.build,
    reason: request.reason,
  });
  if (approved !== undefined) await enqueueDeploy(context, approved);
  return approved;
}

/** The deploy job of an approved item (nothing when deploys are off or it has no approved build). */
export async function enqueueDeploy(context: LineServices, item: WorkItem): Promise<void> {
  if (!context.config.deploy.enabled || item.approvedBuild === undefined) return;
  await enqueueJob(context.queue, {
    station: "deploy",
    payload: { workItem: item.id, build: item.approvedBuild },
  });
}

/** Records what became of the item, once however often a resumed station gets here. */
export async function recordOutcomeOnce(
  context: LineServices,
  workItem: string,
  outcome: ChangeOutcome,
): Promise<void> {
  const existing = await context.database
    .selectFrom("change_outcome")
    .select("id")
    .where("work_item", "=", workItem)
    .where("outcome", "=", outcome)
    .executeTakeFirst();
  if (existing === undefined) await context.ledger.recordOutcome({ workItem, outcome });
}
