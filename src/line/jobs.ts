/**
 * The line's jobs: the payload of each station's job (JSON, checked when leased), its idempotency key,
 * and enqueueing. Keys make a successor enqueued twice (by a station resumed after a crash) one job:
 * `build:<build>`, `trials:<build>:<round>`, `gate:<item>:<attempt>`…
 */
import { z } from "zod";
import { ShopfloorError } from "../contracts/errors.js";
import type { StationName } from "../contracts/work-item.js";
import type { JobQueue } from "../queue/job-queue.js";

const Id = z.string().min(1);
const Positive = z.int().positive();

export const jobPayloads = {
  intake: z.object({ workItem: Id }),
  build: z.object({ workItem: Id, attempt: Positive, candidate: Positive }),
  scenarios: z.object({ workItem: Id }),
  trials: z.object({ workItem: Id, build: Id, round: Positive }),
  gate: z.object({ workItem: Id, attempt: Positive }),
  deploy: z.object({ workItem: Id, build: Id }),
} as const;

export type JobPayloadOf<Station extends StationName> = z.infer<(typeof jobPayloads)[Station]>;

export type LineJob = {
  [Station in StationName]: { station: Station; payload: JobPayloadOf<Station> };
}[StationName];

/** The job's payload as its station reads it; a payload that is not one is a non-retryable error. */
export function parseJobPayload<Station extends StationName>(
  station: Station,
  payload: unknown,
): JobPayloadOf<Station> {
  const parsed = jobPayloads[station].safeParse(payload);
  if (parsed.success) return parsed.data as JobPayloadOf<Station>;
  throw new ShopfloorError(
    "invalid-input",
    `a ${station} job's payload is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ")}`,
    { field: "payload" },
  );
}

/** The key that makes the same job enqueued twice one job. */
export function jobKey(job: LineJob): string {
  switch (job.station) {
    case "intake":
      return `intake:${job.payload.workItem}`;
    case "build":
      return `build:${buildId(job.payload.workItem, job.payload.attempt, job.payload.candidate)}`;
    case "scenarios":
      return `scenarios:${job.payload.workItem}`;
    case "trials":
      return `trials:${job.payload.build}:${job.payload.round}`;
    case "gate":
      return `gate:${job.payload.workItem}:${job.payload.attempt}`;
    case "deploy":
      return `deploy:${job.payload.build}`;
  }
}

export async function enqueueJob(queue: JobQueue, job: LineJob): Promise<void> {
  await queue.enqueue({ station: job.station, payload: job.payload, key: jobKey(job) });
}

/** `<work item>.<attempt>.<candidate>`. */
export function buildId(workItem: string, attempt: number, candidate: number): string {
  return `${workItem}.${attempt}.${candidate}`;
}

/** The work item a job is about, whatever its station (every payload names one). */
export function workItemOfPayload(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const workItem = (payload as { workItem?: unknown }).workItem;
  return typeof workItem === "string" && workItem.length > 0 ? workItem : undefined;
}
