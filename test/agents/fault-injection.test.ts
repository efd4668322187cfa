/**
 * Fault injection against the real gate. A trivial inner agent copies the hand-written inventory build
 * (examples/inventory-api/build/server.mjs) into a git worktree; the wrapper injects one fault; the
 * suite generated from the spec (seed 1, 100/50/30) runs against the mutated build, started as a real
 * process; and the gate, under the admin profile, must not approve it. Over seeds 1..12 of each kind,
 * the share of injected faults the gate catches is the calibration figure the line will watch.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Agent, AgentTask, Workspace } from "../../src/agents/agent.js";
import {
  type CalibrationBuild,
  calibrateGate,
  type FaultKind,
  faultKinds,
} from "../../src/agents/fault-injection/index.js";
import { commitWorkspace } from "../../src/agents/workspace/commit-workspace.js";
import { type AgentRun, noAgentTokens } from "../../src/contracts/agent-run.js";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../fixtures/agents/temporary-repository.js";
import {
  buildAndGate as gate,
  type InventoryBench,
  inventoryBench,
} from "./support/gated-faulty-build.js";

// A build takes a worktree, two commits and 180 trials: about half a second, 48 of them to calibrate.
vi.setConfig({ testTimeout: 120_000 });

const root = fileURLToPath(new URL("../..", import.meta.url));
const goodBuild = join(root, "examples/inventory-api/build/server.mjs");

/** The inner agent: writes the hand-written build into the worktree, as a perfect agent would. */
class CopyingAgent implements Agent {
  readonly name = "copy";

  async run(_task: AgentTask, workspace: Workspace): Promise<AgentRun> {
    copyFileSync(goodBuild, join(workspace.path, "server.mjs"));
    const committed = await commitWorkspace(workspace, "build the inventory api");
    return {
      agent: this.name,
      status: "succeeded",
      summary: "Copied the hand-written build.",
      ...(committed.commit === undefined ? {} : { commit: committed.commit }),
      filesChanged: committed.filesChanged,
      turns: 0,
      tokens: noAgentTokens,
      durationMs: 0,
      transcript: join(workspace.artifactsFolder, "copy-transcript.jsonl"),
      injectedFaults: [],
    };
  }
}

let temporary: TemporaryRepository;
let bench: InventoryBench;

beforeAll(async () => {
  temporary = createTemporaryRepository();
  bench = await inventoryBench(temporary.root);
});
afterAll(() => temporary.remove());

function buildAndGate(options: { probability: number; seed: number; kinds?: FaultKind[] }) {
  const setup = {
    repository: temporary,
    bench,
    inner: new CopyingAgent(),
    start: "node server.mjs",
  };
  return gate(setup, options);
}

describe("a build from the fault-injecting agent, under the admin gate", () => {
  it("is approved untouched with probability 0", async () => {
    const build = await buildAndGate({ probability: 0, seed: 1 });
    expect(build.run).toMatchObject({ agent: "copy+faults", injectedFaults: [] });
    expect(build.failedTrials).toBe(0);
    expect(build.verdict.decision).toBe("approve");
  });

  const faults: { kind: FaultKind; seed: number; line: number; description: RegExp }[] = [
    {
      kind: "drop-validation",
      seed: 4,
      line: 96,
      description: /^removed the guard "if \(problem\)"/,
    },
    {
      kind: "flip-comparison",
      seed: 7,
      line: 83,
      description: /^flipped "page >= 1" to "page > 1"/,
    },
    { kind: "break-error-path", seed: 6, line: 287, description: /answers 500 instead of 404$/ },
    { kind: "off-by-one", seed: 2, line: 62, description: /^the bound 3 of .* became 2$/ },
  ];
  for (const { kind, seed, line, description } of faults) {
    it(`is not approved with the ${kind} fault of seed ${seed}`, async () => {
      const build = await buildAndGate({ probability: 1, seed, kinds: [kind] });
      expect(build.run.injectedFaults).toEqual([
        { kind, file: "server.mjs", line, description: expect.stringMatching(description) },
      ]);
      expect(build.run.summary).toContain(`Injected fault: ${kind} at server.mjs:${line}`);
      expect(build.failedTrials).toBeGreaterThan(0);
      expect(build.verdict.decision).toBe("regenerate");
    });
  }

  it("catches most of the faults injected over seeds 1..12 of each kind", async () => {
    const seeds = Array.from({ length: 12 }, (_, index) => index + 1);
    const builds: (CalibrationBuild & { description: string })[] = [];
    for (const kind of faultKinds) {
      for (const seed of seeds) {
        const { run, verdict } = await buildAndGate({ probability: 1, seed, kinds: [kind] });
        expect(run.injectedFaults).toHaveLength(1);
        const [fault] = run.injectedFaults;
        builds.push({
          injectedFaults: run.injectedFaults,
          decision: verdict.decision,
          description: `${kind} seed ${seed}: ${verdict.decision} — line ${fault?.line}: ${fault?.description}`,
        });
      }
    }
    const calibration = calibrateGate(builds);
    console.info(
      [
        "fault kind          injected  caught  rejected",
        ...calibration.kinds.map(
          (each) =>
            `${each.kind.padEnd(20)}${String(each.injected).padStart(8)}${String(each.caught).padStart(8)}${String(each.rejected).padStart(10)}`,
        ),
        `caught ${calibration.caught} of ${calibration.injected} injected faults`,
        ...builds
          .filter((build) => build.decision === "approve")
          .map((build) => `missed: ${build.description}`),
      ].join("\n"),
    );
    expect(calibration.injected).toBe(48);
    expect(calibration.caught).toBeGreaterThanOrEqual(45);
    for (const each of calibration.kinds) expect(each.caught, each.kind).toBeGreaterThanOrEqual(10);
    // What it misses is the refusal of a body read past the limit (lines 232-233), which only a body
    // sent without a content-length (chunked) reaches; the http runner always sends one.
    const missed = builds.filter((build) => build.decision === "approve");
    for (const build of missed) expect(build.description).toMatch(/ line 23[23]: /);
  });
});
