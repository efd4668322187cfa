/**
 * The scaffold agent wrapped in fault injection, against the gate: the scaffolded inventory service with
 * one injected fault (in its TypeScript, recompiled into dist/) runs the spec's generated suite (seed 1,
 * 100/50/30), and the admin gate must not approve it. Over seeds 1..6 of each kind it approves none: the
 * suite sends both sides of every bound at two places, so even a fault at one boundary fails at least
 * two edge scenarios (or a malicious one), more than the profile tolerates.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type CalibrationBuild,
  calibrateGate,
  type FaultKind,
  faultKinds,
} from "../../src/agents/fault-injection/index.js";
import { ScaffoldAgent } from "../../src/agents/scaffold/scaffold-agent.js";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../fixtures/agents/temporary-repository.js";
import {
  buildAndGate as gate,
  type InventoryBench,
  inventoryBench,
} from "./support/gated-faulty-build.js";

vi.setConfig({ testTimeout: 180_000 });

let temporary: TemporaryRepository;
let bench: InventoryBench;

beforeAll(async () => {
  temporary = createTemporaryRepository();
  bench = await inventoryBench(temporary.root);
});
afterAll(() => temporary.remove());

function buildAndGate(options: { probability: number; seed: number; kinds?: FaultKind[] }) {
  const inner = new ScaffoldAgent({ now: () => performance.now() });
  return gate({ repository: temporary, bench, inner, start: "node dist/server.js" }, options);
}

describe("the scaffold agent with fault injection, under the admin gate", () => {
  // Faults at a single boundary, which a suite sending one side of it once used to let through.
  const pinned: { kind: FaultKind; seed: number; fault: RegExp; decision: string }[] = [
    {
      kind: "drop-validation",
      seed: 1,
      fault: /removed the guard "if \(bytes === undefined\)"/,
      decision: "more-trials",
    },
    {
      kind: "flip-comparison",
      seed: 2,
      fault: /flipped "size <= maximumBodyBytes" to "size < maximumBodyBytes"/,
      decision: "more-trials",
    },
    {
      kind: "break-error-path",
      seed: 1,
      fault: /answers 500 instead of 404/,
      decision: "regenerate",
    },
    {
      kind: "off-by-one",
      seed: 6,
      fault: /the bound 1 of "limit < 1" became 0/,
      decision: "more-trials",
    },
  ];
  for (const { kind, seed, fault, decision } of pinned) {
    it(`does not approve the scaffold's build with the ${kind} fault of seed ${seed}`, async () => {
      const { run, verdict, failedTrials } = await buildAndGate({
        probability: 1,
        seed,
        kinds: [kind],
      });
      expect(run.agent).toBe("scaffold+faults");
      expect(run.injectedFaults).toHaveLength(1);
      expect(run.injectedFaults[0]?.description).toMatch(fault);
      expect(run.summary).toContain(`Injected fault: ${kind}`);
      expect(failedTrials).toBeGreaterThanOrEqual(2);
      expect(verdict.decision).toBe(decision);
    });
  }

  it("holds back every fault injected over seeds 1..6 of each kind", async () => {
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
    expect(detected).toBe(24);
    expect(calibration.caught).toBe(24);
    for (const each of calibration.kinds) expect(each.caught, each.kind).toBe(6);
  });
});
