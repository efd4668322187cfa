/**
 * The scaffold agent wrapped in fault injection, against the gate: the scaffolded inventory service with
 * one injected fault (in its TypeScript, recompiled into dist/) runs the spec's generated suite (seed 1,
 * 100/50/30), and the admin gate must not approve it. Over seeds of each kind, the share of faults caught
 * is the figure `shopfloor calibrate` will report.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AgentTask } from "../../src/agents/agent.js";
import {
  type CalibrationBuild,
  calibrateGate,
  FaultInjectingAgent,
  type FaultKind,
  faultKinds,
} from "../../src/agents/fault-injection/index.js";
import { ScaffoldAgent } from "../../src/agents/scaffold/scaffold-agent.js";
import { AgentRun } from "../../src/contracts/agent-run.js";
import type { Suite } from "../../src/contracts/scenario.js";
import { builtInProfiles, evaluateGate } from "../../src/gate/index.js";
import { loadSpec } from "../../src/requirements/load-spec.js";
import { NoSandbox } from "../../src/runners/sandbox/no-sandbox.js";
import { runTrialSession } from "../../src/runners/trial-session.js";
import { generateSuite } from "../../src/scenarios/generate/generate-suite.js";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../fixtures/agents/temporary-repository.js";

vi.setConfig({ testTimeout: 180_000 });

const root = fileURLToPath(new URL("../..", import.meta.url));
const specPath = join(root, "examples/inventory-api/spec.md");
const admin = builtInProfiles.find((profile) => profile.name === "admin");

let temporary: TemporaryRepository;
let suite: Suite;
let task: AgentTask;
let runCount = 0;

beforeAll(async () => {
  temporary = createTemporaryRepository();
  const spec = await loadSpec(specPath);
  const generated = generateSuite(spec, {
    seed: 1,
    counts: { normal: 100, edge: 50, malicious: 30 },
  });
  suite = { header: generated.header, scenarios: generated.scenarios, folder: temporary.root };
  task = {
    workItem: "inventory",
    spec,
    specText: readFileSync(specPath, "utf8"),
    instructions: "Build the service the spec describes.",
    attempt: 1,
  };
});
afterAll(() => temporary.remove());

async function buildAndGate(options: { probability: number; seed: number; kinds?: FaultKind[] }) {
  if (admin === undefined) throw new Error("no admin profile");
  runCount++;
  const workspace = await temporary.manager.create({ workItem: "inventory", run: `s${runCount}` });
  try {
    const inner = new ScaffoldAgent({ now: () => performance.now() });
    const agent = new FaultInjectingAgent({ inner, ...options });
    const signal = new AbortController().signal;
    const run = AgentRun.parse(await agent.run(task, workspace, { wallClockMs: 60_000 }, signal));
    const session = await runTrialSession({
      suite,
      sandbox: new NoSandbox(),
      target: {
        kind: "start",
        command: "node dist/server.js",
        readyPath: "/health",
        readyTimeoutMs: 15_000,
        workDirectory: workspace.path,
        readOnlyPaths: [workspace.path],
      },
      runId: `s${runCount}`,
      now: () => performance.now(),
    });
    const failedTrials = session.summary.results.filter((result) => !result.pass).length;
    return { run, verdict: evaluateGate(session.summary.results, admin), failedTrials };
  } finally {
    await temporary.manager.remove(workspace);
  }
}

describe("the scaffold agent with fault injection, under the admin gate", () => {
  const pinned: { kind: FaultKind; seed: number; decision: string }[] = [
    { kind: "drop-validation", seed: 4, decision: "regenerate" },
    { kind: "flip-comparison", seed: 6, decision: "more-trials" },
    { kind: "break-error-path", seed: 1, decision: "regenerate" },
    { kind: "off-by-one", seed: 5, decision: "more-trials" },
  ];
  for (const { kind, seed, decision } of pinned) {
    it(`does not approve the scaffold's build with the ${kind} fault of seed ${seed}`, async () => {
      const { run, verdict } = await buildAndGate({ probability: 1, seed, kinds: [kind] });
      expect(run.agent).toBe("scaffold+faults");
      expect(run.injectedFaults).toHaveLength(1);
      expect(run.summary).toContain(`Injected fault: ${kind}`);
      expect(verdict.decision).toBe(decision);
    });
  }

  it("catches more than half of the faults injected over seeds 1..6 of each kind", async () => {
    const builds: (CalibrationBuild & { description: string; failedTrials: number })[] = [];
    for (const kind of faultKinds) {
      for (let seed = 1; seed <= 6; seed++) {
        const { run, verdict, failedTrials } = await buildAndGate({
          probability: 1,
          seed,
          kinds: [kind],
        });
        const [fault] = run.injectedFaults;
        builds.push({
          injectedFaults: run.injectedFaults,
          decision: verdict.decision,
          description: `${kind} seed ${seed}: ${verdict.decision}, ${failedTrials} failed trials (${fault?.file}:${fault?.line}: ${fault?.description})`,
          failedTrials,
        });
      }
    }
    const calibration = calibrateGate(builds);
    const detected = builds.filter((build) => build.failedTrials > 0).length;
    console.info(
      [
        `the suite failed ${detected} and the gate held back ${calibration.caught} of ${calibration.injected} faulty scaffold builds`,
        ...builds
          .filter((build) => build.decision === "approve")
          .map((build) => `missed: ${build.description}`),
      ].join("\n"),
    );
    expect(calibration.injected).toBe(24);
    expect(calibration.caught).toBeGreaterThan(12);
    expect(detected).toBeGreaterThanOrEqual(calibration.caught);
    for (const each of calibration.kinds) expect(each.caught, each.kind).toBeGreaterThanOrEqual(2);
  });
});
