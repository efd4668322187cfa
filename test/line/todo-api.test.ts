/**
 * The whole line, in process, with real everything: the todo-api example goes intake → build (the
 * scaffold agent) → scenarios (the generated holdout suite) → trials (the build started as a real
 * process) → gate, and is approved; the history tells which agent wrote which commit, which suite
 * judged it and what it cost.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type LineHome, openLineHome, scaffoldLineUp, todoSpec } from "./support/line-home.js";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let setup: LineHome;

beforeAll(async () => {
  setup = await openLineHome();
});
afterAll(() => setup.remove());

describe("the line on the todo-api example", () => {
  it("takes the spec from intake to approved with the scaffold agent", async () => {
    const submitted = await setup.line.submit({ specPath: todoSpec, lineUp: scaffoldLineUp() });
    expect(submitted.id).toMatch(/^todo-api-[0-9a-f]{6}$/);
    expect(submitted.state).toBe("intake");
    expect(submitted.profile).toBe("admin");

    const summary = await setup.line.run();
    expect(summary.items.map((item) => [item.id, item.state])).toEqual([
      [submitted.id, "approved"],
    ]);
    expect(summary.jobsRun).toBe(5);

    const history = await setup.line.history(submitted.id.slice(0, 12));
    const transitions = history.events
      .filter((event) => event.type === "work-item.transition")
      .map((event) => (event.type === "work-item.transition" ? event.payload.to : ""));
    expect(transitions).toEqual(["build", "scenarios", "trials", "gate", "approved"]);
    const [build] = history.builds;
    expect(history.item.approvedBuild).toBe(`${submitted.id}.1.1`);
    expect(build?.agent).toBe("scaffold");
    expect(build?.state).toBe("gated");
    expect(build?.verdict?.decision).toBe("approve");
    expect(build?.run?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(history.item.suite).toMatch(/^todo-api@/);

    // The commit is on the build's branch, kept after the worktree went with the settled item.
    const repository = join(setup.home, "repositories", submitted.id);
    const branchHead = execFileSync(
      "git",
      ["rev-parse", `shopfloor/${submitted.id}/${submitted.id}.1.1`],
      { cwd: repository, encoding: "utf8" },
    ).trim();
    expect(branchHead).toBe(build?.run?.commit);
    expect(existsSync(join(setup.home, "worktrees", submitted.id))).toBe(false);

    // Every trial was stored once and charged to testing.
    const ended = history.events.find((event) => event.type === "trials.end");
    expect(ended?.type === "trials.end" && ended.payload.trials).toBe(180);
    expect(history.costs.byStation.trials).toBeGreaterThan(0);
    expect(history.costs.byCategory.testing).toBe(history.costs.byStation.trials);
    expect(history.costs.byAgentModel).toEqual([{ agent: "scaffold", model: null, microUsd: 0 }]);

    // The listener heard every event the store wrote, in order.
    expect(setup.events.map((event) => event.sequence)).toEqual(
      history.events.map((event) => event.sequence),
    );

    const status = await setup.line.status();
    expect(status.states.approved).toBe(1);
    expect(status.outcomes.approvalRate).toBe(1);
    expect(status.passRates.normal).toBeGreaterThan(0.9);
    expect(status.queue.gate.done).toBe(1);
    expect(status.openExceptions).toBe(0);
  });
});
