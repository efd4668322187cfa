/**
 * Keeps the port bridge's socket out of the sandboxed code's reach. The bridge has to create its socket in a
 * folder the sandbox can write, so the code could swap it for a symbolic link to a host socket, which the
 * runner, outside, would follow. So as soon as a socket appears there, the host hard-links it into a folder
 * only the host sees, and the runner connects to that link: it reaches the same listening socket, whatever
 * the code later does to the original name. Links and other files are never pinned.
 */
import { watch } from "node:fs";
import { link, lstat, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";

export interface SocketPin {
  /** Where the runner connects: exists once the socket is pinned. */
  pinnedPath: string;
  /** Stops watching; call at cleanup. */
  stop(): void;
}

export function pinSocket(sourcePath: string, pinnedPath: string): SocketPin {
  let done = false;
  let running = false;
  let rerun = false;
  const attempt = async (): Promise<void> => {
    if (done) return;
    if (running) {
      rerun = true;
      return;
    }
    running = true;
    try {
      done = await pinOnce(sourcePath, pinnedPath);
      if (done) watcher.close();
    } finally {
      running = false;
      if (rerun && !done) {
        rerun = false;
        void attempt();
      }
    }
  };
  const watcher = watch(dirname(sourcePath), { persistent: false }, () => void attempt());
  watcher.on("error", () => undefined);
  void attempt();
  return {
    pinnedPath,
    stop: () => {
      done = true;
      watcher.close();
    },
  };
}

/**
 * link(2) does not follow a symbolic link: a swapped-in link is linked as a link, seen, and removed. The
 * link is made under a scratch name and renamed into place only once it is known to be a socket, so the
 * pinned path never holds anything else, not even for a moment.
 */
export async function pinOnce(sourcePath: string, pinnedPath: string): Promise<boolean> {
  const candidate = `${pinnedPath}.candidate`;
  await unlink(candidate).catch(() => undefined);
  try {
    await link(sourcePath, candidate);
  } catch {
    return false;
  }
  const linked = await lstat(candidate).catch(() => undefined);
  if (!linked?.isSocket()) {
    await unlink(candidate).catch(() => undefined);
    return false;
  }
  await rename(candidate, pinnedPath);
  return true;
}
