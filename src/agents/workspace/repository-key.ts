/**
 * Which repository a path belongs to, as one string for every worktree of it: the real path of its
 * common git directory. Operations are serialized by this key.
 */
import { realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { runGit } from "./git-command.js";

export async function repositoryKey(path: string): Promise<string> {
  const { stdout } = await runGit(["rev-parse", "--git-common-dir"], path);
  const commonDirectory = resolve(path, stdout.trim());
  return realpath(commonDirectory);
}
