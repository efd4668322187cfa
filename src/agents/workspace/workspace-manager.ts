/**
 * Workspaces for agent runs: each run gets its own git worktree on its own branch
 * `shopfloor/<workItem>/<run>`, started from a base commit, and a folder for its artifacts outside the
 * worktree. Two runs never share a worktree; creating and removing them is safe in parallel.
 */
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Workspace } from "../agent.js";
import { runGit } from "./git-command.js";
import { repositoryKey } from "./repository-key.js";
import { serializeByRepository } from "./repository-queue.js";

export interface WorkspaceManagerOptions {
  /** The git repository the worktrees are made from. */
  repository: string;
  /** Where worktrees go: `<worktreesFolder>/<workItem>/<run>`. */
  worktreesFolder: string;
  /** Where artifacts go: `<artifactsFolder>/<workItem>/<run>`. */
  artifactsFolder: string;
}

export interface WorkspaceRequest {
  workItem: string;
  run: string;
  /** A commit or branch; default HEAD. */
  base?: string;
}

/** Safe as a folder name and as a component of a git branch name. */
const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class WorkspaceManager {
  readonly #repository: string;
  readonly #worktreesFolder: string;
  readonly #artifactsFolder: string;
  #key: Promise<string> | undefined;

  constructor(options: WorkspaceManagerOptions) {
    this.#repository = resolve(options.repository);
    this.#worktreesFolder = resolve(options.worktreesFolder);
    this.#artifactsFolder = resolve(options.artifactsFolder);
  }

  /** A new worktree on a new branch `shopfloor/<workItem>/<run>` from `base` (default HEAD). */
  async create(request: WorkspaceRequest): Promise<Workspace> {
    checkName(request.workItem, "workItem");
    checkName(request.run, "run");
    const branch = `shopfloor/${request.workItem}/${request.run}`;
    const path = join(this.#worktreesFolder, request.workItem, request.run);
    const artifactsFolder = join(this.#artifactsFolder, request.workItem, request.run);
    return serializeByRepository(await this.key(), async () => {
      const baseCommit = await this.resolveBase(request.base ?? "HEAD");
      if (await this.branchExists(branch)) {
        throw new ShopfloorError(
          "invalid-argument",
          `run ${request.run} of ${request.workItem} already has a workspace (branch ${branch}); use another run name`,
          { field: "run" },
        );
      }
      if (existsSync(path)) {
        throw new ShopfloorError("invalid-argument", `the worktree folder ${path} already exists`, {
          path,
        });
      }
      await mkdir(join(this.#worktreesFolder, request.workItem), { recursive: true });
      await runGit(
        ["worktree", "add", "--quiet", "-b", branch, path, baseCommit],
        this.#repository,
      );
      await mkdir(artifactsFolder, { recursive: true });
      return { path, branch, baseCommit, artifactsFolder };
    });
  }

  /** Removes the worktree (and its branch unless keepBranch); safe to call twice. Artifacts stay. */
  async remove(workspace: Workspace, options: { keepBranch?: boolean } = {}): Promise<void> {
    await serializeByRepository(await this.key(), async () => {
      if (existsSync(workspace.path)) {
        await runGit(
          ["worktree", "remove", "--force", "--force", workspace.path],
          this.#repository,
        ).catch(() => {
          // Not (or no longer) a worktree git knows: its files are removed below.
        });
      }
      await runGit(["worktree", "prune"], this.#repository);
      if (!options.keepBranch && (await this.branchExists(workspace.branch))) {
        await runGit(["branch", "--quiet", "-D", workspace.branch], this.#repository);
      }
    });
    // A folder git no longer knows as a worktree (a crashed run) is removed as plain files.
    if (existsSync(workspace.path) && workspace.path.startsWith(`${this.#worktreesFolder}/`)) {
      await rm(workspace.path, { recursive: true, force: true });
    }
  }

  private key(): Promise<string> {
    this.#key ??= repositoryKey(this.#repository);
    return this.#key;
  }

  private async resolveBase(base: string): Promise<string> {
    try {
      const { stdout } = await runGit(
        ["rev-parse", "--verify", "--end-of-options", `${base}^{commit}`],
        this.#repository,
      );
      return stdout.trim();
    } catch (error) {
      throw new ShopfloorError(
        "invalid-argument",
        `${base} is not a commit of ${this.#repository} (a repository needs at least one commit)`,
        { field: "base", cause: error },
      );
    }
  }

  private async branchExists(branch: string): Promise<boolean> {
    try {
      await runGit(["show-ref", "--verify", "--quiet", `refs/heads/${branch}`], this.#repository);
      return true;
    } catch {
      return false;
    }
  }
}

function checkName(value: string, field: string): void {
  if (namePattern.test(value) && !value.endsWith(".lock") && !value.includes("..")) return;
  throw new ShopfloorError(
    "invalid-argument",
    `${field} "${value}" must be letters, digits, ".", "_" or "-", starting with a letter or digit`,
    { field },
  );
}
