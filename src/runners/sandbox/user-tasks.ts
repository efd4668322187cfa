/**
 * How many tasks (processes and threads) a user has on this host, read from /proc. RLIMIT_NPROC counts
 * exactly these for the user's real uid, so a sandbox that runs as the calling user (not root) must set its
 * limit to this count plus the processes it allows.
 */
import { readdir, readFile } from "node:fs/promises";

export async function countTasksOfUser(uid: number, procRoot = "/proc"): Promise<number> {
  const entries = await readdir(procRoot);
  const counts = await Promise.all(
    entries.filter((entry) => /^\d+$/.test(entry)).map((pid) => tasksOf(`${procRoot}/${pid}`, uid)),
  );
  return counts.reduce((total, count) => total + count, 0);
}

async function tasksOf(processFolder: string, uid: number): Promise<number> {
  try {
    const status = await readFile(`${processFolder}/status`, "utf8");
    const realUid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
    const threads = /^Threads:\s+(\d+)/m.exec(status)?.[1];
    if (realUid === undefined || Number(realUid) !== uid) return 0;
    return threads === undefined ? 1 : Number(threads);
  } catch {
    // The process ended while we were counting.
    return 0;
  }
}
