/**
 * Best-of-N (issue 8, "Must show"), in process with real everything: three candidates of the inventory
 * example built by the scaffold agent, the second wrapped in fault injection (a dropped record
 * validation, which the suite's edge scenarios catch). All three are built, tested and gated on the same
 * holdout suite; the faulty one is labelled as injected and not approved; a clean one wins; and every
 * candidate's build and trials are charged to the ledger, the losers' too.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LineUp } from "../../src/contracts/work-item.js";
import { inventorySpec, type LineHome, openLineHome } from "./support/line-home.js";
import { readHome } from "./support-integration/home-reader.js";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let setup: LineHome;

beforeAll(async () => {
  setup = await openLineHome();
});
afterAll(() => setup.remove());

// faults.seed + attempt = 9: the fault removes the record validation, which ~48 edge scenarios catch.
const faulty = { probability: 1, seed: 8, kinds: ["drop-validation"] };
const lineUp: LineUp = {
  pattern: "best-of",
  candidates: 3,
  agents: [{ agent: "scaffold" }, { agent: "scaffold", faults: faulty }, { agent: "scaffold" }],
};

describe("best-of-3 with one faulty candidate", () => {
  it("builds, tests and gates all three, approves a clean one and charges every candidate", async () => {
    const item = await setup.line.submit({ specPath: inventorySpec, lineUp });
    const summary = await setup.line.run();
    expect(summary.items.map((each) => each.state)).toEqual(["approved"]);

    const history = await setup.line.history(item.id);
    const ids = [1, 2, 3].map((candidate) => `${item.id}.1.${candidate}`);
    expect(history.builds.map((build) => [build.id, build.state])).toEqual(
      ids.map((id) => [id, "gated"]),
    );
    const [first, second, third] = history.builds;

    // The faulty candidate says so everywhere, and the gate does not let it through.
    expect(second?.run?.agent).toBe("scaffold+faults");
    expect(second?.run?.injectedFaults.map((fault) => fault.kind)).toEqual(["drop-validation"]);
    expect(second?.verdict?.decision).not.toBe("approve");
    expect(second?.verdict?.errorClusters.length).toBeGreaterThan(0);
    for (const clean of [first, third]) {
      expect(clean?.run?.agent).toBe("scaffold");
      expect(clean?.run?.injectedFaults).toEqual([]);
      expect(clean?.verdict?.decision).toBe("approve");
    }

    // A clean candidate wins; equal verdicts and costs go to the lower build id.
    expect(history.item.approvedBuild).toBe(ids[0]);
    expect(history.item.attempt).toBe(1);

    // One suite judged all three: each candidate had its trials and its verdict, and the faulty
    // candidate's injected fault is on its build.end event.
    const events = history.events;
    const ofType = <Type extends string>(type: Type) =>
      events.filter((event) => event.type === type);
    expect(ofType("suite.ready")).toHaveLength(1);
    const ended = ofType("build.end").flatMap((event) =>
      event.type === "build.end" ? [[event.payload.build, event.payload.injectedFaults]] : [],
    );
    expect(ended.sort()).toEqual([
      [ids[0], 0],
      [ids[1], 1],
      [ids[2], 0],
    ]);
    const trialsEnded = ofType("trials.end").flatMap((event) =>
      event.type === "trials.end" ? [event.payload.build] : [],
    );
    expect(new Set(trialsEnded)).toEqual(new Set(ids));
    const verdicts = ofType("gate.verdict").flatMap((event) =>
      event.type === "gate.verdict" ? [[event.payload.build, event.payload.decision]] : [],
    );
    expect(verdicts.sort()).toEqual([
      [ids[0], "approve"],
      [ids[1], second?.verdict?.decision],
      [ids[2], "approve"],
    ]);

    const home = readHome(setup.home);
    try {
      // Every candidate tested on the whole suite, each trial stored once.
      const suiteSize = first?.verdict?.categories.reduce((sum, each) => sum + each.scenarios, 0);
      expect(suiteSize).toBeGreaterThan(0);
      for (const id of ids) expect(home.trialCount(id)).toBe(suiteSize);

      // Every candidate was charged: its agent run (the scaffold's $0) and its trials' CPU time.
      const charges = home.charges(item.id);
      const builds = charges.filter((charge) => charge.station === "build");
      expect(builds.map((charge) => [charge.run, charge.category]).sort()).toEqual(
        ids.map((id) => [id, "inference"]),
      );
      const trials = charges.filter((charge) => charge.station === "trials");
      expect(trials.map((charge) => [charge.run, charge.category]).sort()).toEqual(
        ids.map((id) => [`${id}.trials.1`, "testing"]),
      );
      for (const charge of trials) expect(charge.amountMicroUsd).toBeGreaterThan(0);
      expect(home.reservations(item.id).every((each) => each.state === "settled")).toBe(true);
      expect(history.costs.byCategory.testing).toBe(
        trials.reduce((sum, charge) => sum + charge.amountMicroUsd, 0),
      );
    } finally {
      home.close();
    }
  });
});
