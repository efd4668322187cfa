import { existsSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { openLineCaches } from "../cache/line-caches.js";
import { escalate, loadItemSpec, moveItem, recordOutcomeOnce, startAttempt } from "./item-flow.js";

let fixture: LineFixture;
beforeEach(async () => {
  fixture = await lineFixture();
});
afterEach(() => fixture.remove());

describe("the moves every station shares", () => {
  it("reads the spec the item was submitted with, not the file as it is now", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec });
    writeFileSync(fixture.smallSpec, "---\nname: changed\nkind: cli\n---\n");
    const { spec, text } = await loadItemSpec(fixture.services, item);
    expect(spec.frontMatter.name).toBe("todo-api");
    expect(spec.hash).toBe(item.specHash);
    expect(text).toContain("# Todo API");
  });

  it("parses an item's spec once per open line: the stations share what the submit parsed", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec });
    const first = await loadItemSpec(fixture.services, item);
    expect(await loadItemSpec(fixture.context(), item)).toBe(first);
    expect(fixture.services.caches.specs.size).toBe(1);
    // A line opened afresh (a restarted process) parses the stored text again, to the same spec.
    const restarted = { ...fixture.services, caches: openLineCaches() };
    const reparsed = await loadItemSpec(restarted, item);
    expect(reparsed).not.toBe(first);
    expect(reparsed).toEqual(first);
  });

  it("moves an item, and does nothing when someone else moved it elsewhere", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec });
    const moved = await moveItem(fixture.services, item, {
      from: "intake",
      to: "build",
      reason: "ok",
    });
    expect(moved?.state).toBe("build");
    expect(
      await moveItem(fixture.services, item, { from: "intake", to: "build", reason: "ok" }),
    ).toEqual(moved);
    expect(
      await moveItem(fixture.services, item, { from: "intake", to: "rejected", reason: "late" }),
    ).toBeUndefined();
  });

  it("removes the worktrees of an item that settles", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec });
    const workspace = await fixture.services.repositories.freshWorkspace(item.id, `${item.id}.1.1`);
    await moveItem(fixture.services, item, { from: "intake", to: "rejected", reason: "no" });
    expect(existsSync(workspace.path)).toBe(false);
  });

  it("opens one exception and moves the item into the exception queue", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec });
    const exception = { reason: "spec-too-vague" as const, summary: "too vague", evidence: {} };
    const first = await escalate(fixture.services, item, exception);
    const second = await escalate(fixture.services, item, exception);
    expect(second.id).toBe(first.id);
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("exception");
  });

  it("starts an attempt: its builds with the feedback, the move, one job per candidate", async () => {
    const item = await fixture.session.submit({
      specPath: fixture.smallSpec,
      lineUp: { pattern: "best-of", candidates: 3, agents: [{ agent: "scaffold" }] },
    });
    const feedback = {
      decision: "regenerate" as const,
      reason: "edge fell short",
      categories: [],
      errorClusters: [],
      examples: [],
    };
    await startAttempt(fixture.services, item, {
      from: "intake",
      attempt: 2,
      reason: "test",
      feedback,
    });
    const builds = await fixture.services.store.builds(item.id, 2);
    expect(builds.map((build) => build.feedback)).toEqual([feedback, feedback, feedback]);
    expect(await fixture.waiting("build")).toHaveLength(3);
    expect((await fixture.services.store.workItem(item.id))?.attempt).toBe(2);
  });

  it("records an item's outcome once", async () => {
    await recordOutcomeOnce(fixture.services, "todo-1", "approved");
    await recordOutcomeOnce(fixture.services, "todo-1", "approved");
    await recordOutcomeOnce(fixture.services, "todo-1", "rejected");
    const rows = await fixture.services.database
      .selectFrom("change_outcome")
      .select("outcome")
      .orderBy("at")
      .execute();
    expect(rows.map((row) => row.outcome).sort()).toEqual(["approved", "rejected"]);
  });
});
