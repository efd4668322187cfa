import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitWorkspace } from "../agents/workspace/commit-workspace.js";
import { WorkItemRepositories } from "./work-item-repository.js";

let home: string;
let repositories: WorkItemRepositories;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-repositories-"));
  repositories = new WorkItemRepositories({ home });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function git(args: string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
}

describe("work item repositories", () => {
  it("makes one repository per item with a first commit naming it, once", async () => {
    const [first, second] = await Promise.all([
      repositories.ensureRepository("todo-api-abc123"),
      repositories.ensureRepository("todo-api-abc123"),
    ]);
    expect(first).toBe(join(home, "repositories", "todo-api-abc123"));
    expect(second).toBe(first);
    expect(readFileSync(join(first, "README.md"), "utf8")).toContain("todo-api-abc123");
    expect(readFileSync(join(first, ".gitignore"), "utf8")).toBe("node_modules/\n");
    expect(git(["log", "--format=%s"], first)).toBe("start todo-api-abc123");
    expect(git(["status", "--porcelain"], first)).toBe("");
  });

  it("gives a build a fresh worktree on its branch, removing a stale one left by a crash", async () => {
    const item = "todo-api-abc123";
    const stale = await repositories.freshWorkspace(item, `${item}.1.1`);
    writeFileSync(join(stale.path, "half-written.txt"), "crashed here\n");
    const fresh = await repositories.freshWorkspace(item, `${item}.1.1`);
    expect(fresh.path).toBe(join(home, "worktrees", item, `${item}.1.1`));
    expect(fresh.branch).toBe(`shopfloor/${item}/${item}.1.1`);
    expect(fresh.artifactsFolder).toBe(join(home, "runs", item, `${item}.1.1`));
    expect(existsSync(join(fresh.path, "half-written.txt"))).toBe(false);
  });

  it("removes the worktrees of a settled item but keeps their branches, and checks one out again", async () => {
    const item = "todo-api-abc123";
    const workspace = await repositories.freshWorkspace(item, `${item}.1.1`);
    writeFileSync(join(workspace.path, "server.mjs"), "// the build\n");
    const { commit } = await commitWorkspace(workspace, "build");
    expect(commit).toBeDefined();
    expect(await repositories.removeWorktrees(item)).toBe(1);
    expect(existsSync(workspace.path)).toBe(false);
    const repository = repositories.repositoryPath(item);
    expect(git(["branch", "--list", "shopfloor/*"], repository)).toContain(`${item}.1.1`);

    const again = await repositories.ensureWorktree(item, `${item}.1.1`, commit as string);
    expect(readFileSync(join(again, "server.mjs"), "utf8")).toBe("// the build\n");
    expect(await repositories.ensureWorktree(item, `${item}.1.1`, commit as string)).toBe(again);
    expect(await repositories.removeWorktrees("never-built")).toBe(0);
  });

  it("starts a build from another build's commit when asked", async () => {
    const item = "todo-api-abc123";
    const first = await repositories.freshWorkspace(item, `${item}.1.1`);
    writeFileSync(join(first.path, "server.mjs"), "// attempt 1\n");
    const { commit } = await commitWorkspace(first, "attempt 1");
    const second = await repositories.freshWorkspace(item, `${item}.2.1`, commit);
    expect(second.baseCommit).toBe(commit);
    expect(readFileSync(join(second.path, "server.mjs"), "utf8")).toBe("// attempt 1\n");
  });
});
