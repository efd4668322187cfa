/**
 * Test support for fault injection against the real gate: the inventory spec's generated suite (seed 1,
 * 100/50/30), and one build by a fault-injecting agent in its own worktree, started as a real process,
 * run against that suite and judged by the admin gate.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Agent, AgentTask } from "../../../src/agents/agent.js";
import { FaultInjectingAgent, type FaultKind } from "../../../src/agents/fault-injection/index.js";
import { AgentRun } from "../../../src/contracts/agent-run.js";
import type { GateVerdict } from "../../../src/contracts/gate-verdict.js";
import type { Suite } from "../../../src/contracts/scenario.js";
import { builtInProfiles, evaluateGate } from "../../../src/gate/index.js";
import { loadSpec } from "../../../src/requirements/load-spec.js";
import { NoSandbox } from "../../../src/runners/sandbox/no-sandbox.js";
import { runTrialSession } from "../../../src/runners/trial-session.js";
import { generateSuite } from "../../../src/scenarios/generate/generate-suite.js";
import type { TemporaryRepository } from "../../fixtures/agents/temporary-repository.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
export const inventorySpecPath = join(root, "examples/inventory-api/spec.md");

export interface InventoryBench {
  suite: Suite;
  task: AgentTask;
}

/** The inventory spec's task and generated suite; the suite's folder is the repository's. */
export async function inventoryBench(repositoryRoot: string): Promise<InventoryBench> {
  const spec = await loadSpec(inventorySpecPath);
  const generated = generateSuite(spec, {
    seed: 1,
    counts: { normal: 100, edge: 50, malicious: 30 },
  });
  return {
    suite: { header: generated.header, scenarios: generated.scenarios, folder: repositoryRoot },
    task: {
      workItem: "inventory",
      spec,
      specText: readFileSync(inventorySpecPath, "utf8"),
      instructions: "Build the service the spec describes.",
      attempt: 1,
    },
  };
}

export interface GatedBuild {
  run: AgentRun;
  verdict: GateVerdict;
  failedTrials: number;
}

let runCount = 0;

/** One build by `inner` wrapped in fault injection, its suite run against it, and the admin verdict. */
export async function buildAndGate(
  setup: { repository: TemporaryRepository; bench: InventoryBench; inner: Agent; start: string },
  options: { probability: number; seed: number; kinds?: FaultKind[] },
): Promise<GatedBuild> {
  const admin = builtInProfiles.find((profile) => profile.name === "admin");
  if (admin === undefined) throw new Error("no admin profile");
  runCount++;
  const { manager } = setup.repository;
  const workspace = await manager.create({ workItem: "inventory", run: `r${runCount}` });
  try {
    const agent = new FaultInjectingAgent({ inner: setup.inner, ...options });
    const signal = new AbortController().signal;
    const task = setup.bench.task;
    const run = AgentRun.parse(await agent.run(task, workspace, { wallClockMs: 60_000 }, signal));
    const session = await runTrialSession({
      suite: setup.bench.suite,
      sandbox: new NoSandbox(),
      target: {
        kind: "start",
        command: setup.start,
        readyPath: "/health",
        readyTimeoutMs: 15_000,
        workDirectory: workspace.path,
        readOnlyPaths: [workspace.path],
      },
      runId: `r${runCount}`,
      now: () => performance.now(),
    });
    const results = session.summary.results;
    return {
      run,
      verdict: evaluateGate(results, admin),
      failedTrials: results.filter((result) => !result.pass).length,
    };
  } finally {
    await manager.remove(workspace);
  }
}
