/**
 * What the sandbox costs per started target: prepare a command, spawn it, wait for it to exit, clean up.
 * The p50 over many starts of `true` is compared with the target of 20 ms.
 */
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Sandbox } from "../src/runners/sandbox/sandbox.js";
import { percentile } from "../src/stats/index.js";

const starts = 50;
const targetMilliseconds = 20;

export async function runSandboxStartBenchmark(
  print: (line: string) => void,
  sandbox: Sandbox,
): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), "shopfloor-bench-sandbox-"));
  await chmod(folder, 0o755);
  const durations: number[] = [];
  try {
    for (let index = 0; index < starts + 3; index += 1) {
      const started = performance.now();
      const prepared = await sandbox.prepare({ argv: ["true"], workDirectory: folder, env: {} });
      const [command, ...args] = prepared.argv;
      if (command === undefined) throw new Error("empty command");
      await new Promise<void>((exited, fail) => {
        const child = spawn(command, args, {
          cwd: prepared.cwd,
          env: prepared.env,
          stdio: "ignore",
        });
        child.once("error", fail);
        child.once("close", (code) =>
          code === 0 ? exited() : fail(new Error(`the sandboxed command exited with ${code}`)),
        );
      });
      await prepared.cleanup();
      if (index >= 3) durations.push(performance.now() - started); // the first starts warm the caches
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const p50 = percentile(durations, 0.5);
  print(
    `sandbox start (${sandbox.name}): prepare + spawn + exit + cleanup of \`true\`, ${starts} starts`,
  );
  print(
    `  p50 ${p50.toFixed(1)} ms, p95 ${percentile(durations, 0.95).toFixed(1)} ms   (target p50 ≤ ${targetMilliseconds} ms: ${p50 <= targetMilliseconds ? "met" : "NOT met"})`,
  );
}
