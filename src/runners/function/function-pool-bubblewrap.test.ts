import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { describeWithBubblewrap } from "../../../test/support/describe-with-bubblewrap.js";
import { eventually, processesCarrying } from "../../../test/support/sandbox-test-support.js";
import { BubblewrapSandbox } from "../sandbox/bubblewrap-sandbox.js";
import { FunctionPool } from "./function-pool.js";

const fixtures = fileURLToPath(
  new URL("../../../test/fixtures/function-modules/", import.meta.url),
);
const math = `${fixtures}math.mjs`;

const pools: FunctionPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function createPool(env: Record<string, string> = {}): FunctionPool {
  const pool = new FunctionPool({
    sandbox: new BubblewrapSandbox(),
    size: 1,
    workDirectory: fixtures,
    env,
  });
  pools.push(pool);
  return pool;
}

function call(pool: FunctionPool, exportName: string, args: unknown[] = [], timeoutMs = 10_000) {
  return pool.call({ module: math, export: exportName, args, timeoutMs });
}

describeWithBubblewrap("FunctionPool in bubblewrap", () => {
  it("calls exports, with responses on file descriptor 3 through the sandbox", async () => {
    const pool = createPool();
    expect((await call(pool, "add", [2, 3])).returned).toBe(5);
    expect((await call(pool, "logsNoise", [100])).returned).toBe("quiet result");
    expect((await call(pool, "divide", [1, 0])).threw?.name).toBe("RangeError");
  });

  it("kills the whole sandbox on a timeout and serves the next call from a new one", async () => {
    const marker = `function-pool-${process.pid}-${Date.now()}`;
    const pool = createPool({ SHOPFLOOR_TEST_MARKER: marker });
    await call(pool, "add", [1, 1]);
    expect(await processesCarrying(marker)).not.toEqual([]);
    expect((await call(pool, "busyLoop", [], 300)).threw?.name).toBe("TrialTimeout");
    // The worker inside the sandbox is not our child: it dies with bubblewrap, reaped by the namespace.
    expect(
      await eventually(async () => (await processesCarrying(marker)).length === 0, 2_000),
    ).toBe(true);
    expect((await call(pool, "add", [2, 3])).returned).toBe(5);
  });

  it("reports process.exit as a crash", async () => {
    const pool = createPool();
    expect((await call(pool, "exitsProcess")).threw?.message).toContain("exited with code 3");
    expect((await call(pool, "add", [2, 3])).returned).toBe(5);
  });
});
