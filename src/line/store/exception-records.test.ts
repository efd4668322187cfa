import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { thrownBy } from "../../../test/line/support/line-store-harness.js";
import type { LineEvent } from "../../contracts/line-event.js";
import type { WorkItem } from "../../contracts/work-item.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../../store/open-factory-database.js";
import { LineStore } from "./line-store.js";

let folder: string;
let database: Kysely<FactoryDatabase>;
let store: LineStore;
let heard: LineEvent[];
let clock: number;
let item: WorkItem;
let hexes: string[];

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-exceptions-"));
  database = await openFactoryDatabase(join(folder, "factory.db"));
  heard = [];
  clock = Date.parse("2026-11-24T09:00:00.000Z");
  hexes = ["3f9c2a", "3f9c2a1b", "3f1b0000", "d0000001", "d0000002", "77777777"];
  store = new LineStore({
    database,
    now: () => new Date(clock),
    randomHex: () => hexes.shift() ?? "ffffffff",
    onEvent: (event) => heard.push(event),
  });
  item = await store.createWorkItem({
    name: "todo-api",
    specPath: "/specs/todo-api.md",
    specHash: "a".repeat(64),
    profile: "standard",
    lineUp: { pattern: "single", agent: { agent: "scaffold" } },
  });
  heard = [];
});
afterEach(async () => {
  await closeFactoryDatabase(database);
  rmSync(folder, { recursive: true, force: true });
});

function retriesSpent(build?: string) {
  return store.openException({
    workItem: item.id,
    ...(build === undefined ? {} : { build }),
    reason: "retries-spent",
    summary: "3 attempts, none approved",
    evidence: { verdicts: [{ build: "todo-api-3f9c2a.3.1", decision: "regenerate" }] },
  });
}

describe("LineStore exceptions", () => {
  it("opens an exception with its evidence and its event", async () => {
    const opened = await retriesSpent("todo-api-3f9c2a.3.1");
    expect(opened).toEqual({
      id: "3f9c2a1b",
      workItem: item.id,
      build: "todo-api-3f9c2a.3.1",
      reason: "retries-spent",
      summary: "3 attempts, none approved",
      evidence: { verdicts: [{ build: "todo-api-3f9c2a.3.1", decision: "regenerate" }] },
      state: "open",
      openedAt: "2026-11-24T09:00:00.000Z",
    });
    expect(await store.exception(opened.id)).toEqual(opened);
    expect(heard.map((event) => [event.type, event.payload])).toEqual([
      [
        "exception.open",
        { exception: "3f9c2a1b", reason: "retries-spent", summary: "3 attempts, none approved" },
      ],
    ]);
  });

  it("returns the open exception of the same item, reason and build instead of a second one", async () => {
    const first = await retriesSpent();
    expect(await retriesSpent()).toEqual(first);
    const forBuild = await retriesSpent("todo-api-3f9c2a.3.1");
    expect(forBuild.id).not.toBe(first.id);
    expect(await retriesSpent("todo-api-3f9c2a.3.1")).toEqual(forBuild);
    expect(await store.exceptions()).toHaveLength(2);
    expect(heard.filter((event) => event.type === "exception.open")).toHaveLength(2);
  });

  it("opens a new exception once the same one was decided", async () => {
    const first = await retriesSpent();
    await store.recordDecision({
      exception: first.id,
      action: "retry",
      by: "ana",
      reason: "flaky",
    });
    const second = await retriesSpent();
    expect(second.id).not.toBe(first.id);
    expect(second.state).toBe("open");
  });

  it("refuses an exception for an unknown item or with a reason the line does not know", async () => {
    const unknownItem = await thrownBy(
      store.openException({
        workItem: "nothing",
        reason: "budget-reached",
        summary: "no budget",
        evidence: {},
      }),
    );
    expect(unknownItem.code).toBe("not-found");
    const unknownReason = await thrownBy(
      store.openException({
        workItem: item.id,
        reason: "bored" as never,
        summary: "no",
        evidence: {},
      }),
    );
    expect(unknownReason.code).toBe("invalid-argument");
    expect(await store.exceptions()).toEqual([]);
  });

  it("lists exceptions oldest first, by state and by item, and finds one by a unique prefix", async () => {
    const first = await retriesSpent();
    clock += 1000;
    const second = await store.openException({
      workItem: item.id,
      reason: "budget-reached",
      summary: "the testing budget is spent",
      evidence: { spentMicroUsd: 40_000_000 },
    });
    expect((await store.exceptions()).map((exception) => exception.id)).toEqual([
      first.id,
      second.id,
    ]);
    await store.recordDecision({ exception: first.id, action: "reject", by: "ana", reason: "no" });
    expect((await store.exceptions({ state: "open" })).map((exception) => exception.id)).toEqual([
      second.id,
    ]);
    expect(await store.exceptions({ workItem: "other" })).toEqual([]);
    expect((await store.requireException("3f9")).id).toBe("3f9c2a1b");
    expect((await store.requireException("3f1b0000")).id).toBe("3f1b0000");
    expect((await thrownBy(store.requireException("3f"))).code).toBe("invalid-argument");
    const missing = await thrownBy(store.requireException("3f9c2a1c"));
    expect(missing.code).toBe("not-found");
    expect(missing.message).toContain("did you mean 3f9c2a1b");
  });
});

describe("LineStore decisions", () => {
  it("records a decision once, with its event, and the exception becomes decided", async () => {
    const opened = await retriesSpent();
    clock += 60_000;
    const decision = await store.recordDecision({
      exception: opened.id,
      action: "change-profile",
      by: "ana@example.com",
      reason: "an internal tool: the lenient profile is enough",
      details: { profile: "lenient" },
    });
    expect(decision).toEqual({
      id: "3f1b0000",
      exception: opened.id,
      workItem: item.id,
      action: "change-profile",
      by: "ana@example.com",
      reason: "an internal tool: the lenient profile is enough",
      at: "2026-11-24T09:01:00.000Z",
      details: { profile: "lenient" },
    });
    expect((await store.exception(opened.id))?.state).toBe("decided");
    expect(await store.decisions(item.id)).toEqual([decision]);
    expect(heard.at(-1)).toMatchObject({
      type: "decision.record",
      workItem: item.id,
      payload: {
        decision: "3f1b0000",
        exception: opened.id,
        action: "change-profile",
        by: "ana@example.com",
      },
    });

    const again = await thrownBy(
      store.recordDecision({ exception: opened.id, action: "approve", by: "bo", reason: "ship" }),
    );
    expect(again.code).toBe("invalid-argument");
    expect(again.message).toContain("already decided");
    expect(await store.decisions(item.id)).toHaveLength(1);
    expect(heard.filter((event) => event.type === "decision.record")).toHaveLength(1);
  });

  it("defaults the details to an empty object and refuses an unknown exception", async () => {
    const opened = await retriesSpent();
    const decision = await store.recordDecision({
      exception: opened.id,
      action: "approve",
      by: "ana",
      reason: "shipping anyway",
    });
    expect(decision.details).toEqual({});
    const unknown = await thrownBy(
      store.recordDecision({ exception: "nothing", action: "approve", by: "ana", reason: "x" }),
    );
    expect(unknown.code).toBe("not-found");
  });

  it("refuses a decision without a reason, and leaves the exception open", async () => {
    const opened = await retriesSpent();
    const error = await thrownBy(
      store.recordDecision({ exception: opened.id, action: "reject", by: "ana", reason: "" }),
    );
    expect(error.code).toBe("invalid-argument");
    expect((await store.exception(opened.id))?.state).toBe("open");
    expect(await store.decisions(item.id)).toEqual([]);
  });
});
