import { describe, expect, it } from "vitest";
import { thrownBy, useLineStore } from "../../../test/line/support/line-store-harness.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../../store/open-factory-database.js";
import { LineStore } from "./line-store.js";

const line = useLineStore();

describe("LineStore work items", () => {
  it("creates an item in intake, attempt 1, with its create event, and finds it again", async () => {
    const item = await line.store.createWorkItem({
      name: "todo-api",
      specPath: "/specs/todo-api.md",
      specHash: "a".repeat(64),
      profile: "standard",
      lineUp: { pattern: "fallback", agents: [{ agent: "llm" }, { agent: "claude" }] },
      parent: "todo-api-aaaaaa",
    } as Parameters<LineStore["createWorkItem"]>[0]);
    expect(item).toEqual({
      id: "todo-api-000001",
      name: "todo-api",
      specPath: "/specs/todo-api.md",
      specHash: "a".repeat(64),
      profile: "standard",
      lineUp: {
        pattern: "fallback",
        agents: [{ agent: "llm" }, { agent: "claude" }],
        afterFailures: 1,
      },
      state: "intake",
      attempt: 1,
      parent: "todo-api-aaaaaa",
      createdAt: "2026-11-24T09:00:00.000Z",
      updatedAt: "2026-11-24T09:00:00.000Z",
    });
    expect(await line.store.workItem(item.id)).toEqual(item);
    expect(await line.store.workItem("todo-api-ffffff")).toBeUndefined();
    const events = await line.store.events({ workItem: item.id });
    expect(events).toEqual([
      {
        sequence: 1,
        at: "2026-11-24T09:00:00.000Z",
        workItem: item.id,
        type: "work-item.create",
        payload: {
          name: "todo-api",
          specPath: "/specs/todo-api.md",
          specHash: "a".repeat(64),
          profile: "standard",
          lineUp: item.lineUp,
          parent: "todo-api-aaaaaa",
        },
      },
    ]);
  });

  it("keeps the incident a fix item repairs, on the item and in its create event", async () => {
    const regressed = await line.newItem();
    const fix = await line.store.createWorkItem({
      name: "todo-api",
      specPath: "/specs/todo-api.md",
      specHash: "a".repeat(64),
      profile: "standard",
      lineUp: { pattern: "single", agent: { agent: "scaffold" } },
      parent: regressed.id,
      fixes: "9f3b21c0",
    });
    expect(fix).toMatchObject({ parent: regressed.id, fixes: "9f3b21c0" });
    expect((await line.store.workItem(fix.id))?.fixes).toBe("9f3b21c0");
    const moved = await line.store.transition(fix.id, {
      from: "intake",
      to: "build",
      reason: "ok",
    });
    expect(moved.item.fixes).toBe("9f3b21c0");
    const [created] = await line.store.events({ workItem: fix.id, types: ["work-item.create"] });
    expect(created?.payload).toMatchObject({ parent: regressed.id, fixes: "9f3b21c0" });
    expect(regressed).not.toHaveProperty("fixes");
    const [plain] = await line.store.events({ workItem: regressed.id });
    expect(plain?.payload).not.toHaveProperty("fixes");
  });

  it("refuses an empty incident id, and writes nothing", async () => {
    const error = await thrownBy(
      line.store.createWorkItem({
        name: "todo-api",
        specPath: "/specs/todo-api.md",
        specHash: "a",
        profile: "standard",
        lineUp: { pattern: "single", agent: { agent: "scaffold" } },
        fixes: "",
      }),
    );
    expect(error.code).toBe("invalid-argument");
    expect(await line.store.workItems()).toEqual([]);
  });

  it("draws another suffix when the random one is taken", async () => {
    const first = await line.newItem();
    line.restartIds();
    const second = await line.newItem();
    expect([first.id, second.id]).toEqual(["todo-api-000001", "todo-api-000002"]);
  });

  it("refuses a line-up its contract does not accept, and writes nothing", async () => {
    const error = await thrownBy(
      line.store.createWorkItem({
        name: "todo-api",
        specPath: "/specs/todo-api.md",
        specHash: "a",
        profile: "standard",
        lineUp: { pattern: "best-of", candidates: 1, agents: [{ agent: "llm" }] },
      }),
    );
    expect(error.code).toBe("invalid-argument");
    expect(await line.store.workItems()).toEqual([]);
    expect(await line.store.events()).toEqual([]);
  });

  it("lists items newest first, filtered by state, and counts every state", async () => {
    const older = await line.newItem("older");
    line.advance(1000);
    const newer = await line.newItem("newer");
    await line.store.transition(older.id, { from: "intake", to: "build", reason: "lint 90 ≥ 60" });
    expect((await line.store.workItems()).map((item) => item.id)).toEqual([newer.id, older.id]);
    expect((await line.store.workItems({ states: ["build"] })).map((item) => item.id)).toEqual([
      older.id,
    ]);
    expect(await line.store.workItems({ states: [] })).toEqual([]);
    expect(await line.store.stateCounts()).toEqual({
      intake: 1,
      build: 1,
      scenarios: 0,
      trials: 0,
      gate: 0,
      approved: 0,
      deploy: 0,
      live: 0,
      "rolled-back": 0,
      exception: 0,
      rejected: 0,
    });
  });

  it("finds an item by a unique prefix, and says what is ambiguous or close", async () => {
    await line.newItem("todo-api");
    await line.newItem("todo-app");
    await line.newItem("under_score");
    expect((await line.store.requireWorkItem("todo-api-000001")).id).toBe("todo-api-000001");
    expect((await line.store.requireWorkItem("todo-app")).id).toBe("todo-app-000002");
    const ambiguous = await thrownBy(line.store.requireWorkItem("todo-ap"));
    expect(ambiguous.code).toBe("invalid-argument");
    expect(ambiguous.message).toContain("todo-api-000001, todo-app-000002");
    const missing = await thrownBy(line.store.requireWorkItem("todo-apx"));
    expect(missing.code).toBe("not-found");
    expect(missing.message).toContain("did you mean todo-api-000001, todo-app-000002?");
    // `_` is not a wildcard: "under-" must not find "under_score".
    expect((await thrownBy(line.store.requireWorkItem("under-"))).code).toBe("not-found");
    expect((await line.store.requireWorkItem("under_")).id).toBe("under_score-000003");
    expect((await thrownBy(line.store.requireWorkItem(""))).code).toBe("invalid-argument");
  });
});

describe("LineStore transitions", () => {
  it("writes the transition event, then moves the item, with attempt, suite and approved build", async () => {
    const item = await line.newItem();
    line.advance(5000);
    const moved = await line.store.transition(item.id, {
      from: "intake",
      to: "build",
      reason: "lint 90 ≥ 60",
    });
    expect(moved.changed).toBe(true);
    expect(moved.item).toMatchObject({ state: "build", attempt: 1 });
    expect(moved.item.updatedAt).toBe("2026-11-24T09:00:05.000Z");
    expect(await line.store.workItem(item.id)).toEqual(moved.item);
    await line.store.transition(item.id, {
      from: "build",
      to: "trials",
      reason: "built",
      suite: "todo-api@1",
    });
    await line.store.transition(item.id, { from: "trials", to: "gate", reason: "tested" });
    const regenerated = await line.store.transition(item.id, {
      from: "gate",
      to: "build",
      reason: "regenerate: edge 41/50 < 90%",
      attempt: 2,
    });
    expect(regenerated.item).toMatchObject({ state: "build", attempt: 2, suite: "todo-api@1" });
    const transitions = (await line.store.events({ workItem: item.id })).filter(
      (event) => event.type === "work-item.transition",
    );
    expect(transitions.map((event) => event.payload)).toEqual([
      { from: "intake", to: "build", reason: "lint 90 ≥ 60", attempt: 1 },
      { from: "build", to: "trials", reason: "built", attempt: 1 },
      { from: "trials", to: "gate", reason: "tested", attempt: 1 },
      { from: "gate", to: "build", reason: "regenerate: edge 41/50 < 90%", attempt: 2 },
    ]);
  });

  it("recognises a move already made (a resumed station) and writes nothing", async () => {
    const item = await line.newItem();
    const change = { from: "intake", to: "build", reason: "lint 90 ≥ 60" } as const;
    await line.store.transition(item.id, change);
    const again = await line.store.transition(item.id, change);
    expect(again).toMatchObject({ changed: false, item: { state: "build", attempt: 1 } });
    expect((await line.store.events({ workItem: item.id })).length).toBe(2);
  });

  it("refuses a move from a state the item is not in, naming both states", async () => {
    const item = await line.newItem();
    const error = await thrownBy(
      line.store.transition(item.id, { from: "gate", to: "approved", reason: "approved" }),
    );
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toContain("is in state intake");
    expect(error.message).toContain("not gate");
    expect((await line.store.workItem(item.id))?.state).toBe("intake");
    expect((await line.store.events()).map((event) => event.type)).toEqual(["work-item.create"]);
    // In `to`, but at another attempt: not the same move.
    await line.store.transition(item.id, { from: "intake", to: "build", reason: "ok" });
    const otherAttempt = await thrownBy(
      line.store.transition(item.id, { from: "gate", to: "build", reason: "again", attempt: 2 }),
    );
    expect(otherAttempt.code).toBe("invalid-argument");
  });

  it("says when the item does not exist", async () => {
    const error = await thrownBy(
      line.store.transition("nothing-000000", { from: "intake", to: "build", reason: "ok" }),
    );
    expect(error.code).toBe("not-found");
  });

  it("lets only one of two concurrent moves from the same state happen", async () => {
    const item = await line.newItem();
    const outcomes = await Promise.allSettled([
      line.store.transition(item.id, { from: "intake", to: "build", reason: "first" }),
      line.store.transition(item.id, { from: "intake", to: "exception", reason: "second" }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected"]);
    const transitions = (await line.store.events()).filter(
      (event) => event.type === "work-item.transition",
    );
    expect(transitions.map((event) => event.payload.to)).toEqual(["build"]);
  });

  it("refuses a stale move made through another connection to the same file", async () => {
    const item = await line.newItem();
    const otherDatabase = await openFactoryDatabase(line.path);
    try {
      const other = new LineStore({ database: otherDatabase, now: line.now });
      await other.transition(item.id, { from: "intake", to: "exception", reason: "too vague" });
      const stale = await thrownBy(
        line.store.transition(item.id, { from: "intake", to: "build", reason: "lint ok" }),
      );
      expect(stale.code).toBe("invalid-argument");
      expect((await line.store.workItem(item.id))?.state).toBe("exception");
    } finally {
      await closeFactoryDatabase(otherDatabase);
    }
  });

  it("changes the suite without moving the item", async () => {
    const item = await line.newItem();
    line.advance(1000);
    const changed = await line.store.setSuite(item.id, "todo-api@2");
    expect(changed).toMatchObject({ state: "intake", suite: "todo-api@2" });
    expect(changed.updatedAt).toBe("2026-11-24T09:00:01.000Z");
    expect((await line.store.workItem(item.id))?.suite).toBe("todo-api@2");
    expect((await thrownBy(line.store.setSuite("nothing", "x@1"))).code).toBe("not-found");
  });

  it("changes the profile without moving the item", async () => {
    const item = await line.newItem();
    const changed = await line.store.setProfile(item.id, "standard");
    expect(changed).toMatchObject({ state: "intake", profile: "standard" });
    expect((await line.store.workItem(item.id))?.profile).toBe("standard");
    expect((await thrownBy(line.store.setProfile(item.id, ""))).code).toBe("invalid-argument");
  });
});
