/**
 * The tables of the factory's database, in one place: what Kysely type-checks every query against.
 * Portable types only, so that a PostgreSQL dialect can be added: money in integer micro-dollars, time as
 * ISO-8601 UTC text (`2026-11-24T09:30:00.000Z`, which sorts as time does), flags as integers 0/1.
 */
import type { Generated } from "kysely";

/** One charge to the budget (the `CostEvent` contract, flattened). */
export interface CostEventTable {
  id: string;
  at: string;
  category: string;
  amount_micro_usd: number;
  /** 1 when a price was known; 0 for an unknown model, charged at zero. */
  priced: number;
  work_item: string | null;
  station: string | null;
  agent: string | null;
  model: string | null;
  run: string | null;
  /** The reservation this charge settled, if any. */
  reservation_id: string | null;
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  cpu_seconds: number;
  wall_seconds: number;
}

export const reservationStates = ["open", "settled", "released", "expired"] as const;
export type ReservationState = (typeof reservationStates)[number];

/** Money set aside for work before it is dispatched; open until settled, released or expired. */
export interface ReservationTable {
  id: string;
  created_at: string;
  expires_at: string;
  category: string;
  amount_micro_usd: number;
  work_item: string | null;
  run: string | null;
  station: string | null;
  agent: string | null;
  state: ReservationState;
  closed_at: string | null;
}

/**
 * A change to the budget made with `shopfloor budget set`: who, when, why, and only the values given
 * (null: unchanged). The latest non-null value of each column wins over the config file.
 */
export interface BudgetSettingTable {
  id: string;
  /** 1, 2, 3…: the order the changes were made in (two may share a timestamp). */
  sequence: number;
  at: string;
  changed_by: string;
  reason: string;
  daily_micro_usd: number | null;
  /** JSON object of the four shares, e.g. {"inference":0.3,"testing":0.4,"ci":0.15,"monitoring":0.15}. */
  split: string | null;
  time_zone: string | null;
  /** HH:MM, local time in time_zone. */
  day_start: string | null;
  /** 0 removes the cap. */
  item_cap_micro_usd: number | null;
  /** 0 removes the cap. */
  run_cap_micro_usd: number | null;
}

/** A `budget.alert`: spend crossed a threshold of a category's (or the total) limit; once per day. */
export interface BudgetAlertTable {
  id: string;
  at: string;
  day: string;
  /** A cost category, or "total". */
  scope: string;
  threshold_percent: number;
  spent_micro_usd: number;
  limit_micro_usd: number;
}

/** What became of a change: approved changes are what the factory's cost is divided by. */
export interface ChangeOutcomeTable {
  id: string;
  at: string;
  work_item: string;
  outcome: string;
}

/** One gated test run: the trials it ran, and the trials a fixed-size plan would have needed. */
export interface TestRunTable {
  id: string;
  at: string;
  work_item: string | null;
  trials_run: number;
  fixed_plan_trials: number;
}

/** A work item (the `WorkItem` contract): its current state; how it got there is in line_event. */
export interface WorkItemTable {
  id: string;
  name: string;
  spec_path: string;
  spec_hash: string;
  profile: string;
  /** JSON of the `LineUp`. */
  line_up: string;
  state: string;
  attempt: number;
  suite: string | null;
  approved_build: string | null;
  parent: string | null;
  /** The incident a fix item repairs. */
  fixes: string | null;
  created_at: string;
  updated_at: string;
}

/** The append-only audit log of the line (the `LineEvent` registry). */
export interface LineEventTable {
  /** Written by the database: 1, 2, 3… in the order of writing. */
  sequence: Generated<number>;
  at: string;
  work_item: string;
  type: string;
  /** JSON of the event's payload. */
  payload: string;
}

/** One agent run of one attempt of a work item (the `Build` contract). */
export interface BuildTable {
  id: string;
  work_item: string;
  attempt: number;
  candidate: number;
  agent: string;
  model: string | null;
  state: string;
  branch: string | null;
  /** JSON of the `AgentRun`, once it ended. */
  run: string | null;
  /** JSON of the `FeedbackReport` the agent was given. */
  feedback: string | null;
  /** JSON of the `GateVerdict`, once gated. */
  verdict: string | null;
  created_at: string;
  updated_at: string;
}

/** One trial of a build: the primary key (build, scenario, attempt) makes every trial count once. */
export interface TrialTable {
  build: string;
  scenario: string;
  /** The trial's repetition of the scenario, 1 for the first (the `TrialResult`'s attempt). */
  attempt: number;
  category: string;
  pass: number;
  duration_ms: number;
  error: string | null;
  at: string;
}

export interface LineExceptionTable {
  id: string;
  work_item: string;
  build: string | null;
  reason: string;
  summary: string;
  /** JSON object. */
  evidence: string;
  state: string;
  opened_at: string;
}

export interface DecisionTable {
  id: string;
  exception: string;
  work_item: string;
  action: string;
  decided_by: string;
  reason: string;
  at: string;
  /** JSON object. */
  details: string;
}

/** A file under <home>/artifacts, named by the SHA-256 of its content. */
export interface ArtifactTable {
  hash: string;
  /** transcript, gate-report, spec, feedback… */
  kind: string;
  /** Relative to the factory home. */
  path: string;
  bytes: number;
  created_at: string;
}

/**
 * One job of the line's queue (src/queue): a station's unit of work, leased by one worker at a time.
 * `run_at` is when the job is next leasable: for a waiting job, when it is due; for a leased one, when
 * its lease expires (the same as `lease_expires_at`), so one index finds both kinds of due job.
 */
export interface JobTable {
  /** Written by the database: 1, 2, 3… in the order of enqueueing; orders jobs due at the same time. */
  sequence: Generated<number>;
  id: string;
  station: string;
  /** JSON object. */
  payload: string;
  job_key: string;
  /** waiting, leased, done or dead. */
  state: string;
  /** Leases taken so far (0 while never leased); a lease taken back from a gone worker is not counted. */
  attempt: number;
  max_attempts: number;
  /** Epoch milliseconds. */
  run_at: number;
  /** The latest lease's token and expiry (epoch milliseconds); null until first leased. */
  lease_token: string | null;
  lease_expires_at: number | null;
  /** How many of its leases expired unfinished. */
  expirations: number;
  worker_id: string | null;
  /** The latest failure's message; why it died, once dead. */
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** A release of a service (the `Release` contract), and the request it is (re)started from. */
export interface ReleaseTable {
  /** `<service>-r<number>`. */
  id: string;
  service: string;
  /** 1, 2, 3… per service; unique with the service. */
  number: number;
  work_item: string;
  build: string;
  commit_sha: string;
  target: string;
  state: string;
  address: string | null;
  reason: string | null;
  /** JSON of the `ReleaseRequest` (src/deploy/deploy-target.ts): what a restarted host relaunches. */
  request: string;
  created_at: string;
  updated_at: string;
  live_at: string | null;
  ended_at: string | null;
}

/** A service that was deployed, and what the local target remembers of it across host restarts. */
export interface ServiceTable {
  name: string;
  /** The stable port of the local target's address; null until one is given. */
  port: number | null;
}

/** One probe of a live release (the `ProbeResult` contract). */
export interface ProbeTable {
  /** Written by the database: 1, 2, 3… in the order of recording. */
  sequence: Generated<number>;
  release: string;
  cycle: number;
  scenario: string;
  title: string;
  passed: number;
  latency_ms: number;
  error: string | null;
  at: string;
}

/** The monitor's current sequential-test window of a live release: the counts since `started_cycle`. */
export interface SloWindowTable {
  release: string;
  started_cycle: number;
  probes: number;
  failures: number;
  /** Probes slower than the profile's p95 latency. */
  slow: number;
}

/** A breach the monitor acted on, or a person's rollback (the `Incident` contract). */
export interface IncidentTable {
  id: string;
  service: string;
  release: string;
  rolled_back_to: string | null;
  work_item: string;
  fix_item: string | null;
  by_whom: string;
  summary: string;
  /** JSON object. */
  evidence: string;
  opened_at: string;
}

/** One row per monitor cycle: the database numbers cycles, so they increase across processes. */
export interface MonitorCycleTable {
  cycle: Generated<number>;
  started_at: string;
}

export interface FactoryDatabase {
  cost_event: CostEventTable;
  reservation: ReservationTable;
  budget_setting: BudgetSettingTable;
  budget_alert: BudgetAlertTable;
  change_outcome: ChangeOutcomeTable;
  test_run: TestRunTable;
  work_item: WorkItemTable;
  line_event: LineEventTable;
  build: BuildTable;
  trial: TrialTable;
  line_exception: LineExceptionTable;
  decision: DecisionTable;
  artifact: ArtifactTable;
  job: JobTable;
  release: ReleaseTable;
  service: ServiceTable;
  probe: ProbeTable;
  slo_window: SloWindowTable;
  incident: IncidentTable;
  monitor_cycle: MonitorCycleTable;
}
