import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../../../test/fixtures/agents/temporary-repository.js";
import { AgentRun, type FeedbackReport, noAgentTokens } from "../../contracts/agent-run.js";
import { HttpServiceModel, type Spec } from "../../contracts/spec.js";
import { loadSpec } from "../../requirements/index.js";
import type { AgentTask } from "../agent.js";
import { ScaffoldAgent } from "./scaffold-agent.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const inventory = await loadSpec(join(root, "examples/inventory-api/spec.md"));
const tempconv = await loadSpec(join(root, "examples/tempconv/spec.md"));
const slugify = await loadSpec(join(root, "test/fixtures/specs/slugify-library.md"));

function task(spec: Spec, extra: Partial<AgentTask> = {}): AgentTask {
  return {
    workItem: spec.frontMatter.name,
    spec,
    specText: "",
    instructions: "Build the service the spec describes.",
    attempt: 1,
    ...extra,
  };
}

/** A clock that moves `step` milliseconds each time it is read. */
function steppingClock(step: number): () => number {
  let time = 1000;
  return () => {
    time += step;
    return time;
  };
}

const limits = { wallClockMs: 60_000 };
const running = () => new AbortController().signal;

let temporary: TemporaryRepository;
beforeEach(() => {
  temporary = createTemporaryRepository();
});
afterEach(() => temporary.remove());

describe("ScaffoldAgent", { timeout: 30_000 }, () => {
  it("writes the service from the model, compiles it and commits it on the run's branch", async () => {
    const workspace = await temporary.manager.create({ workItem: "inventory-api", run: "r1" });
    const agent = new ScaffoldAgent({ now: steppingClock(5) });
    const run = await agent.run(task(inventory), workspace, limits, running());
    expect(AgentRun.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      agent: "scaffold",
      status: "succeeded",
      turns: 1,
      tokens: noAgentTokens,
      computedCostMicroUsd: 0,
      injectedFaults: [],
    });
    expect(run.durationMs).toBeGreaterThan(0);
    expect(run.summary).toContain("Scaffolded inventory-api from its model (product)");
    expect(run.commit).toBe(temporary.git(["rev-parse", workspace.branch]).trim());
    expect(run.filesChanged).toEqual(
      expect.arrayContaining(["src/server.ts", "dist/server.js", "openapi.json", "README.md"]),
    );
    expect(existsSync(join(workspace.path, "dist/actions.js"))).toBe(true);
    expect(temporary.git(["status", "--porcelain"], workspace.path)).toBe("");
    const transcript = readFileSync(run.transcript, "utf8");
    expect(run.transcript.startsWith(workspace.artifactsFolder)).toBe(true);
    expect(transcript).toContain("wrote src/server.ts (");
    expect(transcript).toContain(`committed ${run.commit}`);
  });

  it("on regeneration writes the same service and says it cannot act on the feedback", async () => {
    const agent = new ScaffoldAgent({ now: steppingClock(5) });
    const first = await temporary.manager.create({ workItem: "inventory-api", run: "r1" });
    await agent.run(task(inventory), first, limits, running());
    const second = await temporary.manager.create({
      workItem: "inventory-api",
      run: "r2",
      base: first.branch,
    });
    const feedback: FeedbackReport = {
      decision: "regenerate",
      reason: "edge fell short",
      categories: [{ category: "edge", passed: 40, failed: 10, passRate: 0.8, threshold: 0.9 }],
      errorClusters: [],
      examples: [],
    };
    const run = await agent.run(
      task(inventory, { attempt: 2, feedback }),
      second,
      limits,
      running(),
    );
    expect(run.status).toBe("succeeded");
    expect(run.commit).toBeUndefined();
    expect(run.filesChanged).toEqual([]);
    expect(run.summary).toContain("nothing changed from the base commit");
    expect(run.summary).toContain("edge (40 of 50 passed, needs 90%) fell short");
    expect(run.summary).toContain("cannot be acted on");
  });

  it("fails honestly for a cli, a library or a spec without a model, writing nothing", async () => {
    const agent = new ScaffoldAgent({ now: steppingClock(5) });
    const noModel: Spec = { ...inventory, model: undefined };
    const cases: [Spec, RegExp][] = [
      [tempconv, /is a cli; .*cannot know what a command is meant to compute/],
      [slugify, /is a library; .*cannot know what a function is meant to compute/],
      [noModel, /has no structured model/],
    ];
    for (const [index, [spec, summary]] of cases.entries()) {
      const workspace = await temporary.manager.create({ workItem: "w", run: `r${index}` });
      const run = await agent.run(task(spec), workspace, limits, running());
      expect(AgentRun.parse(run)).toEqual(run);
      expect(run.status).toBe("failed");
      expect(run.retryable).toBe(false);
      expect(run.summary).toMatch(summary);
      expect(run.commit).toBeUndefined();
      expect(existsSync(join(workspace.path, "src"))).toBe(false);
      expect(readFileSync(run.transcript, "utf8")).toContain("failed: The scaffold cannot build");
    }
  });

  it("fails for an expression it cannot translate, naming it", async () => {
    const model = HttpServiceModel.parse({
      entities: {
        item: {
          fields: { size: "integer" },
          actions: { grow: { effects: { size: "a of size" } } },
        },
      },
    });
    const spec: Spec = { ...inventory, model: { kind: "http-service", model } };
    const workspace = await temporary.manager.create({ workItem: "w", run: "r" });
    const run = await new ScaffoldAgent({ now: steppingClock(5) }).run(
      task(spec),
      workspace,
      limits,
      running(),
    );
    expect(run).toMatchObject({ status: "failed" });
    expect(run.summary).toContain('expression "a of size"');
  });

  it("fails, rather than throws, when it cannot write the service", async () => {
    const blocked = join(temporary.root, "not-a-folder");
    writeFileSync(blocked, "a file where the worktree should be\n");
    const workspace = {
      path: blocked,
      branch: "shopfloor/w/r",
      baseCommit: "0".repeat(40),
      artifactsFolder: join(temporary.root, "artifacts", "blocked"),
    };
    const run = await new ScaffoldAgent({ now: steppingClock(5) }).run(
      task(inventory),
      workspace,
      limits,
      running(),
    );
    expect(run.status).toBe("failed");
    expect(run.summary).toMatch(/^The scaffold could not write the service: /);
    expect(readFileSync(run.transcript, "utf8")).toContain("failed: The scaffold could not write");
  });

  it("stops when cancelled, and when its wall-clock limit is reached", async () => {
    const controller = new AbortController();
    controller.abort();
    const cancelledIn = await temporary.manager.create({ workItem: "w", run: "cancelled" });
    const cancelled = await new ScaffoldAgent({ now: steppingClock(5) }).run(
      task(inventory),
      cancelledIn,
      limits,
      controller.signal,
    );
    expect(cancelled).toMatchObject({ status: "cancelled", filesChanged: [] });
    expect(cancelled.commit).toBeUndefined();

    const slowIn = await temporary.manager.create({ workItem: "w", run: "slow" });
    const slow = await new ScaffoldAgent({ now: steppingClock(1000) }).run(
      task(inventory),
      slowIn,
      { wallClockMs: 2500 },
      running(),
    );
    expect(slow.status).toBe("timed-out");
    expect(slow.summary).toContain("2500 ms");
    expect(slow.commit).toBeUndefined();
    expect(AgentRun.parse(slow)).toEqual(slow);
  });
});
