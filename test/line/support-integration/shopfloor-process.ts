/**
 * The built `shopfloor` command as a real OS process, for the line's integration tests (dist/ is built
 * once before the tests, by test/build-once.ts): running the command to its end, starting it in its own process group (so that a test can
 * SIGKILL the orchestrator and everything it started), polling for a condition with a deadline, and
 * finding processes that outlived a kill.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";

export const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const bin = fileURLToPath(new URL("../../../bin/shopfloor.js", import.meta.url));

export interface ShopfloorExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ShopfloorProcess {
  child: ChildProcess;
  pid: number;
  /** Settles when the process has exited and its output is read. */
  exited: Promise<ShopfloorExit>;
}

/**
 * Starts `shopfloor ARGS` in `cwd`, leader of a new process group; SHOPFLOOR_HOME is removed from its
 * environment so only `--home` chooses the factory home.
 */
export function startShopfloor(args: readonly string[], cwd: string): ShopfloorProcess {
  const environment = { ...process.env };
  delete environment.SHOPFLOOR_HOME;
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: environment,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`shopfloor ${args.join(" ")} did not start`);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<ShopfloorExit>((settle, fail) => {
    child.on("error", fail);
    child.on("close", (exitCode, signal) => settle({ exitCode, signal, stdout, stderr }));
  });
  return { child, pid: child.pid, exited };
}

/** Runs `shopfloor ARGS` in `cwd` to its end. */
export function runShopfloor(args: readonly string[], cwd: string): Promise<ShopfloorExit> {
  return startShopfloor(args, cwd).exited;
}

/** Whether any process of the group led by `groupId` is still there. */
export function isGroupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Processes (not this one) working under `folder`, e.g. a factory home: their command line names a path
 * in it, or their working directory is in it (a build's server started in its worktree).
 */
export function processesUnder(folder: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const directory = readlinkSync(`/proc/${entry}/cwd`);
      const inside = (path: string) => path === folder || path.startsWith(`${folder}/`);
      if (inside(directory) || commandLine.some((argument) => argument.includes(folder))) {
        found.push(pid);
      }
    } catch {
      // The process ended meanwhile, or is not ours to read: it does not work for the line.
    }
  }
  return found;
}

/**
 * Calls `probe` every `intervalMs` until it returns a value; throws, saying what was awaited and what
 * the last probe saw, when `deadlineMs` has passed. The test waits on the system, never on a clock.
 */
export async function pollUntil<Value>(
  what: string,
  probe: () => Value | undefined,
  options: { deadlineMs: number; intervalMs?: number; seen?: () => string },
): Promise<Value> {
  const deadline = Date.now() + options.deadlineMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const seen = options.seen === undefined ? "" : `; last seen: ${options.seen()}`;
      throw new Error(`gave up after ${options.deadlineMs} ms waiting for ${what}${seen}`);
    }
    await delay(options.intervalMs ?? 5);
  }
}
