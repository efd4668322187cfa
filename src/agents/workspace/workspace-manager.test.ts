import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../../../test/fixtures/agents/temporary-repository.js";
import { commitWorkspace } from "./commit-workspace.js";

let temporary: TemporaryRepository;
beforeEach(() => {
  temporary = createTemporaryRepository();
});
afterEach(() => temporary.remove());

describe("WorkspaceManager", { timeout: 20_000 }, () => {
  it("creates a worktree on its own branch from HEAD, with an artifacts folder outside it", async () => {
    const head = temporary.git(["rev-parse", "HEAD"]).trim();
    const workspace = await temporary.manager.create({ workItem: "todo-api", run: "r1" });
    expect(workspace.branch).toBe("shopfloor/todo-api/r1");
    expect(workspace.baseCommit).toBe(head);
    expect(workspace.path).toBe(join(temporary.root, "worktrees", "todo-api", "r1"));
    expect(workspace.artifactsFolder).toBe(join(temporary.root, "artifacts", "todo-api", "r1"));
    expect(readFileSync(join(workspace.path, "README.md"), "utf8")).toBe("# a project\n");
    expect(existsSync(workspace.artifactsFolder)).toBe(true);
    expect(temporary.git(["branch", "--show-current"], workspace.path).trim()).toBe(
      workspace.branch,
    );
  });

  it("starts from the base it is given", async () => {
    const first = temporary.git(["rev-parse", "HEAD"]).trim();
    writeFileSync(join(temporary.repository, "later.txt"), "later\n");
    temporary.git(["add", "--all"]);
    temporary.git(["commit", "--quiet", "-m", "later"]);
    const workspace = await temporary.manager.create({ workItem: "w", run: "r", base: first });
    expect(workspace.baseCommit).toBe(first);
    expect(existsSync(join(workspace.path, "later.txt"))).toBe(false);
  });

  it("refuses a second workspace for the same run, names that are not safe, and an unknown base", async () => {
    await temporary.manager.create({ workItem: "w", run: "r" });
    await expect(temporary.manager.create({ workItem: "w", run: "r" })).rejects.toMatchObject({
      code: "invalid-argument",
      field: "run",
    });
    await expect(
      temporary.manager.create({ workItem: "../escape", run: "r" }),
    ).rejects.toMatchObject({ code: "invalid-argument", field: "workItem" });
    await expect(
      temporary.manager.create({ workItem: "w", run: "r2", base: "no-such-branch" }),
    ).rejects.toMatchObject({ code: "invalid-argument", field: "base" });
  });

  it("removes the worktree and its branch, and is safe to call twice", async () => {
    const workspace = await temporary.manager.create({ workItem: "w", run: "r" });
    writeFileSync(join(workspace.path, "new.txt"), "new\n");
    await temporary.manager.remove(workspace);
    expect(existsSync(workspace.path)).toBe(false);
    expect(temporary.git(["branch", "--list", workspace.branch]).trim()).toBe("");
    expect(temporary.git(["worktree", "list"])).not.toContain(workspace.path);
    await temporary.manager.remove(workspace);
  });

  it("removes the files of a worktree git no longer knows", async () => {
    const workspace = await temporary.manager.create({ workItem: "w", run: "r" });
    temporary.git(["worktree", "remove", "--force", workspace.path]);
    mkdirSync(workspace.path, { recursive: true });
    writeFileSync(join(workspace.path, "left-over.txt"), "crash\n");
    await temporary.manager.remove(workspace);
    expect(existsSync(workspace.path)).toBe(false);
    expect(temporary.git(["branch", "--list", workspace.branch]).trim()).toBe("");
  });

  it("keeps the branch and its commit when asked to", async () => {
    const workspace = await temporary.manager.create({ workItem: "w", run: "r" });
    writeFileSync(join(workspace.path, "kept.txt"), "kept\n");
    const { commit } = await commitWorkspace(workspace, "keep me");
    await temporary.manager.remove(workspace, { keepBranch: true });
    expect(existsSync(workspace.path)).toBe(false);
    expect(temporary.git(["rev-parse", workspace.branch]).trim()).toBe(commit);
  });

  it("gives 8 parallel runs on one repository 8 worktrees, and commits each on its own branch", async () => {
    const runs = Array.from({ length: 8 }, (_, index) => `run-${index}`);
    const workspaces = await Promise.all(
      runs.map((run) => temporary.manager.create({ workItem: "parallel", run })),
    );
    expect(new Set(workspaces.map((workspace) => workspace.path)).size).toBe(8);
    const commits = await Promise.all(
      workspaces.map(async (workspace, index) => {
        writeFileSync(join(workspace.path, `file-${index}.txt`), `${index}\n`);
        return commitWorkspace(workspace, `run ${index}`);
      }),
    );
    commits.forEach((result, index) => {
      expect(result.filesChanged).toEqual([`file-${index}.txt`]);
      expect(temporary.git(["rev-parse", `shopfloor/parallel/run-${index}`]).trim()).toBe(
        result.commit,
      );
    });
    await Promise.all(workspaces.map((workspace) => temporary.manager.remove(workspace)));
    expect(temporary.git(["branch", "--list", "shopfloor/*"]).trim()).toBe("");
  });
});
