/**
 * A lock file per suite so that two processes changing the same suite's index one after the other lose
 * nothing. The lock is created with O_EXCL (only one creator can succeed); it holds its creator's pid and
 * time, and a lock older than 30 seconds is taken to be left by a crashed process and removed.
 */
import { open, readFile, rm, stat } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { ShopfloorError } from "../../contracts/errors.js";
import { privateFileMode } from "./atomic-file.js";

export const staleLockMs = 30_000;
const firstWaitMs = 2;
const longestWaitMs = 50;
// Long enough for a stale lock to be recognised with a real clock; a bound for a frozen test clock.
const maximumAttempts = 2_000;

export interface LockOptions {
  now(): Date;
}

export async function withLock<T>(
  lockFile: string,
  options: LockOptions,
  work: () => Promise<T>,
): Promise<T> {
  await acquire(lockFile, options);
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

async function acquire(lockFile: string, options: LockOptions): Promise<void> {
  let waitMs = firstWaitMs;
  for (let attempt = 0; attempt < maximumAttempts; attempt += 1) {
    if (await tryCreate(lockFile, options.now())) return;
    if (await isStale(lockFile, options.now())) {
      // Two waiters that both judge it stale may both remove it, the second removing the lock the first
      // just made; that needs a crash first and two waiters within one create, and is accepted.
      await rm(lockFile, { force: true });
      continue;
    }
    // Waiting for another process is the point of a lock; the jitter keeps waiters from marching in step.
    await delay(waitMs + Math.floor(Math.random() * waitMs));
    waitMs = Math.min(longestWaitMs, waitMs * 2);
  }
  throw new ShopfloorError(
    "io-error",
    `the suite store is locked by ${lockFile}; if no shopfloor command is running, remove that file`,
    { path: lockFile, retryable: true },
  );
}

async function tryCreate(lockFile: string, now: Date): Promise<boolean> {
  try {
    const handle = await open(lockFile, "wx", privateFileMode);
    try {
      await handle.writeFile(JSON.stringify({ pid: process.pid, createdAt: now.toISOString() }));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new ShopfloorError("io-error", `cannot create the lock ${lockFile}: ${String(error)}`, {
      path: lockFile,
      cause: error,
    });
  }
}

async function isStale(lockFile: string, now: Date): Promise<boolean> {
  try {
    const text = await readFile(lockFile, "utf8");
    const written = Date.parse((JSON.parse(text) as { createdAt?: string }).createdAt ?? "");
    if (Number.isFinite(written)) return now.getTime() - written >= staleLockMs;
  } catch {
    // Gone, being written, or not ours: judged by the file's own time below.
  }
  try {
    // The file's time is the wall clock's, so it is compared with the wall clock, not the injected one.
    return Date.now() - (await stat(lockFile)).mtimeMs >= staleLockMs;
  } catch {
    return false;
  }
}
