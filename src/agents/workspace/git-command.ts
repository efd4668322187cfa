/**
 * Running git for the workspaces: argument arrays (never a shell), an environment that cannot point git
 * at another repository, and retries when another process holds one of git's lock files.
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { ShopfloorError } from "../../contracts/errors.js";

export interface GitResult {
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  /** How many times a command that met a lock file held by another process is tried in all. */
  attempts?: number;
  /** Waits between attempts; injected by tests. */
  wait?: (milliseconds: number) => Promise<void>;
}

/** Variables that would make git work on some other repository, index or identity than ours. */
const overriddenVariables = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_COMMON_DIR",
  "GIT_OBJECT_DIRECTORY",
  "GIT_CEILING_DIRECTORIES",
];

/** The identity of every commit shopfloor makes, so commits work on a machine with no git identity. */
export const shopfloorIdentity = { name: "shopfloor", email: "shopfloor@localhost" } as const;

const lockPattern =
  /index\.lock|\.lock': File exists|Unable to create '[^']*\.lock'|cannot lock ref|could not lock|is locked/i;

export function isLockError(stderr: string): boolean {
  return lockPattern.test(stderr);
}

/** Runs `git <args>` in `cwd`; throws a ShopfloorError naming the command and git's own message. */
export async function runGit(
  args: readonly string[],
  cwd: string,
  options: GitOptions = {},
): Promise<GitResult> {
  const attempts = options.attempts ?? 20;
  const wait = options.wait ?? delay;
  for (let attempt = 1; ; attempt += 1) {
    const result = await spawnGit(args, cwd);
    if (result.exitCode === 0) return result;
    const retryable = isLockError(result.stderr);
    if (!retryable || attempt >= attempts) {
      throw new ShopfloorError(
        "io-error",
        `git ${args.join(" ")} failed in ${cwd}: ${result.stderr.trim() || `exit code ${result.exitCode}`}`,
        { path: cwd, retryable },
      );
    }
    await wait(Math.min(25 * attempt, 250));
  }
}

function gitEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of overriddenVariables) delete environment[name];
  environment.GIT_TERMINAL_PROMPT = "0";
  environment.LC_ALL = "C";
  return environment;
}

function spawnGit(
  args: readonly string[],
  cwd: string,
): Promise<GitResult & { exitCode: number | null }> {
  return new Promise((settle, fail) => {
    const child = spawn("git", [...args], { cwd, env: gitEnvironment(), stdio: "pipe" });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.stdin.end();
    child.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" && !isMissingDirectoryError(cwd)) {
        fail(
          new ShopfloorError("invalid-config", "git is not installed: install git", {
            cause: error,
          }),
        );
        return;
      }
      fail(
        new ShopfloorError("io-error", `cannot run git in ${cwd}: ${error.message}`, {
          path: cwd,
          cause: error,
        }),
      );
    });
    child.once("close", (exitCode) =>
      settle({
        exitCode,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
  });
}

/** spawn reports a missing cwd as ENOENT too; tell the two apart so the message is right. */
function isMissingDirectoryError(cwd: string): boolean {
  try {
    return !statSync(cwd).isDirectory();
  } catch {
    return true;
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((settle) => setTimeout(settle, milliseconds));
}
