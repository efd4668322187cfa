import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { thrownBy } from "../../../test/line/support/line-store-harness.js";
import type { AgentRun, FeedbackReport } from "../../contracts/agent-run.js";
import type { GateVerdict } from "../../contracts/gate-verdict.js";
import type { FactoryDatabase } from "../../store/factory-database.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../../store/open-factory-database.js";
import { LineStore } from "./line-store.js";

let folder: string;
let database: Kysely<FactoryDatabase>;
let store: LineStore;
let clock: number;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-builds-"));
  database = await openFactoryDatabase(join(folder, "factory.db"));
  clock = Date.parse("2026-11-24T09:00:00.000Z");
  store = new LineStore({ database, now: () => new Date(clock) });
});
afterEach(async () => {
  await closeFactoryDatabase(database);
  rmSync(folder, { recursive: true, force: true });
});

const feedback: FeedbackReport = {
  decision: "regenerate",
  reason: "edge 3/5 < 90%",
  categories: [{ category: "edge", passed: 3, failed: 2, passRate: 0.6, threshold: 0.9 }],
  errorClusters: [{ signature: "expected 400, got 200", count: 2, example: "POST /todos" }],
  examples: [{ title: "rejects an empty title", error: "expected 400, got 200" }],
};

const run: AgentRun = {
  agent: "scaffold",
  status: "succeeded",
  summary: "wrote the todo API",
  commit: "0123456789abcdef0123456789abcdef01234567",
  filesChanged: ["src/server.ts"],
  turns: 1,
  tokens: { inputTokens: 10, cachedInputTokens: 0, outputTokens: 20, reasoningTokens: 0 },
  computedCostMicroUsd: 0,
  durationMs: 1500,
  transcript: "/home/runs/item/item.1.1/transcript.jsonl",
  injectedFaults: [],
};

const verdict: GateVerdict = {
  decision: "approve",
  reason: "every category clears its threshold",
  profile: "standard",
  method: "wilson",
  mode: "bound",
  categories: [],
  latency: { count: 0, min: null, mean: null, p50: null, p95: null, p99: null, max: null },
  errorClusters: [],
  flakyScenarios: [],
  additionalScenariosNeeded: null,
};

describe("LineStore builds", () => {
  it("creates a build in state building, and returns the same one when asked again", async () => {
    const request = {
      id: "item.2.1",
      workItem: "item",
      attempt: 2,
      candidate: 1,
      agent: "llm",
      model: "coder",
      feedback,
    };
    const created = await store.createBuild(request);
    expect(created).toEqual({
      ...request,
      state: "building",
      createdAt: "2026-11-24T09:00:00.000Z",
      updatedAt: "2026-11-24T09:00:00.000Z",
    });
    clock += 60_000;
    expect(await store.createBuild({ ...request, agent: "claude" })).toEqual(created);
    expect(await store.build("item.2.1")).toEqual(created);
    expect(await store.build("item.9.9")).toBeUndefined();
  });

  it("refuses a second build for the same attempt and candidate under another id", async () => {
    await store.createBuild({
      id: "item.1.1",
      workItem: "item",
      attempt: 1,
      candidate: 1,
      agent: "a",
    });
    const error = await thrownBy(
      store.createBuild({ id: "other", workItem: "item", attempt: 1, candidate: 1, agent: "a" }),
    );
    expect(error.code).toBe("invalid-argument");
  });

  it("records what a build produced, parsed back through the contracts", async () => {
    await store.createBuild({
      id: "item.1.1",
      workItem: "item",
      attempt: 1,
      candidate: 1,
      agent: "a",
    });
    clock += 1000;
    const built = await store.updateBuild("item.1.1", {
      state: "built",
      branch: "shopfloor/item/item.1.1",
      run,
    });
    expect(built).toMatchObject({ state: "built", branch: "shopfloor/item/item.1.1", run });
    expect(built.updatedAt).toBe("2026-11-24T09:00:01.000Z");
    const gated = await store.updateBuild("item.1.1", { state: "gated", verdict });
    expect(gated).toMatchObject({ state: "gated", run, verdict });
    expect(await store.build("item.1.1")).toEqual(gated);
  });

  it("refuses a run its contract does not accept, and an unknown build", async () => {
    await store.createBuild({
      id: "item.1.1",
      workItem: "item",
      attempt: 1,
      candidate: 1,
      agent: "a",
    });
    const invalid = await thrownBy(
      store.updateBuild("item.1.1", { run: { ...run, commit: "not-a-sha" } }),
    );
    expect(invalid.code).toBe("invalid-argument");
    expect(invalid.message).toContain("commit");
    expect((await store.build("item.1.1"))?.run).toBeUndefined();
    expect((await thrownBy(store.updateBuild("nothing", { state: "failed" }))).code).toBe(
      "not-found",
    );
  });

  it("lists a work item's builds by attempt and candidate, of one attempt when asked", async () => {
    for (const [attempt, candidate] of [
      [2, 2],
      [1, 1],
      [2, 1],
    ] as const) {
      await store.createBuild({
        id: `item.${attempt}.${candidate}`,
        workItem: "item",
        attempt,
        candidate,
        agent: "a",
      });
    }
    await store.createBuild({
      id: "other.1.1",
      workItem: "other",
      attempt: 1,
      candidate: 1,
      agent: "a",
    });
    expect((await store.builds("item")).map((build) => build.id)).toEqual([
      "item.1.1",
      "item.2.1",
      "item.2.2",
    ]);
    expect((await store.builds("item", 2)).map((build) => build.id)).toEqual([
      "item.2.1",
      "item.2.2",
    ]);
  });
});
