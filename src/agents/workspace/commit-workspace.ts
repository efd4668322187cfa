/**
 * Committing what an agent left in its worktree: everything staged (ignored files excepted) and
 * committed under shopfloor's own identity. What changed is measured against the workspace's base
 * commit, so an agent that committed on its own is counted the same as one that did not.
 */
import type { Workspace } from "../agent.js";
import { runGit, shopfloorIdentity } from "./git-command.js";
import { repositoryKey } from "./repository-key.js";
import { serializeByRepository } from "./repository-queue.js";

export interface WorkspaceCommit {
  /** The branch's head when it differs from the base commit; absent when nothing changed. */
  commit?: string;
  /** Paths (relative to the worktree) that differ from the base commit. */
  filesChanged: string[];
}

export interface CommitOptions {
  /** Paths (git pathspecs, e.g. `.aider*`) left out of the commit: an agent's caches. */
  exclude?: readonly string[];
}

/** Stages everything in the worktree and commits it; no commit when nothing changed. */
export async function commitWorkspace(
  workspace: Workspace,
  message: string,
  options: CommitOptions = {},
): Promise<WorkspaceCommit> {
  const key = await repositoryKey(workspace.path);
  const excluded = (options.exclude ?? []).map((pattern) => `:(exclude)${pattern}`);
  return serializeByRepository(key, async () => {
    await runGit(["add", "--all", "--", ".", ...excluded], workspace.path);
    if (await hasStagedChanges(workspace)) {
      await runGit(
        [
          "-c",
          `user.name=${shopfloorIdentity.name}`,
          "-c",
          `user.email=${shopfloorIdentity.email}`,
          "-c",
          "commit.gpgsign=false",
          "-c",
          "gc.auto=0",
          "-c",
          "maintenance.auto=false",
          "commit",
          "--quiet",
          "--no-verify",
          "--allow-empty-message",
          "--message",
          message,
        ],
        workspace.path,
      );
    }
    const head = (await runGit(["rev-parse", "HEAD"], workspace.path)).stdout.trim();
    if (head === workspace.baseCommit) return { filesChanged: [] };
    const { stdout } = await runGit(
      ["diff", "--name-only", "-z", "--no-renames", workspace.baseCommit, head],
      workspace.path,
    );
    return { commit: head, filesChanged: stdout.split("\0").filter((path) => path !== "") };
  });
}

async function hasStagedChanges(workspace: Workspace): Promise<boolean> {
  try {
    await runGit(["diff", "--cached", "--quiet"], workspace.path, { attempts: 1 });
    return false;
  } catch {
    return true;
  }
}
