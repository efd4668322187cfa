import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LineEvent } from "../../contracts/line-event.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../../store/open-factory-database.js";
import { selectEvents } from "./event-log.js";
import { type LineContext, unusedId, writeLine } from "./line-transaction.js";

let folder: string;
let database: Kysely<FactoryDatabase>;
let heard: LineEvent[];
let context: LineContext;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-line-write-"));
  database = await openFactoryDatabase(join(folder, "factory.db"));
  heard = [];
  context = {
    database,
    now: () => new Date("2026-11-24T09:00:00.000Z"),
    randomHex: () => "00",
    onEvent: (event) => heard.push(event),
  };
});
afterEach(async () => {
  await closeFactoryDatabase(database);
  rmSync(folder, { recursive: true, force: true });
});

const payload = { score: 92, minimumScore: 60, findings: 0 };

describe("writeLine", () => {
  it("commits the events with the work's writes, then tells the listener, in order", async () => {
    const result = await writeLine(context, async ({ append, at }) => {
      await append("a", "intake.end", payload);
      await append("b", "intake.end", payload);
      expect(heard).toEqual([]);
      return at;
    });
    expect(result).toBe("2026-11-24T09:00:00.000Z");
    expect(heard.map((event) => [event.sequence, event.workItem])).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(await selectEvents(database)).toEqual(heard);
  });

  it("rolls the events back with the work that failed, and tells no one", async () => {
    const failing = writeLine(context, async ({ append }) => {
      await append("a", "intake.end", payload);
      throw new Error("the state was not the expected one");
    });
    await expect(failing).rejects.toThrow("the state was not the expected one");
    expect(heard).toEqual([]);
    expect(await selectEvents(database)).toEqual([]);
  });
});

describe("unusedId", () => {
  it("draws again while the id is taken, and gives up after ten tries", async () => {
    const drawn = ["a", "b", "c"];
    expect(
      await unusedId(
        () => drawn.shift() ?? "z",
        async (id) => id !== "c",
      ),
    ).toBe("c");
    await expect(
      unusedId(
        () => "a",
        async () => true,
      ),
    ).rejects.toMatchObject({ code: "internal" });
  });
});
