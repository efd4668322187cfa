import { afterEach, describe, expect, it } from "vitest";
import { FakeTrialExecutor } from "../../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { todoSpec } from "../../../test/line/support/line-home.js";
import { gateStation, roundsOf } from "./gate.js";

let fixture: LineFixture;
afterEach(() => fixture.remove());

async function itemAtGate(specPath: string, profile?: string) {
  const item = await fixture.session.submit({ specPath, ...(profile ? { profile } : {}) });
  for (const station of ["intake", "build", "scenarios", "trials"] as const) {
    await fixture.runNext(station);
  }
  expect((await fixture.services.store.workItem(item.id))?.state).toBe("gate");
  return item;
}

const failsEdge = () =>
  new FakeTrialExecutor({ passes: (scenario) => scenario.category !== "edge" });

describe("the gate station", () => {
  it("approves the build that clears every threshold and records the outcome", async () => {
    fixture = await lineFixture();
    const item = await itemAtGate(todoSpec);
    await fixture.runNext("gate");
    const stored = await fixture.services.store.workItem(item.id);
    expect(stored).toMatchObject({ state: "approved", approvedBuild: `${item.id}.1.1` });
    const build = await fixture.services.store.build(`${item.id}.1.1`);
    expect(build?.state).toBe("gated");
    expect(build?.verdict?.decision).toBe("approve");
    const verdict = (await fixture.services.store.events({ workItem: item.id })).find(
      (event) => event.type === "gate.verdict",
    );
    const report = verdict?.type === "gate.verdict" ? verdict.payload.report : "";
    expect(JSON.parse(await fixture.services.artifacts.readText(report))).toEqual(build?.verdict);
    const outcomes = await fixture.services.database
      .selectFrom("change_outcome")
      .select(["work_item", "outcome"])
      .execute();
    expect(outcomes).toEqual([{ work_item: item.id, outcome: "approved" }]);
  });

  it("judges once when the job runs again", async () => {
    fixture = await lineFixture();
    const item = await itemAtGate(todoSpec);
    const job = { workItem: item.id, attempt: 1 };
    await gateStation(job, fixture.context());
    const events = await fixture.services.store.events({ workItem: item.id });
    await gateStation(job, fixture.context());
    expect(await fixture.services.store.events({ workItem: item.id })).toEqual(events);
  });

  it("sends a failing build back with the gate's feedback for the next attempt", async () => {
    fixture = await lineFixture({ trialExecutor: failsEdge() });
    const item = await itemAtGate(todoSpec);
    await fixture.runNext("gate");
    expect(await fixture.services.store.workItem(item.id)).toMatchObject({
      state: "build",
      attempt: 2,
    });
    const next = await fixture.services.store.build(`${item.id}.2.1`);
    expect(next?.state).toBe("building");
    expect(next?.feedback?.decision).toBe("regenerate");
    expect(next?.feedback?.examples.length).toBeGreaterThan(0);
    expect(await fixture.waiting("build")).toEqual([
      { workItem: item.id, attempt: 2, candidate: 1 },
    ]);
  });

  it("asks for more trials of an inconclusive build: a new suite version and a second round", async () => {
    fixture = await lineFixture();
    const item = await itemAtGate(fixture.smallSpec);
    const before = (await fixture.services.store.workItem(item.id))?.suite ?? "";
    await fixture.runNext("gate");
    const stored = await fixture.services.store.workItem(item.id);
    expect(stored?.state).toBe("trials");
    expect(stored?.suite).not.toBe(before);
    const extended = await fixture.services.suites.resolve(stored?.suite ?? "");
    expect(extended.parent).toBe(before.split("@")[1]);
    expect(extended.scenarioCount).toBeGreaterThan(10);
    expect((await fixture.services.store.build(`${item.id}.1.1`))?.state).toBe("testing");
    expect(await fixture.waiting("trials")).toEqual([
      { workItem: item.id, build: `${item.id}.1.1`, round: 2 },
    ]);
    await fixture.runNext("trials");
    const events = await fixture.services.store.events({ workItem: item.id });
    expect(roundsOf(events, `${item.id}.1.1`)).toBe(2);
    expect(await fixture.services.store.trialCount(`${item.id}.1.1`)).toBe(extended.scenarioCount);
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("gate");
  });

  it("escalates when the attempts are spent: retries-spent, or inconclusive-gate after more-trials", async () => {
    fixture = await lineFixture({
      trialExecutor: failsEdge(),
      config: { profiles: { once: { extends: "admin", maxAttempts: 1, maxTrialRounds: 1 } } },
    });
    const failing = await itemAtGate(todoSpec, "once");
    await fixture.runNext("gate");
    const [spent] = await fixture.services.store.exceptions({ workItem: failing.id });
    expect(spent).toMatchObject({ reason: "retries-spent", build: `${failing.id}.1.1` });
    expect(spent?.evidence.verdicts).toHaveLength(1);

    const small = await fixture.session.submit({ specPath: fixture.smallSpec, profile: "once" });
    await fixture.services.store.transition(small.id, {
      from: "intake",
      to: "gate",
      reason: "test",
    });
    await fixture.services.store.createBuild({
      id: `${small.id}.1.1`,
      workItem: small.id,
      attempt: 1,
      candidate: 1,
      agent: "instant",
    });
    await fixture.services.store.updateBuild(`${small.id}.1.1`, { state: "tested" });
    await gateStation({ workItem: small.id, attempt: 1 }, fixture.context());
    const [undecided] = await fixture.services.store.exceptions({ workItem: small.id });
    expect(undecided?.reason).toBe("inconclusive-gate");
  });
});

describe("rounds", () => {
  it("counts a build's rounds from its trials.end events", () => {
    const end = (build: string, round: number) => ({
      sequence: round,
      at: "",
      workItem: "w",
      type: "trials.end" as const,
      payload: { build, round, trials: 1, failed: 0, cpuSeconds: 0 },
    });
    expect(roundsOf([], "b")).toBe(1);
    expect(roundsOf([end("b", 1), end("other", 3), end("b", 2)], "b")).toBe(2);
  });
});
