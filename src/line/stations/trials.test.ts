import { afterEach, describe, expect, it } from "vitest";
import { FakeTrialExecutor } from "../../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { trialsStation } from "./trials.js";

let fixture: LineFixture;
afterEach(() => fixture.remove());

async function itemAtTrials() {
  const item = await fixture.session.submit({ specPath: fixture.smallSpec });
  await fixture.runNext("intake");
  await fixture.runNext("build");
  await fixture.runNext("scenarios");
  return { item, job: { workItem: item.id, build: `${item.id}.1.1`, round: 1 } };
}

describe("the trials station", () => {
  it("runs the suite against the build, stores every trial, charges the CPU time and moves to the gate", async () => {
    const executor = new FakeTrialExecutor({ cpuSecondsPerTrial: 36 });
    fixture = await lineFixture({ trialExecutor: executor });
    const { item, job } = await itemAtTrials();
    await fixture.runNext("trials");
    expect(executor.runs).toHaveLength(1);
    expect(executor.runs[0]?.scenarios).toHaveLength(10);
    expect(await fixture.services.store.trialCount(job.build)).toBe(10);
    expect((await fixture.services.store.build(job.build))?.state).toBe("tested");
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("gate");
    expect(await fixture.waiting("gate")).toEqual([{ workItem: item.id, attempt: 1 }]);
    const events = await fixture.services.store.events({ workItem: item.id });
    expect(events.find((event) => event.type === "trials.end")?.payload).toEqual({
      build: job.build,
      round: 1,
      trials: 10,
      failed: 0,
      cpuSeconds: 360,
    });
    const charge = await fixture.services.database
      .selectFrom("cost_event")
      .select(["category", "amount_micro_usd", "station", "run"])
      .where("station", "=", "trials")
      .executeTakeFirst();
    // 360 CPU-seconds at $0.05 an hour.
    expect(charge).toEqual({
      category: "testing",
      amount_micro_usd: 5000,
      station: "trials",
      run: `${job.build}.trials.1`,
    });
  });

  it("runs only the trials not recorded when a job is resumed after a crash, counting each once", async () => {
    const crashing = new FakeTrialExecutor({ batchSize: 4, crashAfter: 4 });
    fixture = await lineFixture({ trialExecutor: crashing });
    const { job } = await itemAtTrials();
    await expect(trialsStation(job, fixture.context())).rejects.toThrow(/crashed after 4/);
    expect(await fixture.services.store.trialCount(job.build)).toBe(4);
    const executor = new FakeTrialExecutor();
    await trialsStation(job, { ...fixture.context(), trialExecutor: executor });
    expect(executor.runs[0]?.scenarios).toEqual(crashing.runs[0]?.scenarios.slice(4));
    expect(await fixture.services.store.trialCount(job.build)).toBe(10);
    const reservations = await fixture.services.database
      .selectFrom("reservation")
      .select("state")
      .where("category", "=", "testing")
      .execute();
    expect(reservations.map((row) => row.state).sort()).toEqual(["released", "settled"]);
  });

  it("only ends the round when every trial was stored before a crash", async () => {
    const executor = new FakeTrialExecutor();
    fixture = await lineFixture({ trialExecutor: executor });
    const { job } = await itemAtTrials();
    const suite = await fixture.services.suites.load(
      (await fixture.services.store.workItem(job.workItem))?.suite ?? "",
    );
    const results = suite.scenarios.map((scenario, index) => ({
      scenario: scenario.id,
      category: scenario.category,
      pass: index > 0,
      durationMs: 1,
    }));
    await fixture.services.store.recordTrials(job.build, results);
    await trialsStation(job, fixture.context());
    await trialsStation(job, fixture.context());
    expect(executor.runs).toEqual([]);
    const ends = (await fixture.services.store.events({ workItem: job.workItem })).filter(
      (event) => event.type === "trials.end",
    );
    expect(ends.map((event) => event.payload)).toEqual([
      { build: job.build, round: 1, trials: 10, failed: 1, cpuSeconds: 0 },
    ]);
    expect((await fixture.services.store.workItem(job.workItem))?.state).toBe("gate");
  });

  it("sends the item to the exception queue when the budget refuses the trials", async () => {
    const executor = new FakeTrialExecutor();
    fixture = await lineFixture({
      trialExecutor: executor,
      config: { budget: { dailyUsd: 0.000001 } },
    });
    const { item, job } = await itemAtTrials();
    await fixture.runNext("trials");
    expect(executor.runs).toEqual([]);
    const [exception] = await fixture.services.store.exceptions({ workItem: item.id });
    expect(exception).toMatchObject({ reason: "budget-reached", build: job.build });
    expect(exception?.evidence).toMatchObject({ station: "trials", job });
    expect((await fixture.services.store.build(job.build))?.state).toBe("built");
  });
});
