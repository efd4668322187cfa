/**
 * The line's store: work items and their transitions, the event log, builds, trials, exceptions and
 * decisions, over the factory database; what was deployed is under `releases`, how it is watched
 * under `monitoring`, and the incidents opened against releases under `incidents`. Every state
 * change is one transaction that writes its event first; listeners (`onEvent`) hear of events once
 * their transaction has committed. Time and randomness are injected.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { LineEvent, LineEventPayload, LineEventType } from "../../contracts/line-event.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import type {
  Build,
  Decision,
  LineException,
  WorkItem,
  WorkItemState,
} from "../../contracts/work-item.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import {
  type BuildChange,
  createBuild,
  findBuild,
  listBuilds,
  type NewBuild,
  updateBuild,
} from "./build-records.js";
import { type EventQuery, insertEvent, selectEvents } from "./event-log.js";
import {
  type ExceptionFilter,
  findException,
  listDecisions,
  listExceptions,
  type NewDecision,
  type NewException,
  openException,
  recordDecision,
  requireException,
} from "./exception-records.js";
import { IncidentRecords } from "./incident-records.js";
import type { LineContext } from "./line-transaction.js";
import { MonitorRecords } from "./monitor-records.js";
import { ReleaseRecords } from "./release-records.js";
import { countTrials, insertTrials, selectTrials } from "./trial-records.js";
import {
  countStates,
  createWorkItem,
  findWorkItem,
  listWorkItems,
  type NewWorkItem,
  requireWorkItem,
  setWorkItemField,
  type TransitionChange,
  type TransitionOutcome,
  transitionWorkItem,
} from "./work-item-records.js";

export interface LineStoreOptions {
  database: Kysely<FactoryDatabase>;
  now(): Date;
  /** Random hex of this many bytes, for ids; default crypto's randomBytes. */
  randomHex?(bytes: number): string;
  /**
   * Called with each event after the transaction that wrote it commits. A listener that throws does not
   * undo the write; its error reaches the caller of the write (the stations are idempotent, so a retry
   * is harmless), so keep listeners to printing and forwarding.
   */
  onEvent?(event: LineEvent): void;
}

export class LineStore {
  readonly #context: LineContext;
  /** The releases of each service, their states and the requests they were started from. */
  readonly releases: ReleaseRecords;
  /** Service ports, and the monitor's cycles, probes and SLO windows. */
  readonly monitoring: MonitorRecords;
  /** The incidents opened against releases, and their fix items. */
  readonly incidents: IncidentRecords;

  constructor(options: LineStoreOptions) {
    this.#context = {
      database: options.database,
      now: () => options.now(),
      randomHex: (bytes) =>
        options.randomHex === undefined
          ? randomBytes(bytes).toString("hex")
          : options.randomHex(bytes),
      onEvent: options.onEvent,
    };
    this.releases = new ReleaseRecords(this.#context);
    this.monitoring = new MonitorRecords(this.#context);
    this.incidents = new IncidentRecords(this.#context);
  }

  get #database(): Kysely<FactoryDatabase> {
    return this.#context.database;
  }

  /** A new work item in state intake, attempt 1, with its `work-item.create` event. */
  createWorkItem(input: NewWorkItem): Promise<WorkItem> {
    return createWorkItem(this.#context, input);
  }

  /**
   * Moves a work item from `from` to `to` (compare-and-set), writing the `work-item.transition` event
   * first. An item already in `to` with the same attempt is returned unchanged (a resumed station);
   * one in any other state is an invalid-argument error naming both states.
   */
  transition(workItem: string, change: TransitionChange): Promise<TransitionOutcome> {
    return transitionWorkItem(this.#context, workItem, change);
  }

  /** Changes the suite that judges an item without changing its state. */
  setSuite(workItem: string, suite: string): Promise<WorkItem> {
    return setWorkItemField(this.#context, workItem, "suite", suite);
  }

  /** A person changed the quality profile the item is judged under (a `change-profile` decision). */
  setProfile(workItem: string, profile: string): Promise<WorkItem> {
    return setWorkItemField(this.#context, workItem, "profile", profile);
  }

  workItem(id: string): Promise<WorkItem | undefined> {
    return findWorkItem(this.#database, id);
  }

  requireWorkItem(idOrUniquePrefix: string): Promise<WorkItem> {
    return requireWorkItem(this.#database, idOrUniquePrefix);
  }

  /** Newest first. */
  workItems(filter: { states?: readonly WorkItemState[] } = {}): Promise<WorkItem[]> {
    return listWorkItems(this.#database, filter);
  }

  stateCounts(): Promise<Record<WorkItemState, number>> {
    return countStates(this.#database);
  }

  /**
   * Appends an event whose payload the registry accepts (else an invalid-argument error). One insert
   * is its own transaction: no explicit one around it, as the line appends several per job.
   */
  async appendEvent<Type extends LineEventType>(
    workItem: string,
    type: Type,
    payload: LineEventPayload<Type>,
  ): Promise<LineEvent> {
    const event = await insertEvent(this.#database, { workItem, type, payload, at: this.#at() });
    this.#context.onEvent?.(event);
    return event;
  }

  /** In the order they were written. */
  events(query: EventQuery = {}): Promise<LineEvent[]> {
    return selectEvents(this.#database, query);
  }

  /** Inserts the build in state building, or returns the one stored under its id. */
  createBuild(build: NewBuild): Promise<Build> {
    return createBuild(this.#database, build, this.#at());
  }

  updateBuild(id: string, change: BuildChange): Promise<Build> {
    return updateBuild(this.#database, id, change, this.#at());
  }

  build(id: string): Promise<Build | undefined> {
    return findBuild(this.#database, id);
  }

  /** By attempt, then candidate. */
  builds(workItem: string, attempt?: number): Promise<Build[]> {
    return listBuilds(this.#database, workItem, attempt);
  }

  /** Stores the trials not stored yet (key: build, scenario, attempt); returns how many were new. */
  recordTrials(build: string, results: readonly TrialResult[]): Promise<number> {
    return insertTrials(this.#database, build, results, this.#at());
  }

  /** By scenario, then attempt. */
  trials(build: string): Promise<TrialResult[]> {
    return selectTrials(this.#database, build);
  }

  trialCount(build: string): Promise<number> {
    return countTrials(this.#database, build);
  }

  /** Opens an exception with its `exception.open` event, or returns the same one still open. */
  openException(input: NewException): Promise<LineException> {
    return openException(this.#context, input);
  }

  /** Oldest first. */
  exceptions(filter: ExceptionFilter = {}): Promise<LineException[]> {
    return listExceptions(this.#database, filter);
  }

  exception(id: string): Promise<LineException | undefined> {
    return findException(this.#database, id);
  }

  requireException(idOrPrefix: string): Promise<LineException> {
    return requireException(this.#database, idOrPrefix);
  }

  /** Decides an open exception, with its `decision.record` event; a decided one cannot be decided again. */
  recordDecision(input: NewDecision): Promise<Decision> {
    return recordDecision(this.#context, input);
  }

  /** In the order they were taken. */
  decisions(workItem: string): Promise<Decision[]> {
    return listDecisions(this.#database, workItem);
  }

  #at(): string {
    return this.#context.now().toISOString();
  }
}
