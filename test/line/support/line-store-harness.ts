/**
 * A LineStore on a fresh database file for each test, for the store's own tests: its clock starts at
 * 2026-11-24T09:00:00Z and moves only when a test moves it, its ids count 000001, 000002…, and every
 * event it announces is kept in `heard`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach } from "vitest";
import { ShopfloorError } from "../../../src/contracts/errors.js";
import type { LineEvent } from "../../../src/contracts/line-event.js";
import type { WorkItem } from "../../../src/contracts/work-item.js";
import { LineStore } from "../../../src/line/store/line-store.js";
import type { FactoryDatabase } from "../../../src/store/factory-database.js";
import {
  closeFactoryDatabase,
  openFactoryDatabase,
} from "../../../src/store/open-factory-database.js";

export interface LineStoreHarness {
  readonly path: string;
  readonly database: Kysely<FactoryDatabase>;
  readonly store: LineStore;
  readonly heard: LineEvent[];
  /** What the store's clock reads. */
  now(): Date;
  advance(milliseconds: number): void;
  /** Makes the next random ids repeat from 000001, as if the draw came up again. */
  restartIds(): void;
  /** A work item of a made-up spec, profile standard, built by the scaffold alone. */
  newItem(name?: string): Promise<WorkItem>;
}

interface State {
  folder: string;
  path: string;
  database: Kysely<FactoryDatabase>;
  store: LineStore;
  heard: LineEvent[];
  clock: number;
  idCounter: number;
}

/** Registers the setup and cleanup of each test; read the harness inside tests only. */
export function useLineStore(): LineStoreHarness {
  let state: State | undefined;
  const current = (): State => {
    if (state === undefined) throw new Error("the line store harness is read outside a test");
    return state;
  };
  beforeEach(async () => {
    const folder = mkdtempSync(join(tmpdir(), "shopfloor-line-store-"));
    const path = join(folder, "factory.db");
    const database = await openFactoryDatabase(path);
    const heard: LineEvent[] = [];
    const created: State = {
      folder,
      path,
      database,
      heard,
      clock: Date.parse("2026-11-24T09:00:00.000Z"),
      idCounter: 0,
      store: new LineStore({
        database,
        now: () => new Date(current().clock),
        randomHex: (bytes) => {
          current().idCounter += 1;
          return current()
            .idCounter.toString(16)
            .padStart(bytes * 2, "0");
        },
        onEvent: (event) => heard.push(event),
      }),
    };
    state = created;
  });
  afterEach(async () => {
    const { database, folder } = current();
    state = undefined;
    await closeFactoryDatabase(database);
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    get path() {
      return current().path;
    },
    get database() {
      return current().database;
    },
    get store() {
      return current().store;
    },
    get heard() {
      return current().heard;
    },
    now: () => new Date(current().clock),
    advance: (milliseconds) => {
      current().clock += milliseconds;
    },
    restartIds: () => {
      current().idCounter = 0;
    },
    newItem: (name = "todo-api") =>
      current().store.createWorkItem({
        name,
        specPath: `/specs/${name}.md`,
        specHash: "a".repeat(64),
        profile: "standard",
        lineUp: { pattern: "single", agent: { agent: "scaffold" } },
      }),
  };
}

/** The ShopfloorError a promise rejects with; anything else fails the test. */
export async function thrownBy(promise: Promise<unknown>): Promise<ShopfloorError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof ShopfloorError) return error;
  throw new Error(`expected a ShopfloorError, got ${String(error)}`);
}
