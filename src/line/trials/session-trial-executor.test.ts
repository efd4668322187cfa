/**
 * The session executor against a real http build: a tiny node service in a temporary worktree, started
 * with its package.json `scripts.start`, once without a sandbox and once in bubblewrap.
 */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithBubblewrap } from "../../../test/support/describe-with-bubblewrap.js";
import { ShopfloorError } from "../../contracts/errors.js";
import { type Scenario, type Suite, SuiteHeader } from "../../contracts/scenario.js";
import { HttpServiceModel, type Spec } from "../../contracts/spec.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { BubblewrapSandbox } from "../../runners/sandbox/bubblewrap-sandbox.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import type { Sandbox } from "../../runners/sandbox/sandbox.js";
import { SessionTrialExecutor } from "./session-trial-executor.js";
import type { TrialExecution } from "./trial-executor.js";

/** /fast answers at once, /slow never, /crash ends the process, /write tries to write the worktree. */
const serverScript = `
import { createServer } from "node:http";
import { writeFileSync } from "node:fs";
createServer((request, response) => {
  const path = new URL(request.url, "http://localhost").pathname;
  const send = (status, body) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (path === "/ready") return send(200, { ok: true });
  if (path.startsWith("/fast/")) return send(200, { item: path.slice(6) });
  if (path === "/slow") return;
  if (path === "/crash") process.exit(3);
  if (path === "/write") {
    try {
      writeFileSync("written.txt", "x");
      return send(200, { written: true });
    } catch (error) {
      return send(200, { written: false, code: error.code });
    }
  }
  send(404, { error: "not found" });
}).listen(Number(process.env.PORT), process.env.HOST);
`;

const spec: Spec = {
  source: "ready.md",
  hash: "h",
  frontMatter: { name: "ready", kind: "http-service" },
  title: "ready",
  prose: [],
  criteria: [],
  model: {
    kind: "http-service",
    model: HttpServiceModel.parse({
      entities: { item: { fields: { name: "string" } } },
      http: { health: "/ready" },
    }),
  },
};

function scenario(id: string, path: string, expectations: Scenario["steps"][0]["expect"] = []) {
  return {
    id,
    category: "normal",
    title: id,
    tags: [],
    steps: [{ request: { method: "GET", path }, expect: expectations }],
  } as Scenario;
}

function fastScenarios(count: number): Scenario[] {
  return Array.from({ length: count }, (_, index) =>
    scenario(`fast-${index + 1}`, `/fast/${index + 1}`, [{ status: 200 }]),
  );
}

function suiteOf(scenarios: Scenario[]): Suite {
  const header = SuiteHeader.parse({ name: "ready", version: "1", target: "http" });
  // The stored suite's folder does not exist: the executor must never need it.
  return { header, scenarios, folder: "/nonexistent/holdout-suites/ready" };
}

async function makeWorktree(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "shopfloor-trials-"));
  await chmod(folder, 0o755);
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  return folder;
}

const buildFiles = {
  "package.json": JSON.stringify({ name: "ready", scripts: { start: "node server.mjs" } }),
  "server.mjs": serverScript,
};

function execution(
  workspacePath: string,
  scenarios: Scenario[],
  overrides: Partial<TrialExecution> = {},
): TrialExecution & { delivered: TrialResult[][] } {
  const delivered: TrialResult[][] = [];
  return {
    suite: suiteOf(scenarios),
    scenarios,
    build: { id: "ready-abc123.1.1", spec, workspacePath },
    signal: new AbortController().signal,
    onResults: async (results) => {
      delivered.push([...results]);
    },
    delivered,
    ...overrides,
  };
}

function executorWith(sandbox: Sandbox): SessionTrialExecutor {
  return new SessionTrialExecutor({ sandbox, now: () => performance.now(), concurrency: 4 });
}

const worktrees: string[] = [];
let worktree = "";

beforeAll(async () => {
  worktree = await makeWorktree(buildFiles);
  worktrees.push(worktree);
});

afterAll(async () => {
  await Promise.all(worktrees.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe("SessionTrialExecutor with an http build", () => {
  it("runs every scenario once and hands the results over in awaited batches of at most 20", async () => {
    const scenarios = fastScenarios(45);
    let inFlight = 0;
    let mostInFlight = 0;
    const batches: TrialResult[][] = [];
    const run = execution(worktree, scenarios, {
      onResults: async (results) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        batches.push([...results]);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
      },
    });
    const usage = await executorWith(new NoSandbox()).run(run);
    const delivered = batches.flat();
    expect(delivered.map((result) => result.scenario).sort()).toEqual(
      scenarios.map((item) => item.id).sort(),
    );
    expect(delivered.every((result) => result.pass)).toBe(true);
    expect(batches.every((batch) => batch.length >= 1 && batch.length <= 20)).toBe(true);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(mostInFlight).toBe(1);
    expect(usage.wallSeconds).toBeGreaterThan(0);
    expect(usage.unexpectedExit).toBeUndefined();
  });

  it("stops on abort: running trials end at once, and only what was delivered before stays", async () => {
    const controller = new AbortController();
    const scenarios = [
      ...fastScenarios(20),
      ...Array.from({ length: 8 }, (_, index) => ({
        ...scenario(`slow-${index + 1}`, "/slow", [{ status: 200 }]),
        timeoutMs: 600_000,
      })),
    ];
    const run = execution(worktree, scenarios, {
      signal: controller.signal,
      onResults: async (results) => {
        run.delivered.push([...results]);
        // The slow scenarios would hang for ten minutes: only the abort can end this run in time.
        controller.abort(new Error("stopped by the test"));
      },
    });
    await expect(executorWith(new NoSandbox()).run(run)).rejects.toThrow("stopped by the test");
    expect(run.delivered).toHaveLength(1);
    const delivered = run.delivered.flat();
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((result) => result.scenario.startsWith("fast-") && result.pass)).toBe(
      true,
    );
  });

  it("refuses to start when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("already stopped"));
    const run = execution(worktree, fastScenarios(3), { signal: controller.signal });
    await expect(executorWith(new NoSandbox()).run(run)).rejects.toThrow("already stopped");
    expect(run.delivered).toEqual([]);
  });

  it("reports a build that crashes while its trials run", async () => {
    const scenarios = [scenario("crash", "/crash"), ...fastScenarios(1)];
    const run = execution(worktree, scenarios, {}); // concurrency 1 below: the crash comes first
    const executor = new SessionTrialExecutor({
      sandbox: new NoSandbox(),
      now: () => performance.now(),
      concurrency: 1,
    });
    const usage = await executor.run(run);
    expect(usage.unexpectedExit).toEqual({ code: 3, signal: null });
    expect(run.delivered.flat().map((result) => result.pass)).toEqual([false, false]);
  });

  it("fails a delivery error as the run's error and stops the trials", async () => {
    const run = execution(worktree, fastScenarios(30), {
      onResults: async () => {
        throw new Error("the store refused the results");
      },
    });
    await expect(executorWith(new NoSandbox()).run(run)).rejects.toThrow(
      "the store refused the results",
    );
  });

  it.for([
    ["no package.json", {}, "there is no package.json"],
    ["no start script", { "package.json": JSON.stringify({ scripts: { build: "tsc" } }) }, ""],
    ["a package.json that is not JSON", { "package.json": "{ scripts" }, ""],
  ] as [string, Record<string, string>, string][])(
    "says what a build without a start script must contain (%s)",
    async ([, files, detail]) => {
      const folder = await makeWorktree(files);
      worktrees.push(folder);
      const error = await executorWith(new NoSandbox())
        .run(execution(folder, fastScenarios(1)))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ShopfloorError);
      expect(error).toMatchObject({ code: "invalid-input", retryable: false });
      expect((error as Error).message).toMatch(/package\.json whose scripts\.start/);
      expect((error as Error).message).toContain("$PORT");
      expect((error as Error).message).toContain(detail);
    },
  );
});

describeWithBubblewrap("SessionTrialExecutor with an http build in bubblewrap", () => {
  it("runs the build from its read-only worktree", async () => {
    const scenarios = [
      ...fastScenarios(5),
      scenario("write", "/write", [{ jsonSubset: { written: false, code: "EROFS" } }]),
    ];
    const run = execution(worktree, scenarios);
    await executorWith(new BubblewrapSandbox()).run(run);
    const delivered = run.delivered.flat();
    expect(delivered).toHaveLength(6);
    expect(delivered.filter((result) => !result.pass)).toEqual([]);
  });
});
