import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TrialResult } from "../../contracts/trial-result.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../../store/open-factory-database.js";
import { LineStore } from "./line-store.js";
import { countTrials, insertTrials, selectTrials } from "./trial-records.js";

let folder: string;
let path: string;
let database: Kysely<FactoryDatabase>;
let store: LineStore;
const now = () => new Date("2026-11-24T09:00:00.000Z");

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-trials-"));
  path = join(folder, "factory.db");
  database = await openFactoryDatabase(path);
  store = new LineStore({ database, now });
});
afterEach(async () => {
  await closeFactoryDatabase(database);
  rmSync(folder, { recursive: true, force: true });
});

function trial(scenario: string, pass: boolean, attempt?: number): TrialResult {
  const result: TrialResult = { scenario, category: "edge", pass, durationMs: 12.5 };
  if (attempt !== undefined) result.attempt = attempt;
  if (!pass) result.error = `expected 400, got 200 (${scenario})`;
  return result;
}

describe("recordTrials", () => {
  it("stores each trial once and returns how many were new", async () => {
    const first = [trial("s1", true), trial("s2", false), trial("s3", true, 2)];
    expect(await store.recordTrials("item.1.1", first)).toBe(3);
    // A resumed job records two of them again, and one new one.
    const again = [trial("s2", false), trial("s3", true, 2), trial("s4", true)];
    expect(await store.recordTrials("item.1.1", again)).toBe(1);
    expect(await store.trialCount("item.1.1")).toBe(4);
    expect(await store.recordTrials("item.1.1", [])).toBe(0);
  });

  it("counts a result without an attempt as the scenario's first trial", async () => {
    expect(await store.recordTrials("item.1.1", [trial("s1", true)])).toBe(1);
    expect(await store.recordTrials("item.1.1", [trial("s1", false, 1)])).toBe(0);
    expect(await store.recordTrials("item.1.1", [trial("s1", false, 2)])).toBe(1);
    expect(await store.trials("item.1.1")).toEqual([
      { scenario: "s1", category: "edge", pass: true, durationMs: 12.5, attempt: 1 },
      {
        scenario: "s1",
        category: "edge",
        pass: false,
        durationMs: 12.5,
        attempt: 2,
        error: "expected 400, got 200 (s1)",
      },
    ]);
  });

  it("counts a key repeated within one batch once", async () => {
    expect(await store.recordTrials("item.1.1", [trial("s1", true), trial("s1", false)])).toBe(1);
    expect((await store.trials("item.1.1"))[0]?.pass).toBe(true);
  });

  it("keeps each build's trials apart", async () => {
    await store.recordTrials("item.1.1", [trial("s1", true)]);
    expect(await store.recordTrials("item.1.2", [trial("s1", false)])).toBe(1);
    expect(await store.trialCount("item.1.1")).toBe(1);
    expect(await store.trialCount("item.1.2")).toBe(1);
    expect(await store.trials("item.9.9")).toEqual([]);
    expect(await store.trialCount("item.9.9")).toBe(0);
  });

  it("counts each trial once across two stores on the same file (a restarted process)", async () => {
    const suite = Array.from({ length: 20 }, (_, index) => trial(`s${index}`, index % 3 !== 0));
    expect(await store.recordTrials("item.1.1", suite.slice(0, 12))).toBe(12);
    const otherDatabase = await openFactoryDatabase(path);
    try {
      const restarted = new LineStore({ database: otherDatabase, now });
      expect(await restarted.recordTrials("item.1.1", suite)).toBe(8);
      expect(await restarted.trialCount("item.1.1")).toBe(20);
    } finally {
      await closeFactoryDatabase(otherDatabase);
    }
    const stored = await store.trials("item.1.1");
    expect(stored).toHaveLength(20);
    expect(stored.filter((result) => !result.pass)).toHaveLength(7);
  });

  it("writes a batch larger than one statement holds, all of it", async () => {
    const many = Array.from({ length: 1203 }, (_, index) => trial(`s${index}`, true));
    expect(await insertTrials(database, "item.1.1", many, now().toISOString())).toBe(1203);
    expect(await insertTrials(database, "item.1.1", many, now().toISOString())).toBe(0);
    expect(await countTrials(database, "item.1.1")).toBe(1203);
    expect((await selectTrials(database, "item.1.1"))[0]?.scenario).toBe("s0");
  });
});
