/**
 * The scaffold agent wrapped in fault injection, against the gate: the scaffolded inventory service with
 * one injected fault (in its TypeScript, recompiled into dist/) runs the spec's generated suite (seed 1,
 * 100/50/30), and the admin gate must not approve it. Over seeds of each kind, the share of faults caught
 * is the figure `shopfloor calibrate` will report.
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
