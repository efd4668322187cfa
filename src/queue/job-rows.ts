/**
 * The queue's rows and the port's values, both ways: a job request checked and turned into a new row,
 * and a stored row turned back into the `LeasedJob` a station works on (its payload parsed from JSON).
 */
import type { Insertable, Selectable } from "kysely";
import { InvalidArgumentError, ShopfloorError } from "../contracts/errors.js";
import { type StationName, stationNames } from "../contracts/work-item.js";
import type { JobTable } from "../store/factory-database.js";
import type { JobPayload, JobRequest, LeasedJob } from "./job-queue.js";

export type JobRow = Selectable<JobTable>;

export const jobStates = ["waiting", "leased", "done", "dead"] as const;
export type JobState = (typeof jobStates)[number];

export const defaultMaxAttempts = 3;

export interface NewJobContext {
  id: string;
  /** Epoch milliseconds. */
  now: number;
}

/** Throws InvalidArgumentError for a request no job can be made of. */
export function checkJobRequest(request: JobRequest): void {
  const maxAttempts = request.maxAttempts ?? defaultMaxAttempts;
  const delayMs = request.delayMs ?? 0;
  checkStation(request.station);
  if (typeof request.key !== "string" || request.key.length === 0) {
    throw new InvalidArgumentError("a job needs a non-empty key", "key");
  }
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new InvalidArgumentError(
      `maxAttempts must be a positive integer, not ${maxAttempts}`,
      "maxAttempts",
    );
  }
  if (!Number.isFinite(delayMs) || delayMs < 0) {
    throw new InvalidArgumentError(`delayMs must be 0 or more, not ${delayMs}`, "delayMs");
  }
  payloadText(request.payload);
}

export function newJobRow(request: JobRequest, context: NewJobContext): Insertable<JobTable> {
  checkJobRequest(request);
  const at = new Date(context.now).toISOString();
  return {
    id: context.id,
    station: request.station,
    payload: payloadText(request.payload),
    job_key: request.key,
    state: "waiting",
    attempt: 0,
    max_attempts: request.maxAttempts ?? defaultMaxAttempts,
    run_at: Math.ceil(context.now + (request.delayMs ?? 0)),
    expirations: 0,
    created_at: at,
    updated_at: at,
  };
}

export function leasedJobFromRow(row: JobRow): LeasedJob {
  return {
    id: row.id,
    station: stationOfRow(row),
    payload: payloadOfRow(row),
    key: row.job_key,
    attempt: row.attempt,
    maxAttempts: row.max_attempts,
    leaseToken: row.lease_token ?? "",
    leaseExpiresAt: row.lease_expires_at ?? 0,
  };
}

export function checkStation(station: string): asserts station is StationName {
  if (!(stationNames as readonly string[]).includes(station)) {
    throw new InvalidArgumentError(
      `there is no station "${station}"; the stations are ${stationNames.join(", ")}`,
      "station",
    );
  }
}

function payloadText(payload: JobPayload): string {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new InvalidArgumentError("a job's payload must be a JSON object", "payload");
  }
  try {
    return JSON.stringify(payload);
  } catch (error) {
    throw new InvalidArgumentError(
      `a job's payload must be JSON: ${error instanceof Error ? error.message : String(error)}`,
      "payload",
    );
  }
}

function stationOfRow(row: JobRow): StationName {
  if ((stationNames as readonly string[]).includes(row.station)) return row.station as StationName;
  throw new ShopfloorError("internal", `job ${row.id} names an unknown station "${row.station}"`);
}

function payloadOfRow(row: JobRow): JobPayload {
  const payload: unknown = JSON.parse(row.payload);
  if (typeof payload === "object" && payload !== null && !Array.isArray(payload)) {
    return payload as JobPayload;
  }
  throw new ShopfloorError("internal", `job ${row.id} holds a payload that is not a JSON object`);
}
