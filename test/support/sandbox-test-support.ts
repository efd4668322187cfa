/**
 * Test support for sandbox tests with real processes: fixture folders other users can read (the sandbox
 * runs as nobody under root), starting a prepared command, and finding every process that still carries a
 * test's marker in its environment or command line, wherever in the process tree it is.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { chmod, mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SandboxedCommand } from "../../src/runners/sandbox/sandbox.js";

/** A fresh folder under the system temp dir, readable by every user (mkdtemp makes it 0700). */
export async function makeReadableFixture(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "shopfloor-sandbox-test-"));
  await chmod(root, 0o755);
  return root;
}

export interface StartedCommand {
  child: ChildProcessWithoutNullStreams;
  output(): { stdout: string; stderr: string };
  exited: Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>;
}

export function startSandboxed(command: SandboxedCommand): StartedCommand {
  const [program = "", ...programArguments] = command.argv;
  const child = spawn(program, programArguments, {
    cwd: command.cwd,
    env: command.env,
    detached: true,
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>(
    (resolve) => child.once("exit", (exitCode, signal) => resolve({ exitCode, signal })),
  );
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Host pids of processes whose environment or command line contains `marker`. */
export async function processesCarrying(marker: string): Promise<number[]> {
  const pids = (await readdir("/proc")).filter((entry) => /^\d+$/.test(entry));
  const carrying = await Promise.all(
    pids.map(async (pid) => {
      if (Number(pid) === process.pid) return undefined;
      const texts = await Promise.all(
        ["environ", "cmdline"].map((file) =>
          readFile(`/proc/${pid}/${file}`, "latin1").catch(() => ""),
        ),
      );
      return texts.some((text) => text.includes(marker)) ? Number(pid) : undefined;
    }),
  );
  return carrying.filter((pid) => pid !== undefined);
}

/** Polls until `condition` holds, for real processes the test cannot be told about; false at the deadline. */
export async function eventually(
  condition: () => Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}
