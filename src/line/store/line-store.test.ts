import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ShopfloorError } from "../../contracts/errors.js";
import type { LineEvent } from "../../contracts/line-event.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../../store/open-factory-database.js";
import { LineStore } from "./line-store.js";

let folder: string;
let path: string;
let database: Kysely<FactoryDatabase>;
let store: LineStore;
let heard: LineEvent[];
let clock: number;
let counter: number;
const now = () => new Date(clock);

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-line-store-"));
  path = join(folder, "factory.db");
  database = await openFactoryDatabase(path);
  heard = [];
  clock = Date.parse("2026-11-24T09:00:00.000Z");
  counter = 0;
  store = new LineStore({
    database,
    now,
    randomHex: (bytes) => {
      counter += 1;
      return counter.toString(16).padStart(bytes * 2, "0");
    },
    onEvent: (event) => heard.push(event),
  });
});
afterEach(async () => {
  await closeFactoryDatabase(database);
  rmSync(folder, { recursive: true, force: true });
});

const single = { pattern: "single", agent: { agent: "scaffold" } } as const;

function newItem(name = "todo-api") {
  return store.createWorkItem({
    name,
    specPath: `/specs/${name}.md`,
    specHash: "a".repeat(64),
    profile: "standard",
    lineUp: single,
  });
}

async function thrownBy(promise: Promise<unknown>): Promise<ShopfloorError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof ShopfloorError) return error;
  throw new Error(`expected a ShopfloorError, got ${String(error)}`);
}

describe("LineStore events", () => {
  it("appends events whose payload the registry accepts, and reads them back in order", async () => {
    const first = await newItem("first");
    const second = await newItem("second");
    await store.appendEvent(first.id, "intake.end", { score: 92, minimumScore: 60, findings: 1 });
    await store.appendEvent(second.id, "trials.start", { build: "b", round: 1, scenarios: 20 });
    const all = await store.events();
    expect(all.map((event) => [event.sequence, event.type])).toEqual([
      [1, "work-item.create"],
      [2, "work-item.create"],
      [3, "intake.end"],
      [4, "trials.start"],
    ]);
    expect((await store.events({ workItem: first.id })).map((event) => event.sequence)).toEqual([
      1, 3,
    ]);
    expect((await store.events({ afterSequence: 2, limit: 1 })).map((event) => event.type)).toEqual(
      ["intake.end"],
    );
  });

  it("refuses a payload its definition does not accept, and writes nothing", async () => {
    const item = await newItem();
    const error = await thrownBy(store.appendEvent(item.id, "intake.end", { score: 92 } as never));
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toContain("minimumScore");
    expect(await store.events()).toHaveLength(1);
    expect(heard).toHaveLength(1);
  });

  it("tells the listener of each event once its transaction has committed", async () => {
    const reader = new Sqlite(path, { readonly: true });
    const committed: number[] = [];
    const listening = new LineStore({
      database,
      now,
      onEvent: (event) => {
        heard.push(event);
        committed.push(reader.prepare("select count(*) from line_event").pluck().get() as number);
      },
    });
    try {
      const item = await listening.createWorkItem({
        name: "todo-api",
        specPath: "/specs/todo-api.md",
        specHash: "a",
        profile: "standard",
        lineUp: single,
      });
      await listening.transition(item.id, { from: "intake", to: "build", reason: "ok" });
      await listening.transition(item.id, { from: "intake", to: "build", reason: "ok" });
      await thrownBy(listening.transition(item.id, { from: "gate", to: "approved", reason: "no" }));
    } finally {
      reader.close();
    }
    expect(heard.map((event) => event.type)).toEqual(["work-item.create", "work-item.transition"]);
    expect(committed).toEqual([1, 2]);
  });
});

describe("LineStore ids", () => {
  it("draws random suffixes from crypto unless randomness is injected", async () => {
    const random = new LineStore({ database, now });
    const ids = new Set<string>();
    for (let index = 0; index < 5; index += 1) {
      const item = await random.createWorkItem({
        name: "todo-api",
        specPath: "/specs/todo-api.md",
        specHash: "a",
        profile: "standard",
        lineUp: single,
      });
      expect(item.id).toMatch(/^todo-api-[0-9a-f]{6}$/);
      ids.add(item.id);
    }
    expect(ids.size).toBe(5);
  });
});
