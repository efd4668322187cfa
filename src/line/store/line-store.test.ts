import Sqlite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { thrownBy, useLineStore } from "../../../test/line/support/line-store-harness.js";
import { LineStore } from "./line-store.js";

const line = useLineStore();

describe("LineStore events", () => {
  it("appends events whose payload the registry accepts, and reads them back in order", async () => {
    const first = await line.newItem("first");
    const second = await line.newItem("second");
    await line.store.appendEvent(first.id, "intake.end", {
      score: 92,
      minimumScore: 60,
      findings: 1,
    });
    await line.store.appendEvent(second.id, "trials.start", {
      build: "b",
      round: 1,
      scenarios: 20,
    });
    const all = await line.store.events();
    expect(all.map((event) => [event.sequence, event.type])).toEqual([
      [1, "work-item.create"],
      [2, "work-item.create"],
      [3, "intake.end"],
      [4, "trials.start"],
    ]);
    expect(
      (await line.store.events({ workItem: first.id })).map((event) => event.sequence),
    ).toEqual([1, 3]);
    expect(
      (await line.store.events({ afterSequence: 2, limit: 1 })).map((event) => event.type),
    ).toEqual(["intake.end"]);
    expect((await line.store.events({ newest: 2 })).map((event) => event.sequence)).toEqual([3, 4]);
    expect(
      (await line.store.events({ workItem: first.id, newest: 1 })).map((event) => event.sequence),
    ).toEqual([3]);
  });

  it("refuses a payload its definition does not accept, and writes nothing", async () => {
    const item = await line.newItem();
    const error = await thrownBy(
      line.store.appendEvent(item.id, "intake.end", { score: 92 } as never),
    );
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toContain("minimumScore");
    expect(await line.store.events()).toHaveLength(1);
    expect(line.heard).toHaveLength(1);
  });

  it("tells the listener of each event once its transaction has committed", async () => {
    const reader = new Sqlite(line.path, { readonly: true });
    const committed: number[] = [];
    const listening = new LineStore({
      database: line.database,
      now: line.now,
      onEvent: (event) => {
        line.heard.push(event);
        committed.push(reader.prepare("select count(*) from line_event").pluck().get() as number);
      },
    });
    try {
      const item = await listening.createWorkItem({
        name: "todo-api",
        specPath: "/specs/todo-api.md",
        specHash: "a",
        profile: "standard",
        lineUp: { pattern: "single", agent: { agent: "scaffold" } },
      });
      await listening.transition(item.id, { from: "intake", to: "build", reason: "ok" });
      await listening.transition(item.id, { from: "intake", to: "build", reason: "ok" });
      await thrownBy(listening.transition(item.id, { from: "gate", to: "approved", reason: "no" }));
    } finally {
      reader.close();
    }
    expect(line.heard.map((event) => event.type)).toEqual([
      "work-item.create",
      "work-item.transition",
    ]);
    expect(committed).toEqual([1, 2]);
  });
});

describe("LineStore ids", () => {
  it("draws random suffixes from crypto unless randomness is injected", async () => {
    const random = new LineStore({ database: line.database, now: line.now });
    const ids = new Set<string>();
    for (let index = 0; index < 5; index += 1) {
      const item = await random.createWorkItem({
        name: "todo-api",
        specPath: "/specs/todo-api.md",
        specHash: "a",
        profile: "standard",
        lineUp: { pattern: "single", agent: { agent: "scaffold" } },
      });
      expect(item.id).toMatch(/^todo-api-[0-9a-f]{6}$/);
      ids.add(item.id);
    }
    expect(ids.size).toBe(5);
  });
});
