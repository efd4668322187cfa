/**
 * The line's rows to and from its contracts. JSON columns are parsed back through the zod contracts, so a
 * row that no longer fits (a hand-edited database, a column from a newer version) is reported as such
 * instead of travelling on as a wrong value.
 */
import { z } from "zod";
import { ShopfloorError } from "../../contracts/errors.js";
import { Incident, ProbeResult, Release } from "../../contracts/release.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { Build, Decision, LineException, WorkItem } from "../../contracts/work-item.js";
import type { ReleaseRequest } from "../../deploy/deploy-target.js";
import type {
  BuildTable,
  DecisionTable,
  IncidentTable,
  LineExceptionTable,
  ProbeTable,
  ReleaseTable,
  TrialTable,
  WorkItemTable,
} from "../../store/factory-database.js";

const Text = z.string().min(1);

/** The stored form of a `ReleaseRequest` (the port declares it as a type only). */
export const StoredReleaseRequest = z.strictObject({
  release: Text,
  service: Text,
  workItem: Text,
  build: Text,
  commit: Text,
  directory: Text,
  /** Empty while the release's code is not exported yet (its start script is read from it). */
  command: z.string(),
  healthPath: Text,
  env: z.record(z.string(), z.string()),
}) satisfies z.ZodType<ReleaseRequest>;

export function workItemFromRow(row: WorkItemTable): WorkItem {
  return checked(WorkItem, `work item ${row.id}`, {
    id: row.id,
    name: row.name,
    specPath: row.spec_path,
    specHash: row.spec_hash,
    profile: row.profile,
    lineUp: json(`work item ${row.id}`, "line_up", row.line_up),
    state: row.state,
    attempt: row.attempt,
    suite: row.suite ?? undefined,
    approvedBuild: row.approved_build ?? undefined,
    parent: row.parent ?? undefined,
    fixes: row.fixes ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export function buildFromRow(row: BuildTable): Build {
  const where = `build ${row.id}`;
  return checked(Build, where, {
    id: row.id,
    workItem: row.work_item,
    attempt: row.attempt,
    candidate: row.candidate,
    agent: row.agent,
    model: row.model ?? undefined,
    state: row.state,
    branch: row.branch ?? undefined,
    run: optionalJson(where, "run", row.run),
    feedback: optionalJson(where, "feedback", row.feedback),
    verdict: optionalJson(where, "verdict", row.verdict),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export function exceptionFromRow(row: LineExceptionTable): LineException {
  return checked(LineException, `exception ${row.id}`, {
    id: row.id,
    workItem: row.work_item,
    build: row.build ?? undefined,
    reason: row.reason,
    summary: row.summary,
    evidence: json(`exception ${row.id}`, "evidence", row.evidence),
    state: row.state,
    openedAt: row.opened_at,
  });
}

export function decisionFromRow(row: DecisionTable): Decision {
  return checked(Decision, `decision ${row.id}`, {
    id: row.id,
    exception: row.exception,
    workItem: row.work_item,
    action: row.action,
    by: row.decided_by,
    reason: row.reason,
    at: row.at,
    details: json(`decision ${row.id}`, "details", row.details),
  });
}

export function releaseFromRow(row: ReleaseTable): Release {
  return checked(Release, `release ${row.id}`, {
    id: row.id,
    service: row.service,
    number: row.number,
    workItem: row.work_item,
    build: row.build,
    commit: row.commit_sha,
    target: row.target,
    state: row.state,
    address: row.address ?? undefined,
    reason: row.reason ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    liveAt: row.live_at ?? undefined,
    endedAt: row.ended_at ?? undefined,
  });
}

export function releaseRequestFromRow(row: Pick<ReleaseTable, "id" | "request">): ReleaseRequest {
  const where = `release ${row.id}`;
  return fits(StoredReleaseRequest, `${where}'s request`, json(where, "request", row.request));
}

export function incidentFromRow(row: IncidentTable): Incident {
  return checked(Incident, `incident ${row.id}`, {
    id: row.id,
    service: row.service,
    release: row.release,
    rolledBackTo: row.rolled_back_to ?? undefined,
    workItem: row.work_item,
    fixItem: row.fix_item ?? undefined,
    by: row.by_whom,
    summary: row.summary,
    evidence: json(`incident ${row.id}`, "evidence", row.evidence),
    openedAt: row.opened_at,
  });
}

export function probeRow(result: ProbeResult): Omit<ProbeTable, "sequence"> {
  return {
    release: result.release,
    cycle: result.cycle,
    scenario: result.scenario,
    title: result.title,
    passed: result.passed ? 1 : 0,
    latency_ms: result.latencyMs,
    error: result.error ?? null,
    at: result.at,
  };
}

export function probeFromRow(row: Omit<ProbeTable, "sequence">): ProbeResult {
  return checked(ProbeResult, `a probe of release ${row.release}`, {
    release: row.release,
    cycle: row.cycle,
    scenario: row.scenario,
    title: row.title,
    passed: row.passed === 1,
    latencyMs: row.latency_ms,
    error: row.error ?? undefined,
    at: row.at,
  });
}

/** A trial's row; a result without an attempt is the scenario's first trial. */
export function trialRow(build: string, result: TrialResult, at: string): TrialTable {
  return {
    build,
    scenario: result.scenario,
    attempt: result.attempt ?? 1,
    category: result.category,
    pass: result.pass ? 1 : 0,
    duration_ms: result.durationMs,
    error: result.error ?? null,
    at,
  };
}

/** Trials are the hot path: built by hand (the columns are typed), not parsed one by one. */
export function trialFromRow(row: Pick<TrialTable, TrialColumn>): TrialResult {
  const result: TrialResult = {
    scenario: row.scenario,
    category: row.category as TrialResult["category"],
    pass: row.pass === 1,
    durationMs: row.duration_ms,
    attempt: row.attempt,
  };
  if (row.error !== null) result.error = row.error;
  return result;
}

export const trialColumns = [
  "scenario",
  "attempt",
  "category",
  "pass",
  "duration_ms",
  "error",
] as const;
export type TrialColumn = (typeof trialColumns)[number];

function optionalJson(where: string, column: string, text: string | null): unknown {
  return text === null ? undefined : json(where, column, text);
}

function json(where: string, column: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ShopfloorError("internal", `${where}: the stored ${column} is not JSON`, {
      cause: error,
    });
  }
}

/** Parses a row's fields through its contract; absent columns (null → undefined) are left out. */
function checked<Schema extends z.ZodType>(
  schema: Schema,
  where: string,
  fields: Record<string, unknown>,
): z.infer<Schema> {
  const present = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  );
  return fits(schema, where, present);
}

/** Parses a stored value through its contract, or says where it does not fit. */
function fits<Schema extends z.ZodType>(
  schema: Schema,
  where: string,
  value: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join(".") || "(row)"}: ${issue.message}`)
    .join("; ");
  throw new ShopfloorError(
    "internal",
    `${where} in the factory database does not fit: ${problems}`,
    {
      cause: parsed.error,
    },
  );
}
