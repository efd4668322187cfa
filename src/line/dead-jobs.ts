/**
 * A job that died (its retries spent, an error retrying cannot fix, or leases that kept expiring) must
 * not vanish: it becomes an exception on its item, with the error as evidence, and the item goes to
 * the exception queue. Each dead job becomes one exception: its id is kept in the evidence, and a job
 * already reported, or one of an item that has settled since, is left alone.
 */
import type { ExceptionReason, StationName, WorkItemState } from "../contracts/work-item.js";
import type { LeasedJob } from "../queue/job-queue.js";
import { workItemOfPayload } from "./jobs.js";
import { escalate } from "./stations/item-flow.js";
import type { LineServices } from "./stations/station-context.js";

/** What a dead job of each station most likely means for a person. */
const reasons: Record<StationName, ExceptionReason> = {
  intake: "spec-too-vague",
  build: "agent-cannot-build",
  scenarios: "spec-too-vague",
  trials: "agent-cannot-build",
  gate: "inconclusive-gate",
  deploy: "deploy-failed",
};

const summaries: Record<StationName, string> = {
  intake: "The spec could not be read or linted",
  build: "The build station could not run the agent",
  scenarios: "No holdout suite could be made from the spec",
  trials: "The build could not be tested",
  gate: "The gate could not judge the builds",
  deploy: "The approved build could not be deployed",
};

/** An approved item's only job left is its deploy; a live or finished item has none. */
function reportable(state: WorkItemState, station: StationName): boolean {
  if (state === "approved") return station === "deploy";
  return !["live", "rolled-back", "rejected"].includes(state);
}

/** Opens the exception of a dead job; false when there was nothing to report. */
export async function reportDeadJob(
  context: LineServices,
  job: LeasedJob,
  error: string,
): Promise<boolean> {
  const workItem = workItemOfPayload(job.payload);
  if (workItem === undefined) return false;
  const item = await context.store.workItem(workItem);
  if (item === undefined || !reportable(item.state, job.station)) return false;
  const reported = await context.store.exceptions({ workItem });
  if (reported.some((exception) => exception.evidence.job === job.id)) return false;
  const build = typeof job.payload.build === "string" ? job.payload.build : undefined;
  // A job of an attempt the item has left behind (a person sent it on) reports nothing.
  const attempt =
    build === undefined ? job.payload.attempt : (await context.store.build(build))?.attempt;
  if (typeof attempt === "number" && attempt !== item.attempt) return false;
  await escalate(context, item, {
    ...(build === undefined ? {} : { build }),
    reason: reasons[job.station],
    summary: `${summaries[job.station]}: ${error}`,
    evidence: {
      station: job.station,
      job: job.id,
      payload: job.payload,
      attempts: job.attempt,
      error,
    },
  });
  return true;
}

/** Reports the dead jobs not reported yet (those that died while no line was there to see it). */
export async function reportDeadJobs(context: LineServices, limit = 100): Promise<number> {
  let reported = 0;
  for (const job of await context.queue.deadJobs(limit)) {
    if (await reportDeadJob(context, job, job.error)) reported += 1;
  }
  return reported;
}
