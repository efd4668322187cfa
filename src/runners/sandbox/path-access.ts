/**
 * Whether the sandbox user could read a bound path: the path itself must let that user read it (and search
 * it, if it is a folder). The folders above it do not matter: bubblewrap binds the path as root, and inside
 * the sandbox its parents are folders bubblewrap made. shopfloor checks this first to name the path at fault
 * instead of failing later. POSIX permission bits only; ACLs are not consulted.
 */
import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import type { SandboxUser } from "./limit-wrapper.js";

export type StatPath = (
  path: string,
) => Promise<Pick<Stats, "mode" | "uid" | "gid" | "isDirectory">>;

const read = 4;
const search = 1;

/** The path itself when `user` cannot read it, else undefined. */
export async function firstBlockingPath(
  path: string,
  user: SandboxUser,
  statPath: StatPath = stat,
): Promise<string | undefined> {
  const status = await statPath(path);
  return allows(status, user, status.isDirectory() ? read | search : read) ? undefined : path;
}

function allows(
  status: Pick<Stats, "mode" | "uid" | "gid">,
  user: SandboxUser,
  wanted: number,
): boolean {
  const shift = status.uid === user.uid ? 6 : status.gid === user.gid ? 3 : 0;
  return ((status.mode >> shift) & wanted) === wanted;
}
