/**
 * The line's facade, what the CLI (and later the HTTP server) calls: open a factory home, submit specs,
 * work the queue, and read the line (status, work items, exceptions, a work item's history); decide
 * exceptions. Everything is in the home: the database (ledger, line, queue), the holdout suites, the
 * artifacts, one git repository per work item and its worktrees.
 */
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Agent } from "../agents/agent.js";
import type { Config } from "../contracts/config.js";
import type { LineEvent } from "../contracts/line-event.js";
import type { Incident, Release, ReleaseState } from "../contracts/release.js";
import type { TrialResult } from "../contracts/trial-result.js";
import type {
  Decision,
  LineException,
  LineUp,
  LineUpAgent,
  WorkItem,
  WorkItemState,
} from "../contracts/work-item.js";
import type { ReleaseHost } from "../deploy/local/release-host.js";
import type { BudgetPolicy } from "../ledger/budget-policy.js";
import type { BudgetChange } from "../ledger/budget-settings.js";
import type { BudgetStatus } from "../ledger/budget-status.js";
import type { LedgerReport, LedgerReportRequest } from "../ledger/ledger-report.js";
import type { Sandbox } from "../runners/sandbox/sandbox.js";
import { FactoryLineSession } from "./factory-line-session.js";
import { openLineServices } from "./line-services.js";
import type { TrialExecutor } from "./trials/trial-executor.js";

export type { DecisionRequest } from "./decide.js";
export type { LineStatus } from "./line-status.js";
export type { ManualRollbackRequest, RollbackOutcome } from "./monitor/manual-rollback.js";
export type { MonitorCycleReport, ReleaseCheck } from "./monitor/monitor-cycle.js";
export type {
  MonitorCycleSummary,
  MonitorStatus,
  MonitorWatchState,
  ReleaseMonitorStatus,
} from "./monitor/monitor-status.js";
export type { EventQuery } from "./store/event-log.js";
export type { WorkItemHistory } from "./work-item-history.js";

import type { DecisionRequest } from "./decide.js";
import type { LineStatus } from "./line-status.js";
import type { ManualRollbackRequest, RollbackOutcome } from "./monitor/manual-rollback.js";
import type { MonitorCycleReport } from "./monitor/monitor-cycle.js";
import type { MonitorStatus } from "./monitor/monitor-status.js";
import type { EventQuery } from "./store/event-log.js";
import type { WorkItemHistory } from "./work-item-history.js";

export interface FactoryLineOptions {
  /** The factory home (created if missing). */
  home: string;
  config: Config;
  /** PATH, HOME, keys: for the agents. */
  environment: Readonly<Record<string, string | undefined>>;
  /** What relative paths in the config (and spec paths) are relative to. */
  projectFolder: string;
  /** Default: new Date(). */
  now?: () => Date;
  /** Default: bubblewrap when available, else NoSandbox (`sandboxWarning` says so). */
  sandbox?: Sandbox;
  /** Default: the real one (src/line/trials). */
  trialExecutor?: TrialExecutor;
  /** Default: agent registry + fault wrapper. */
  createAgent?: (agent: LineUpAgent, attempt: number) => Promise<Agent>;
  /** Called after each event is written (progress, SSE later). */
  onEvent?: (event: LineEvent) => void;
  /** Default `${hostname()}:${process.pid}`. */
  workerId?: string;
  /** shopfloor's bin, which the local deploy target starts the host daemon with. */
  hostCliPath?: string;
  /** Overrides how the local deploy target reaches its release host (tests: an in-process host). */
  connectReleaseHost?: () => Promise<{ host: ReleaseHost; fresh: boolean }>;
}

export interface SubmitRequest {
  /** The spec file; with `specText`, only the name the spec is known by (nothing is read). */
  specPath: string;
  /** The spec itself, when it does not come from a file (the HTTP API). */
  specText?: string;
  profile?: string;
  lineUp?: LineUp;
  parent?: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Default true: return when no job is waiting or leased. */
  untilIdle?: boolean;
  /** Only report on these. */
  items?: readonly string[];
}

export interface LineRunSummary {
  jobsRun: number;
  /** The items touched, as they ended. */
  items: WorkItem[];
}

export interface FactoryLine {
  readonly home: string;
  /** Set when the trials run without a sandbox because bubblewrap does not work here: why. */
  readonly sandboxWarning?: string;
  /** Stores the spec text as an artifact, creates the item, enqueues intake. */
  submit(request: SubmitRequest): Promise<WorkItem>;
  /** Works the queue. */
  run(options?: RunOptions): Promise<LineRunSummary>;
  status(): Promise<LineStatus>;
  workItems(filter?: { states?: readonly WorkItemState[] }): Promise<WorkItem[]>;
  /** Default open. */
  exceptions(filter?: { state?: "open" | "decided" | "all" }): Promise<LineException[]>;
  /** Records who/when/why and enqueues what follows; `run` then carries it out. */
  decide(request: DecisionRequest): Promise<Decision>;
  /** Not-found ShopfloorError for an unknown id (prefix match allowed when unique). */
  history(workItem: string): Promise<WorkItemHistory>;
  /** Newest first; default every state. */
  releases(filter?: { service?: string; states?: readonly ReleaseState[] }): Promise<Release[]>;
  /** Newest first. */
  incidents(filter?: { service?: string }): Promise<Incident[]>;
  /** A person rolls a live item's release back to its standby (invalid-argument if not live). */
  rollback(request: ManualRollbackRequest): Promise<RollbackOutcome>;
  /** One monitor cycle over every live release: probes, SLO tests, rollbacks and fix items. */
  monitorCycle(): Promise<MonitorCycleReport>;
  /** What the monitor knows of each live release (its SLO window and test, last probes); probes nothing. */
  monitorStatus(): Promise<MonitorStatus>;
  /** The event log in order; `afterSequence` follows it from where a reader stopped. */
  events(query?: EventQuery): Promise<LineEvent[]>;
  /** A build's stored trials (latencies, errors). */
  trials(build: string): Promise<TrialResult[]>;
  /** Today's budget: limits per category, spend, reservations. */
  budget(): Promise<BudgetStatus>;
  /** Records a person's change to the budget (it takes precedence over the config file). */
  changeBudget(change: BudgetChange): Promise<BudgetPolicy>;
  /** Spend over a range of budget days, the period's economics and today's forecast. */
  costReport(request: LedgerReportRequest): Promise<LedgerReport>;
  close(): Promise<void>;
}

export async function openFactoryLine(options: FactoryLineOptions): Promise<FactoryLine> {
  const home = resolve(options.home);
  await mkdir(home, { recursive: true, mode: 0o700 });
  const { services, sandboxWarning } = await openLineServices({ ...options, home });
  return new FactoryLineSession(services, {
    workerId: options.workerId,
    sandboxWarning,
    projectFolder: resolve(options.projectFolder),
  });
}

/** `<home>/factory.db`. */
export function factoryDatabasePath(home: string): string {
  return join(home, "factory.db");
}
