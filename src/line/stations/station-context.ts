/**
 * What a station's handler is given: the stores, the queue, the ledger, the suites, the repositories,
 * the trial executor, how agents are created, the config, the clock, the in-memory caches; and, per
 * job, its abort signal.
 * A handler is `(payload, context) => Promise<void>` and idempotent: it checks what the store already
 * has before doing any work, so a job run twice (after a crash) does its work once.
 */
import type { Kysely } from "kysely";
import type { Config } from "../../contracts/config.js";
import type { StationName } from "../../contracts/work-item.js";
import type { Ledger } from "../../ledger/ledger.js";
import type { JobQueue } from "../../queue/job-queue.js";
import type { SuiteStore } from "../../scenarios/store/suite-store.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import type { CreateAgent } from "../agent-factory.js";
import type { LineCaches } from "../cache/line-caches.js";
import type { LineDeployment } from "../deploy/line-deployment.js";
import type { ArtifactStore } from "../store/artifact-store.js";
import type { LineStore } from "../store/line-store.js";
import type { TrialExecutor } from "../trials/trial-executor.js";
import type { WorkItemRepositories } from "../work-item-repository.js";

export interface LineServices {
  home: string;
  config: Config;
  database: Kysely<FactoryDatabase>;
  store: LineStore;
  artifacts: ArtifactStore;
  queue: JobQueue;
  ledger: Ledger;
  suites: SuiteStore;
  repositories: WorkItemRepositories;
  trialExecutor: TrialExecutor;
  createAgent: CreateAgent;
  /** The agents' and models' environment: PATH, HOME, API keys. */
  environment: Readonly<Record<string, string | undefined>>;
  /** The time the line records (events, rows, the budget day). */
  now(): Date;
  /** Milliseconds on a monotonic clock, for durations and timeouts. */
  clock(): number;
  /** Parsed specs and loaded suites, shared by the jobs of this open line. */
  caches: LineCaches;
  /** The deploy target and the sandbox probes run with. */
  deployment: LineDeployment;
}

export interface JobContext extends LineServices {
  /** Aborted when the line stops (Ctrl-C) or the job's lease was lost. */
  signal: AbortSignal;
}

export type StationHandler = (payload: unknown, context: JobContext) => Promise<void>;

export type StationHandlers = Record<StationName, StationHandler>;
