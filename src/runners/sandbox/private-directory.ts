/**
 * The private folder of one sandboxed command, on the host: `home` (its $HOME and $TMPDIR, writable),
 * `endpoint` (where the port bridge puts its socket), `host-only` (never bound into the sandbox: where the
 * runner's link to that socket lives) and room for a copy of the bridge script. When the sandbox runs as
 * another user, that user owns `home` and `endpoint`, and the folder above can only be searched.
 */
import { chmod, chown, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { SandboxUser } from "./limit-wrapper.js";

export interface PrivateDirectory {
  base: string;
  home: string;
  endpoint: string;
  hostOnly: string;
  /** Removes everything, even files the sandboxed code made unwritable. Safe to call twice. */
  remove(): Promise<void>;
}

export async function createPrivateDirectory(
  makeTemporaryDirectory: () => Promise<string>,
  owner: SandboxUser | undefined,
): Promise<PrivateDirectory> {
  const base = await makeTemporaryDirectory();
  const home = join(base, "home");
  const endpoint = join(base, "endpoint");
  const hostOnly = join(base, "host-only");
  const privateDirectory = { base, home, endpoint, hostOnly, remove: () => removeDirectory(base) };
  try {
    await mkdir(hostOnly, { mode: 0o700 });
    for (const folder of [home, endpoint]) {
      await mkdir(folder, { mode: 0o700 });
      if (owner !== undefined) await chown(folder, owner.uid, owner.gid);
    }
    await chmod(base, owner === undefined ? 0o700 : 0o711);
    return privateDirectory;
  } catch (error) {
    await privateDirectory.remove();
    throw error;
  }
}

async function removeDirectory(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch {
    // The code may have left folders without write permission; its owner can still restore it.
    await makeWritable(path);
    await rm(path, { recursive: true, force: true });
  }
}

async function makeWritable(folder: string): Promise<void> {
  await chmod(folder, 0o700).catch(() => undefined);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory()) await makeWritable(join(folder, entry.name));
  }
}
