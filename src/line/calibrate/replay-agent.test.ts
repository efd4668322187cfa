import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../../../test/fixtures/agents/temporary-repository.js";
import type { AgentTask } from "../../agents/agent.js";
import { FaultInjectingAgent } from "../../agents/fault-injection/fault-injecting-agent.js";
import { commitWorkspace } from "../../agents/workspace/commit-workspace.js";
import { ReplayAgent } from "./replay-agent.js";

const server = [
  "export function pageSize(limit) {",
  "  if (limit < 1) throw new Error('limit must be 1 or more');",
  "  return limit > 100 ? 100 : limit;",
  "}",
  "",
].join("\n");

let temporary: TemporaryRepository;
beforeEach(() => {
  temporary = createTemporaryRepository();
});
afterEach(() => temporary.remove());

/** An approved build: a source added, the README changed, the .gitignore deleted. */
async function approvedCommit(): Promise<string> {
  const workspace = await temporary.manager.create({ workItem: "item", run: "item.1.1" });
  mkdirSync(join(workspace.path, "src"));
  writeFileSync(join(workspace.path, "src", "server.mjs"), server);
  writeFileSync(join(workspace.path, "README.md"), "# the build\n");
  unlinkSync(join(workspace.path, ".gitignore"));
  const committed = await commitWorkspace(workspace, "build");
  if (committed.commit === undefined) throw new Error("the build committed nothing");
  return committed.commit;
}

const task = {} as AgentTask;
const limits = { wallClockMs: 60_000 };

describe("ReplayAgent", () => {
  it("commits the approved build's exact tree on a branch from the first commit", async () => {
    const commit = await approvedCommit();
    const workspace = await temporary.manager.create({ workItem: "item", run: "mutant-1" });
    const agent = new ReplayAgent({ commit, build: "item.1.1", now: () => 0 });
    const run = await agent.run(task, workspace, limits, new AbortController().signal);
    expect(run).toMatchObject({ agent: "replay", status: "succeeded", injectedFaults: [] });
    expect(run.filesChanged.sort()).toEqual([".gitignore", "README.md", "src/server.mjs"]);
    expect(run.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(run.commit).not.toBe(commit);
    expect(temporary.git(["diff", "--stat", commit, run.commit ?? ""])).toBe("");
    expect(existsSync(join(workspace.path, ".gitignore"))).toBe(false);
    expect(readFileSync(run.transcript, "utf8")).toContain("Replayed item.1.1");
  });

  it("gives the fault-injection wrapper the build's sources to mutate", async () => {
    const commit = await approvedCommit();
    const workspace = await temporary.manager.create({ workItem: "item", run: "mutant-2" });
    const agent = new FaultInjectingAgent({
      inner: new ReplayAgent({ commit, build: "item.1.1", now: () => 0 }),
      probability: 1,
      seed: 2,
      now: () => 0,
    });
    const run = await agent.run(task, workspace, limits, new AbortController().signal);
    expect(run.agent).toBe("replay+faults");
    expect(run.injectedFaults).toHaveLength(1);
    expect(run.injectedFaults[0]?.file).toBe("src/server.mjs");
    expect(readFileSync(join(workspace.path, "src", "server.mjs"), "utf8")).not.toBe(server);
    expect(temporary.git(["diff", "--name-only", commit, run.commit ?? ""]).trim()).toBe(
      "src/server.mjs",
    );
  });

  it("stops before touching the workspace when the run is aborted", async () => {
    const commit = await approvedCommit();
    const workspace = await temporary.manager.create({ workItem: "item", run: "mutant-3" });
    const controller = new AbortController();
    controller.abort(new Error("stopped"));
    const agent = new ReplayAgent({ commit, build: "item.1.1", now: () => 0 });
    await expect(agent.run(task, workspace, limits, controller.signal)).rejects.toThrow("stopped");
    expect(existsSync(join(workspace.path, "src"))).toBe(false);
  });
});
