/**
 * Runs a prepared command to its end and collects what it printed. It is spawned detached, as the port asks,
 * so that its whole process group is killed when it runs longer than allowed. Output beyond a cap is dropped:
 * sandboxed code may print without end.
 */

import { spawn } from "node:child_process";
import { killProcessGroup } from "../process-group.js";
import type { SandboxedCommand } from "./sandbox.js";

export interface CompletedRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  timeoutMs: number;
  stdin?: string;
  maximumOutputBytes?: number;
  spawnProcess?: typeof spawn;
}

export function runToCompletion(
  command: Pick<SandboxedCommand, "argv" | "env" | "cwd">,
  options: RunOptions,
): Promise<CompletedRun> {
  const [program = "", ...programArguments] = command.argv;
  const maximumOutputBytes = options.maximumOutputBytes ?? 1024 * 1024;
  const child = (options.spawnProcess ?? spawn)(program, programArguments, {
    cwd: command.cwd,
    env: command.env,
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const collect = (chunks: Buffer[]) => {
    let keptBytes = 0;
    return (chunk: Buffer) => {
      if (keptBytes >= maximumOutputBytes) return;
      chunks.push(chunk);
      keptBytes += chunk.length;
    };
  };
  child.stdout.on("data", collect(stdout));
  child.stderr.on("data", collect(stderr));
  child.stdin.on("error", () => undefined);
  child.stdin.end(options.stdin ?? "");
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killProcessGroup(child.pid);
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        timedOut,
      });
    });
  });
}

/** SIGKILLs a detached child's process group; a group that is already gone is not an error. */
