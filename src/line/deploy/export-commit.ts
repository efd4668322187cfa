/**
 * A release's own copy of the approved build's code: the commit exported (`git archive`) into a folder
 * of its own under the factory home, so the release keeps running the same code whatever later happens
 * to the item's worktrees and branches. Written to a temporary folder and renamed into place, so a crash
 * never leaves half of one.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { ShopfloorError } from "../../contracts/errors.js";

export async function exportCommit(
  repository: string,
  commit: string,
  directory: string,
): Promise<void> {
  if (existsSync(directory)) return;
  const temporary = `${directory}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  await mkdir(dirname(directory), { recursive: true });
  try {
    await archiveInto(repository, commit, temporary);
    await rename(temporary, directory);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

async function archiveInto(repository: string, commit: string, folder: string): Promise<void> {
  const archive = spawn("git", ["archive", "--format=tar", commit], {
    cwd: repository,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const extract = spawn("tar", ["-x", "-C", folder], { stdio: ["pipe", "ignore", "pipe"] });
  const errors: string[] = [];
  for (const child of [archive, extract]) {
    child.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString("utf8")));
  }
  archive.stdout.pipe(extract.stdin);
  const [archiveCode, extractCode] = await Promise.all([exitOf(archive), exitOf(extract)]);
  if (archiveCode === 0 && extractCode === 0) return;
  throw new ShopfloorError(
    "io-error",
    `cannot export commit ${commit.slice(0, 12)} of ${repository} for its release: ${errors.join("").trim() || `git archive exited ${archiveCode}, tar ${extractCode}`}`,
    { path: repository },
  );
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("error", () => resolve(null));
    child.once("close", (code) => resolve(code));
  });
}
