/**
 * A read-only look into a factory home's database, as a person (or the dashboard) would take while the
 * line runs in another process: the work items, their builds, trials and events, the queue's jobs and
 * the ledger's charges and reservations. It never writes, so it cannot change what it observes.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { AgentRun } from "../../../src/contracts/agent-run.js";
import { GateVerdict } from "../../../src/contracts/gate-verdict.js";
import {
  type LineEvent,
  type LineEventType,
  parseLineEventPayload,
} from "../../../src/contracts/line-event.js";

export interface StoredBuild {
  id: string;
  workItem: string;
  attempt: number;
  candidate: number;
  agent: string;
  state: string;
  run?: AgentRun;
  verdict?: GateVerdict;
}

export interface StoredItem {
  id: string;
  state: string;
  attempt: number;
  suite: string | null;
  approvedBuild: string | null;
}

export interface Charge {
  category: string;
  amountMicroUsd: number;
  station: string | null;
  agent: string | null;
  run: string | null;
  reservation: string | null;
  cpuSeconds: number;
}

export interface Reservation {
  id: string;
  category: string;
  run: string | null;
  state: string;
}

export interface StoredJob {
  key: string;
  station: string;
  state: string;
  attempt: number;
  expirations: number;
}

export interface HomeReader {
  items(): StoredItem[];
  builds(workItem: string): StoredBuild[];
  /** Trial rows, of one build or of all. */
  trialCount(build?: string): number;
  trials(build: string): { scenario: string; attempt: number; pass: boolean }[];
  events(workItem: string): LineEvent[];
  eventsOf<Type extends LineEventType>(
    workItem: string,
    type: Type,
  ): Extract<LineEvent, { type: Type }>[];
  charges(workItem: string): Charge[];
  reservations(workItem: string): Reservation[];
  jobs(): StoredJob[];
  close(): void;
}

/** The home's database, read-only; undefined while it does not exist or is not migrated yet. */
export function tryReadHome(home: string): HomeReader | undefined {
  const path = join(home, "factory.db");
  if (!existsSync(path)) return undefined;
  let database: Sqlite.Database;
  try {
    database = new Sqlite(path, { readonly: true, fileMustExist: true });
  } catch {
    return undefined;
  }
  const migrated = database
    .prepare("select count(*) as tables from sqlite_master where type = 'table' and name in (?, ?)")
    .get("trial", "job") as { tables: number };
  if (migrated.tables < 2) {
    database.close();
    return undefined;
  }
  return homeReader(database);
}

export function readHome(home: string): HomeReader {
  const reader = tryReadHome(home);
  if (reader === undefined) throw new Error(`no migrated factory database in ${home}`);
  return reader;
}

function homeReader(database: Sqlite.Database): HomeReader {
  const all = <Row>(sql: string, ...parameters: unknown[]) =>
    database.prepare(sql).all(...parameters) as Row[];
  const events = (workItem: string): LineEvent[] =>
    all<{ sequence: number; at: string; work_item: string; type: LineEventType; payload: string }>(
      "select * from line_event where work_item = ? order by sequence",
      workItem,
    ).map(
      (row) =>
        ({
          sequence: row.sequence,
          at: row.at,
          workItem: row.work_item,
          type: row.type,
          payload: parseLineEventPayload(row.type, JSON.parse(row.payload)),
        }) as LineEvent,
    );
  return {
    items: () =>
      all<{
        id: string;
        state: string;
        attempt: number;
        suite: string | null;
        approved_build: string | null;
      }>("select * from work_item order by created_at, id").map((row) => ({
        id: row.id,
        state: row.state,
        attempt: row.attempt,
        suite: row.suite,
        approvedBuild: row.approved_build,
      })),
    builds: (workItem) =>
      all<{
        id: string;
        work_item: string;
        attempt: number;
        candidate: number;
        agent: string;
        state: string;
        run: string | null;
        verdict: string | null;
      }>("select * from build where work_item = ? order by attempt, candidate", workItem).map(
        (row) => ({
          id: row.id,
          workItem: row.work_item,
          attempt: row.attempt,
          candidate: row.candidate,
          agent: row.agent,
          state: row.state,
          ...(row.run === null ? {} : { run: AgentRun.parse(JSON.parse(row.run)) }),
          ...(row.verdict === null ? {} : { verdict: GateVerdict.parse(JSON.parse(row.verdict)) }),
        }),
      ),
    trialCount: (build) => {
      const row = (
        build === undefined
          ? database.prepare("select count(*) as trials from trial").get()
          : database.prepare("select count(*) as trials from trial where build = ?").get(build)
      ) as { trials: number };
      return row.trials;
    },
    trials: (build) =>
      all<{ scenario: string; attempt: number; pass: number }>(
        "select scenario, attempt, pass from trial where build = ? order by scenario, attempt",
        build,
      ).map((row) => ({ scenario: row.scenario, attempt: row.attempt, pass: row.pass === 1 })),
    events,
    eventsOf: (workItem, type) =>
      events(workItem).filter((event) => event.type === type) as Extract<
        LineEvent,
        { type: typeof type }
      >[],
    charges: (workItem) =>
      all<{
        category: string;
        amount_micro_usd: number;
        station: string | null;
        agent: string | null;
        run: string | null;
        reservation_id: string | null;
        cpu_seconds: number;
      }>("select * from cost_event where work_item = ? order by at, id", workItem).map((row) => ({
        category: row.category,
        amountMicroUsd: row.amount_micro_usd,
        station: row.station,
        agent: row.agent,
        run: row.run,
        reservation: row.reservation_id,
        cpuSeconds: row.cpu_seconds,
      })),
    reservations: (workItem) =>
      all<Reservation>(
        "select id, category, run, state from reservation where work_item = ? order by created_at",
        workItem,
      ),
    jobs: () =>
      all<{
        job_key: string;
        station: string;
        state: string;
        attempt: number;
        expirations: number;
      }>("select * from job order by sequence").map((row) => ({
        key: row.job_key,
        station: row.station,
        state: row.state,
        attempt: row.attempt,
        expirations: row.expirations,
      })),
    close: () => database.close(),
  };
}
