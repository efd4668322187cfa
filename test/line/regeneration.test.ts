/**
 * Regeneration, in process, with real everything: the scaffold agent wrapped in fault injection on the
 * first attempt only (a dropped validation the inventory suite catches). The gate sends attempt 1 back
 * with its feedback; attempt 2 starts from attempt 1's commit, is built without a fault and approved.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inventorySpec, type LineHome, openLineHome, scaffoldLineUp } from "./support/line-home.js";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let setup: LineHome;

beforeAll(async () => {
  setup = await openLineHome();
});
afterAll(() => setup.remove());

describe("a regenerated build", () => {
  it("is sent back with the gate's feedback after an injected fault and approved on attempt 2", async () => {
    // faults.seed + attempt = 9: the fault removes the record validation, which ~48 edge scenarios catch.
    const faults = { probability: 1, seed: 8, attempts: [1], kinds: ["drop-validation"] };
    const item = await setup.line.submit({
      specPath: inventorySpec,
      lineUp: scaffoldLineUp(faults),
    });
    const summary = await setup.line.run();
    expect(summary.items.map((each) => each.state)).toEqual(["approved"]);

    const history = await setup.line.history(item.id);
    const [first, second] = history.builds;
    expect(first?.agent).toBe("scaffold");
    expect(first?.run?.agent).toBe("scaffold+faults");
    expect(first?.run?.injectedFaults.map((fault) => fault.kind)).toEqual(["drop-validation"]);
    expect(first?.verdict?.decision).toBe("regenerate");
    expect(second?.run?.agent).toBe("scaffold");
    expect(second?.run?.injectedFaults).toEqual([]);
    expect(second?.feedback?.decision).toBe("regenerate");
    expect(second?.feedback?.errorClusters.length).toBeGreaterThan(0);
    expect(second?.verdict?.decision).toBe("approve");
    expect(history.item.attempt).toBe(2);
    expect(history.item.approvedBuild).toBe(`${item.id}.2.1`);

    const moves = history.events.flatMap((event) =>
      event.type === "work-item.transition" ? [`${event.payload.to}@${event.payload.attempt}`] : [],
    );
    // Attempt 1 may get a sequential round of more trials before the gate sends it back.
    expect(moves.slice(0, 4)).toEqual(["build@1", "scenarios@1", "trials@1", "gate@1"]);
    expect(moves.slice(-4)).toEqual(["build@2", "trials@2", "gate@2", "approved@2"]);
    expect(new Set(moves.slice(4, -4))).toEqual(
      new Set(moves.length > 8 ? ["trials@1", "gate@1"] : []),
    );
    const injected = history.events.find(
      (event) => event.type === "build.end" && event.payload.injectedFaults === 1,
    );
    expect(injected).toBeDefined();
  });
});
