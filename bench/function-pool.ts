/**
 * Function-call throughput: trivial calls per second through the pool of sandboxed workers (size 2, 16
 * callers), one call in flight per worker and pipelined, against the target of 5,000 calls/s on 2 cores.
 * Also prints how long the first call takes, which includes starting a worker in the sandbox.
 */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { FunctionPool } from "../src/runners/function/index.js";
import type { Sandbox } from "../src/runners/sandbox/sandbox.js";

const callCount = 20_000;
const callerCount = 16;
const targetCallsPerSecond = 5_000;

export async function runFunctionPoolBenchmark(
  print: (line: string) => void,
  sandbox: Sandbox,
): Promise<void> {
  // A folder every user can read: bubblewrap runs the code as nobody when shopfloor runs as root.
  const folder = await mkdtemp(join(tmpdir(), "shopfloor-bench-function-"));
  const module = join(folder, "add.mjs");
  try {
    await chmod(folder, 0o755);
    await writeFile(module, "export function add(left, right) { return left + right; }\n");
    print(
      `function pool throughput (sandbox ${sandbox.name}, size 2, ${callerCount} callers, ${callCount} calls of add)`,
    );
    for (const maxInFlightPerWorker of [1, 8]) {
      await measure(print, sandbox, folder, module, maxInFlightPerWorker);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function measure(
  print: (line: string) => void,
  sandbox: Sandbox,
  folder: string,
  module: string,
  maxInFlightPerWorker: number,
): Promise<void> {
  const pool = new FunctionPool({ sandbox, size: 2, workDirectory: folder, maxInFlightPerWorker });
  try {
    const coldStart = performance.now();
    await pool.call({ module, export: "add", args: [1, 2], timeoutMs: 10_000 });
    const firstCallMs = performance.now() - coldStart;
    // Start both workers before timing.
    await Promise.all(
      Array.from({ length: callerCount }, () =>
        pool.call({ module, export: "add", args: [1, 2], timeoutMs: 10_000 }),
      ),
    );
    let next = 0;
    let wrong = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: callerCount }, async () => {
        while (next < callCount) {
          const index = next;
          next += 1;
          const observation = await pool.call({
            module,
            export: "add",
            args: [index, 1],
            timeoutMs: 10_000,
          });
          if (observation.returned !== index + 1) wrong += 1;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1_000;
    const callsPerSecond = Math.round(callCount / seconds);
    const verdict = callsPerSecond >= targetCallsPerSecond ? "meets" : "MISSES";
    print(
      `  ${maxInFlightPerWorker} in flight per worker: ${callsPerSecond.toLocaleString("en-US").padStart(7)} calls/s ` +
        `(${verdict} the target of ≥ ${targetCallsPerSecond.toLocaleString("en-US")}/s), first call ${firstCallMs.toFixed(0)} ms` +
        (wrong > 0 ? `, ${wrong} WRONG RESULTS` : ""),
    );
  } finally {
    await pool.close();
  }
}
