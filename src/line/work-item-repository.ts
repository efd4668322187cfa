/**
 * One git repository per work item (`<home>/repositories/<item>`), made with a first commit (a README
 * naming the item, a .gitignore with node_modules/), and the worktrees of its builds
 * (`<home>/worktrees/<item>/<build>`, branch `shopfloor/<item>/<build>`, run artifacts in
 * `<home>/runs/<item>/<build>`). A build gets a fresh worktree (a stale one left by a crash is removed
 * first); the trials station gets the build's worktree back, checked out from its commit, when it was
 * removed; worktrees go when the item settles and their branches stay, so every build can be read again.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Workspace } from "../agents/agent.js";
import { runGit, shopfloorIdentity } from "../agents/workspace/git-command.js";
import { repositoryKey } from "../agents/workspace/repository-key.js";
import { serializeByRepository } from "../agents/workspace/repository-queue.js";
import { WorkspaceManager } from "../agents/workspace/workspace-manager.js";

export interface WorkItemRepositoriesOptions {
  /** The factory home. */
  home: string;
  /** A suffix for temporary folders; default random. */
  randomSuffix?: () => string;
}

export class WorkItemRepositories {
  readonly #home: string;
  readonly #randomSuffix: () => string;
  readonly #managers = new Map<string, WorkspaceManager>();

  constructor(options: WorkItemRepositoriesOptions) {
    this.#home = options.home;
    this.#randomSuffix = options.randomSuffix ?? (() => randomBytes(4).toString("hex"));
  }

  repositoryPath(workItem: string): string {
    return join(this.#home, "repositories", workItem);
  }

  worktreePath(workItem: string, build: string): string {
    return join(this.#home, "worktrees", workItem, build);
  }

  branchOf(workItem: string, build: string): string {
    return `shopfloor/${workItem}/${build}`;
  }

  /**
   * The item's repository, made if missing. It is made in a temporary folder and renamed into place,
   * so two processes making it at once end with one repository and a crash never leaves half of one.
   */
  async ensureRepository(workItem: string): Promise<string> {
    const path = this.repositoryPath(workItem);
    if (existsSync(join(path, ".git"))) return path;
    const parent = join(this.#home, "repositories");
    await mkdir(parent, { recursive: true });
    const temporary = join(parent, `.${workItem}.${this.#randomSuffix()}.tmp`);
    try {
      await initialise(temporary, workItem);
      await rename(temporary, path).catch((error: NodeJS.ErrnoException) => {
        // Another process put its repository there first: use that one.
        if (!existsSync(join(path, ".git"))) throw error;
      });
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
    return path;
  }

  /** A new worktree for the build from `base` (default the first commit); a stale one is removed first. */
  async freshWorkspace(workItem: string, build: string, base?: string): Promise<Workspace> {
    await this.ensureRepository(workItem);
    const manager = this.#manager(workItem);
    const path = this.worktreePath(workItem, build);
    const branch = this.branchOf(workItem, build);
    await manager.remove({ path, branch, baseCommit: "", artifactsFolder: "" });
    return manager.create({ workItem, run: build, ...(base === undefined ? {} : { base }) });
  }

  /** The build's worktree, checked out again (detached, at `commit`) when it is gone. */
  async ensureWorktree(workItem: string, build: string, commit: string): Promise<string> {
    const path = this.worktreePath(workItem, build);
    if (existsSync(join(path, ".git"))) return path;
    const repository = await this.ensureRepository(workItem);
    await serializeByRepository(await repositoryKey(repository), async () => {
      await rm(path, { recursive: true, force: true });
      await runGit(["worktree", "prune"], repository);
      await mkdir(join(this.#home, "worktrees", workItem), { recursive: true });
      await runGit(["worktree", "add", "--quiet", "--detach", path, commit], repository);
    });
    return path;
  }

  /** Removes every worktree of the item, keeping the branches; returns how many there were. */
  async removeWorktrees(workItem: string): Promise<number> {
    const folder = join(this.#home, "worktrees", workItem);
    if (!existsSync(folder)) return 0;
    const builds = await readdir(folder);
    if (existsSync(join(this.repositoryPath(workItem), ".git"))) {
      const manager = this.#manager(workItem);
      for (const build of builds) {
        const workspace = {
          path: join(folder, build),
          branch: this.branchOf(workItem, build),
          baseCommit: "",
          artifactsFolder: "",
        };
        await manager.remove(workspace, { keepBranch: true });
      }
    }
    await rm(folder, { recursive: true, force: true });
    return builds.length;
  }

  #manager(workItem: string): WorkspaceManager {
    let manager = this.#managers.get(workItem);
    if (manager === undefined) {
      manager = new WorkspaceManager({
        repository: this.repositoryPath(workItem),
        worktreesFolder: join(this.#home, "worktrees"),
        artifactsFolder: join(this.#home, "runs"),
      });
      this.#managers.set(workItem, manager);
    }
    return manager;
  }
}

async function initialise(path: string, workItem: string): Promise<void> {
  await mkdir(path, { recursive: true });
  await runGit(["init", "--quiet", "--initial-branch=main", path], path);
  await writeFile(
    join(path, "README.md"),
    `# ${workItem}\n\nThe builds of work item ${workItem}, one branch each: shopfloor/${workItem}/<build>.\n`,
  );
  await writeFile(join(path, ".gitignore"), "node_modules/\n");
  await runGit(["add", "--all"], path);
  await runGit(
    [
      "-c",
      `user.name=${shopfloorIdentity.name}`,
      "-c",
      `user.email=${shopfloorIdentity.email}`,
      "-c",
      "commit.gpgsign=false",
      "commit",
      "--quiet",
      "--no-verify",
      "--message",
      `start ${workItem}`,
    ],
    path,
  );
}
