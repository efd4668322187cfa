import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { thrownBy } from "../../../test/line/support/line-store-harness.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../../store/open-factory-database.js";
import { eventFromRow, insertEvent, selectEvents } from "./event-log.js";

let folder: string;
let database: Kysely<FactoryDatabase>;
const at = "2026-11-24T09:00:00.000Z";

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-events-"));
  database = await openFactoryDatabase(join(folder, "factory.db"));
});
afterEach(async () => {
  await closeFactoryDatabase(database);
  rmSync(folder, { recursive: true, force: true });
});

describe("insertEvent", () => {
  it("numbers events in the order they are written, across work items", async () => {
    const first = await insertEvent(database, {
      workItem: "a",
      type: "trials.start",
      payload: { build: "a.1.1", round: 1, scenarios: 20 },
      at,
    });
    const second = await insertEvent(database, {
      workItem: "b",
      type: "budget.exceeded",
      payload: { category: "testing", station: "trials", reason: "the daily share is spent" },
      at,
    });
    expect([first.sequence, second.sequence]).toEqual([1, 2]);
    expect(await selectEvents(database)).toEqual([first, second]);
    expect(await selectEvents(database, { workItem: "b" })).toEqual([second]);
    expect(await selectEvents(database, { afterSequence: 1 })).toEqual([second]);
    expect(await selectEvents(database, { limit: 1 })).toEqual([first]);
    expect(await selectEvents(database, { types: ["budget.exceeded"] })).toEqual([second]);
    expect(
      await selectEvents(database, { workItem: "a", types: ["trials.start", "trials.end"] }),
    ).toEqual([first]);
    expect(await selectEvents(database, { types: [] })).toEqual([]);
  });

  it("stores the payload as its definition parsed it (unknown fields refused)", async () => {
    const error = await thrownBy(
      insertEvent(database, {
        workItem: "a",
        type: "trials.start",
        payload: { build: "a.1.1", round: 1, scenarios: 20, extra: true } as never,
        at,
      }),
    );
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toContain("trials.start");
  });

  it("refuses a type the registry does not define", async () => {
    const error = await thrownBy(
      insertEvent(database, {
        workItem: "a",
        type: "work-item.explode" as never,
        payload: {} as never,
        at,
      }),
    );
    expect(error.code).toBe("invalid-argument");
    expect(await selectEvents(database)).toEqual([]);
  });
});

describe("eventFromRow", () => {
  const row = { sequence: 7, at, work_item: "a", type: "intake.end" };

  it("parses a stored payload through its definition", () => {
    const event = eventFromRow({
      ...row,
      payload: JSON.stringify({ score: 92, minimumScore: 60, findings: 0 }),
    });
    expect(event).toEqual({
      sequence: 7,
      at,
      workItem: "a",
      type: "intake.end",
      payload: { score: 92, minimumScore: 60, findings: 0 },
    });
  });

  it("reports a row whose type or payload the registry does not accept", () => {
    expect(() => eventFromRow({ ...row, type: "work-item.explode", payload: "{}" })).toThrow(
      'line event 7 has the type "work-item.explode", which the event registry does not define',
    );
    expect(() => eventFromRow({ ...row, payload: '{"score":"high"}' })).toThrow(
      "line event 7 (intake.end) has a payload its definition does not accept",
    );
    expect(() => eventFromRow({ ...row, payload: "not json" })).toThrow(ShopfloorError);
  });
});
