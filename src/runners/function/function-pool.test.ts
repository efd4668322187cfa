import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DirectSandbox } from "../../../test/support/direct-sandbox.js";
import {
  closedAfterEachTest,
  functionFixtures,
  mathModule,
} from "../../../test/support/function-pools.js";
import type { Sandbox } from "../sandbox/sandbox.js";
import { FunctionWorkerStartError } from "./errors.js";
import type { FunctionPool } from "./function-pool.js";

const fixtures = functionFixtures;
const math = mathModule;
const createPool = closedAfterEachTest({ size: 2 });

function call(pool: FunctionPool, exportName: string, args: unknown[] = [], module = math) {
  return pool.call({ module, export: exportName, args, timeoutMs: 5_000 });
}

describe("FunctionPool: what calls return", () => {
  it("returns the value of a call, with the export, the arguments and a duration", async () => {
    const observation = await call(createPool(), "add", [2, 3]);
    expect(observation).toMatchObject({
      kind: "function",
      export: "add",
      args: [2, 3],
      returned: 5,
    });
    expect(observation.threw).toBeUndefined();
    expect(observation.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("awaits async functions", async () => {
    const observation = await call(createPool(), "slow", [20, "done"]);
    expect(observation.returned).toBe("done");
    expect(observation.durationMs).toBeGreaterThanOrEqual(15);
  });

  it("reports thrown errors and rejections with their name, message and stack", async () => {
    const pool = createPool();
    const divided = await call(pool, "divide", [1, 0]);
    expect(divided.threw).toMatchObject({ name: "RangeError", message: "cannot divide by zero" });
    expect(divided.threw?.stack).toContain("divide");
    expect(divided).not.toHaveProperty("returned");
    expect((await call(pool, "rejects", ["nope"])).threw).toMatchObject({
      name: "TypeError",
      message: "nope",
    });
    expect((await call(pool, "throwsString")).threw).toEqual({
      name: "ThrownValue",
      message: 'a non-error value was thrown: "plain string"',
    });
  });

  it("hands a prototype-pollution probe to the function as sent: __proto__ an own key", async () => {
    const probe = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}');
    const observation = await call(createPool(), "ownKeys", [probe]);
    expect(observation.returned).toEqual({ keys: ["__proto__", "name"], polluted: false });
  });

  it("calls exports of CommonJS modules", async () => {
    const pool = createPool();
    const legacy = `${fixtures}legacy.cjs`;
    expect((await call(pool, "greet", ["ada"], legacy)).returned).toBe("hello, ada");
    expect((await call(pool, "shout", ["hey"], legacy)).returned).toBe("HEY");
  });

  it("tags values JSON cannot carry, both ways", async () => {
    const pool = createPool();
    expect((await call(pool, "returnsUndefined")).returned).toEqual({ $undefined: true });
    expect((await call(pool, "returnsBigInt")).returned).toEqual({
      $bigint: "1180591620717411303424",
    });
    expect((await call(pool, "returnsCycle")).returned).toEqual({
      name: "root",
      self: { $circular: true },
    });
    const echoed = await call(pool, "echo", [undefined, 5n, Number.NaN, { $undefined: true }]);
    expect(echoed.returned).toEqual([
      { $undefined: true },
      { $bigint: "5" },
      { $number: "NaN" },
      { $undefined: true },
    ]);
    const kinds = await call(pool, "describeArguments", [
      undefined,
      5n,
      Number.NaN,
      null,
      { $bigint: "1" },
    ]);
    expect(kinds.returned).toEqual(["undefined", "bigint", "number", "null", "bigint"]);
  });

  it("answers a module or export it cannot call with a clear ShopfloorWorkerError", async () => {
    const pool = createPool();
    const missingModule = await call(pool, "add", [], `${fixtures}missing.mjs`);
    expect(missingModule.threw?.name).toBe("ShopfloorWorkerError");
    expect(missingModule.threw?.message).toContain(
      `the module ${fixtures}missing.mjs could not be imported`,
    );
    const broken = await call(pool, "anything", [], `${fixtures}broken.mjs`);
    expect(broken.threw?.message).toContain("Error: broken at import time");
    const missingExport = await call(pool, "subtract");
    expect(missingExport.threw?.message).toMatch(
      /has no export named "subtract" \(its exports: add, .*divide/,
    );
    const notAFunction = await call(pool, "notAFunction");
    expect(notAFunction.threw).toEqual({
      name: "ShopfloorWorkerError",
      message: `the export "notAFunction" of ${math} is number, not a function`,
    });
  });
});

describe("FunctionPool: many calls", () => {
  it.each([1, 8])(
    "answers 2,000 concurrent calls exactly once each, with their own results (%i in flight per worker)",
    async (maxInFlightPerWorker) => {
      const pool = createPool({ maxInFlightPerWorker });
      const answers = new Map<number, unknown>();
      let duplicates = 0;
      await Promise.all(
        Array.from({ length: 2_000 }, async (_, index) => {
          const observation = await call(pool, "add", [index, index]);
          if (answers.has(index)) duplicates += 1;
          answers.set(index, observation.returned);
        }),
      );
      expect(duplicates).toBe(0);
      expect(answers.size).toBe(2_000);
      for (const [index, returned] of answers) expect(returned).toBe(2 * index);
      expect(pool.processIds.length).toBeLessThanOrEqual(2);
    },
  );

  it("starts workers lazily, through the sandbox, with the worker script readable", async () => {
    const sandbox = new DirectSandbox();
    const pool = createPool({ sandbox, size: 4, readOnlyPaths: ["/shared/node_modules"] });
    expect(pool.processIds).toEqual([]);
    await call(pool, "add", [1, 1]);
    expect(sandbox.requests).toHaveLength(1);
    const [request] = sandbox.requests;
    expect(request?.argv).toEqual([
      process.execPath,
      expect.stringMatching(/runtime\/function-worker\.mjs$/),
    ]);
    expect(request?.workDirectory).toBe(fixtures);
    expect(request?.readOnlyPaths).toContain("/shared/node_modules");
    expect(request?.readOnlyPaths).toContain(
      fileURLToPath(new URL("../../../runtime", import.meta.url)),
    );
  });
});

describe("FunctionPool: workers that cannot start", () => {
  it("rejects waiting calls when the sandbox refuses", async () => {
    const refusing: Sandbox = {
      name: "bubblewrap",
      isolating: true,
      prepare: () => Promise.reject(new Error("bwrap: no permission")),
    };
    const pool = createPool({ sandbox: refusing });
    const failure = call(pool, "add", [1, 2]);
    await expect(failure).rejects.toThrow(FunctionWorkerStartError);
    await expect(failure).rejects.toThrow("bwrap: no permission");
  });

  it("rejects waiting calls when node cannot be run", async () => {
    const pool = createPool({ nodePath: "/nonexistent/node" });
    await expect(call(pool, "add", [1, 2])).rejects.toThrow(/could not be started: .*ENOENT/);
  });

  it("rejects waiting calls, with the worker's stderr, when it dies before it is ready", async () => {
    const pool = createPool({ workerScript: `${fixtures}broken.mjs` });
    const failure = call(pool, "add", [1, 2]);
    await expect(failure).rejects.toThrow(
      /exited with code 1 before it was ready; .*\n(.*\n)*.*broken at import time/,
    );
  });

  it("refuses a pool without workers, a call without a timeout, arguments it cannot send", async () => {
    expect(() => createPool({ size: 0 })).toThrow("size");
    const pool = createPool();
    await expect(
      pool.call({ module: math, export: "add", args: [], timeoutMs: 0 }),
    ).rejects.toThrow("timeoutMs");
    const unreadable = {
      get value(): number {
        throw new Error("no reading me");
      },
    };
    await expect(call(pool, "echo", [unreadable])).rejects.toThrow(
      "the arguments cannot be sent to a worker: no reading me",
    );
  });
});
