/**
 * Several real processes saving versions of one suite at the same time: the lock file and the atomic
 * index must keep every version. The children run the store's TypeScript source through Vite's module
 * runner (test/support/run-typescript.mjs).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SuiteStore } from "./suite-store.js";

const launcher = fileURLToPath(
  new URL("../../../test/support/run-typescript.mjs", import.meta.url),
);
const child = fileURLToPath(
  new URL("../../../test/fixtures/processes/save-suites.ts", import.meta.url),
);
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "shopfloor-store-processes-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function runChild(home: string, worker: number, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const childProcess = spawn(process.execPath, [
      launcher,
      child,
      home,
      String(worker),
      String(count),
    ]);
    let stdout = "";
    let stderr = "";
    childProcess.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    childProcess.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    childProcess.on("error", reject);
    childProcess.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as string[]);
      else reject(new Error(`child ${worker} exited with ${code}: ${stderr}`));
    });
  });
}

describe("SuiteStore across processes", () => {
  it("keeps every version when several processes save at once", async () => {
    const home = join(folder, "home");
    const workers = [0, 1, 2, 3, 4, 5];
    const saved = (await Promise.all(workers.map((worker) => runChild(home, worker, 5)))).flat();
    expect(new Set(saved).size).toBe(30);
    const listed = await new SuiteStore({ home, now: () => new Date() }).list("shared");
    expect(new Set(listed.map((entry) => entry.version))).toEqual(new Set(saved));
    expect(listed.filter((entry) => entry.current)).toHaveLength(1);
  }, 60_000);
});
