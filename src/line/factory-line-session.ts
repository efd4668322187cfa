/**
 * The facade's implementation on an opened factory home (see factory-line.ts for the contract): a
 * submitted spec is read, checked and stored before its work item exists; `run` works the queue with
 * the stations' handlers and reports dead jobs as exceptions; the reads go to the store and the ledger;
 * rollbacks and monitor cycles go to src/line/monitor.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ShopfloorError } from "../contracts/errors.js";
import type { LineEvent } from "../contracts/line-event.js";
import type { Incident, Release, ReleaseState } from "../contracts/release.js";
import type { TrialResult } from "../contracts/trial-result.js";
import type { Decision, LineException, WorkItem, WorkItemState } from "../contracts/work-item.js";
import { resolveProfile } from "../gate/resolve-profile.js";
import type { BudgetPolicy } from "../ledger/budget-policy.js";
import type { BudgetChange } from "../ledger/budget-settings.js";
import type { BudgetStatus } from "../ledger/budget-status.js";
import type { LedgerReport, LedgerReportRequest } from "../ledger/ledger-report.js";
import { closeFactoryDatabase } from "../store/open-factory-database.js";
import { defaultLineUp } from "./agent-factory.js";
import { specCacheKey } from "./cache/line-caches.js";
import { reportDeadJob, reportDeadJobs } from "./dead-jobs.js";
import { applyDecision, type DecisionRequest } from "./decide.js";
import type { FactoryLine, LineRunSummary, RunOptions, SubmitRequest } from "./factory-line.js";
import { enqueueJob, workItemOfPayload } from "./jobs.js";
import { localWorkerId, runLine } from "./line-runner.js";
import { type LineStatus, lineStatus } from "./line-status.js";
import {
  type ManualRollbackRequest,
  type RollbackOutcome,
  rollBackItem,
} from "./monitor/manual-rollback.js";
import { type MonitorCycleReport, runMonitorCycle } from "./monitor/monitor-cycle.js";
import { type MonitorStatus, monitorStatus } from "./monitor/monitor-status.js";
import { buildStation } from "./stations/build.js";
import { deployStation } from "./stations/deploy.js";
import { gateStation } from "./stations/gate.js";
import { intakeStation } from "./stations/intake.js";
import { parseStoredSpec } from "./stations/item-flow.js";
import { scenariosStation } from "./stations/scenarios.js";
import type { LineServices, StationHandlers } from "./stations/station-context.js";
import { trialsStation } from "./stations/trials.js";
import type { EventQuery } from "./store/event-log.js";
import { type WorkItemHistory, workItemHistory } from "./work-item-history.js";

export const stationHandlers: StationHandlers = {
  intake: intakeStation,
  build: buildStation,
  scenarios: scenariosStation,
  trials: trialsStation,
  gate: gateStation,
  deploy: deployStation,
};

export interface SessionOptions {
  projectFolder: string;
  workerId?: string | undefined;
  sandboxWarning?: string | undefined;
}

export class FactoryLineSession implements FactoryLine {
  readonly home: string;
  readonly sandboxWarning?: string;
  readonly #services: LineServices;
  readonly #projectFolder: string;
  readonly #workerId: string;
  #closed = false;

  constructor(services: LineServices, options: SessionOptions) {
    this.home = services.home;
    this.#services = services;
    this.#projectFolder = options.projectFolder;
    this.#workerId = options.workerId ?? localWorkerId();
    if (options.sandboxWarning !== undefined) this.sandboxWarning = options.sandboxWarning;
  }

  async submit(request: SubmitRequest): Promise<WorkItem> {
    const { config, store, artifacts, queue, environment } = this.#services;
    const specPath = resolve(this.#projectFolder, request.specPath);
    const text = request.specText ?? (await readSpecText(specPath));
    const spec = await parseStoredSpec(text, specPath);
    const profile = request.profile ?? spec.frontMatter.profile ?? config.defaultProfile;
    resolveProfile(profile, config);
    const lineUp =
      request.lineUp ?? (await defaultLineUp(config, environment, this.#projectFolder));
    const parent =
      request.parent === undefined ? undefined : (await store.requireWorkItem(request.parent)).id;
    const artifact = await artifacts.put("spec", text);
    const item = await store.createWorkItem({
      name: spec.frontMatter.name,
      specPath,
      specHash: artifact.hash,
      profile,
      lineUp,
      ...(parent === undefined ? {} : { parent }),
    });
    // The stations read the spec this parse gave, not a second parse of the same text and path.
    this.#services.caches.specs.set(specCacheKey(item), { spec, text });
    await enqueueJob(queue, { station: "intake", payload: { workItem: item.id } });
    return item;
  }

  async run(options: RunOptions = {}): Promise<LineRunSummary> {
    const services = this.#services;
    await reportDeadJobs(services);
    const report = await runLine({
      queue: services.queue,
      handle: (job, signal) => stationHandlers[job.station](job.payload, { ...services, signal }),
      concurrency: services.config.line.concurrency,
      workerId: this.#workerId,
      untilIdle: options.untilIdle ?? true,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onDeadJob: async (job, error) => {
        await reportDeadJob(services, job, error);
      },
    });
    if (!options.signal?.aborted) await reportDeadJobs(services);
    const touched = [
      ...new Set(report.jobs.flatMap((job) => workItemOfPayload(job.payload) ?? [])),
    ];
    const ids = options.items ?? touched;
    const items: WorkItem[] = [];
    for (const id of ids) {
      const item = await services.store.workItem(id);
      if (item !== undefined) items.push(item);
    }
    return { jobsRun: report.jobsRun, items };
  }

  status(): Promise<LineStatus> {
    return lineStatus(this.#services, this.#services.now());
  }

  workItems(filter: { states?: readonly WorkItemState[] } = {}): Promise<WorkItem[]> {
    return this.#services.store.workItems(filter);
  }

  exceptions(filter: { state?: "open" | "decided" | "all" } = {}): Promise<LineException[]> {
    const state = filter.state ?? "open";
    return this.#services.store.exceptions(state === "all" ? {} : { state });
  }

  decide(request: DecisionRequest): Promise<Decision> {
    return applyDecision(
      {
        ...this.#services,
        projectFolder: this.#projectFolder,
        submit: (submitted) => this.submit(submitted),
      },
      request,
    );
  }

  history(workItem: string): Promise<WorkItemHistory> {
    return workItemHistory(this.#services, workItem);
  }

  releases(
    filter: { service?: string; states?: readonly ReleaseState[] } = {},
  ): Promise<Release[]> {
    return this.#services.store.releases.releases(filter);
  }

  incidents(filter: { service?: string } = {}): Promise<Incident[]> {
    return this.#services.store.incidents.incidents(filter);
  }

  rollback(request: ManualRollbackRequest): Promise<RollbackOutcome> {
    return rollBackItem(this.#services, request);
  }

  monitorCycle(): Promise<MonitorCycleReport> {
    return runMonitorCycle(this.#services);
  }

  monitorStatus(): Promise<MonitorStatus> {
    return monitorStatus(this.#services);
  }

  events(query: EventQuery = {}): Promise<LineEvent[]> {
    return this.#services.store.events(query);
  }

  trials(build: string): Promise<TrialResult[]> {
    return this.#services.store.trials(build);
  }

  budget(): Promise<BudgetStatus> {
    return this.#services.ledger.status();
  }

  changeBudget(change: BudgetChange): Promise<BudgetPolicy> {
    return this.#services.ledger.changeBudget(change);
  }

  costReport(request: LedgerReportRequest): Promise<LedgerReport> {
    return this.#services.ledger.report(request);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#services.deployment.close();
    await closeFactoryDatabase(this.#services.database);
  }
}

async function readSpecText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new ShopfloorError("io-error", `cannot read the spec ${path}: ${String(error)}`, {
      path,
      cause: error,
    });
  }
}
