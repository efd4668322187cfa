import { mkdirSync, unlinkSync, writeFileSync } from "node:fs";
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

describe("commitWorkspace", () => {
  it("commits new, changed and deleted files under shopfloor's identity", async () => {
    const workspace = await temporary.manager.create({ workItem: "w", run: "r" });
    writeFileSync(join(workspace.path, "README.md"), "# changed\n");
    unlinkSync(join(workspace.path, ".gitignore"));
    mkdirSync(join(workspace.path, "src"));
    writeFileSync(join(workspace.path, "src", "server.ts"), "export {};\n");
    const result = await commitWorkspace(workspace, "build 1");
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(result.filesChanged.sort()).toEqual([".gitignore", "README.md", "src/server.ts"]);
    const log = temporary.git([
      "log",
      "-1",
      "--format=%an <%ae>|%cn <%ce>|%s",
      result.commit ?? "",
    ]);
    expect(log.trim()).toBe(
      "shopfloor <shopfloor@localhost>|shopfloor <shopfloor@localhost>|build 1",
    );
    expect(temporary.git(["status", "--porcelain"], workspace.path)).toBe("");
  });

  it("makes no commit when nothing changed", async () => {
    const workspace = await temporary.manager.create({ workItem: "w", run: "r" });
    expect(await commitWorkspace(workspace, "nothing")).toEqual({ filesChanged: [] });
    expect(temporary.git(["rev-parse", "HEAD"], workspace.path).trim()).toBe(workspace.baseCommit);
  });

  it("leaves ignored files out", async () => {
    const workspace = await temporary.manager.create({ workItem: "w", run: "r" });
    mkdirSync(join(workspace.path, "node_modules"));
    writeFileSync(join(workspace.path, "node_modules", "x.js"), "1\n");
    expect(await commitWorkspace(workspace, "ignored")).toEqual({ filesChanged: [] });
  });

  it("counts what an agent committed itself against the base", async () => {
    const workspace = await temporary.manager.create({ workItem: "w", run: "r" });
    writeFileSync(join(workspace.path, "a.txt"), "a\n");
    temporary.git(["add", "a.txt"], workspace.path);
    temporary.git(["commit", "--quiet", "-m", "the agent's own"], workspace.path);
    writeFileSync(join(workspace.path, "b.txt"), "b\n");
    const result = await commitWorkspace(workspace, "the rest");
    expect(result.filesChanged).toEqual(["a.txt", "b.txt"]);
    expect(
      temporary
        .git(["rev-list", "--count", `${workspace.baseCommit}..HEAD`], workspace.path)
        .trim(),
    ).toBe("2");
  });

  it("leaves out the paths it is told to, such as an agent's cache", async () => {
    const workspace = await temporary.manager.create({ workItem: "w", run: "r" });
    mkdirSync(join(workspace.path, ".aider.tags.cache.v4"));
    writeFileSync(join(workspace.path, ".aider.tags.cache.v4", "cache.db"), "cache\n");
    writeFileSync(join(workspace.path, "app.py"), "print(1)\n");
    const result = await commitWorkspace(workspace, "built", { exclude: [".aider*"] });
    expect(result.filesChanged).toEqual(["app.py"]);
  });
});
