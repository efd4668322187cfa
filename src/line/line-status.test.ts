import { afterEach, describe, expect, it } from "vitest";
import { FakeTrialExecutor } from "../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../test/line/support/line-fixture.js";
import { todoSpec, vagueSpec } from "../../test/line/support/line-home.js";
import { lineStatus } from "./line-status.js";

let fixture: LineFixture;
afterEach(() => fixture.remove());

describe("the line's status", () => {
  it("counts items, outcomes, today's pass rates, spend, the queue and open exceptions", async () => {
    // One normal scenario fails: the build is still approved, with a normal pass rate below 1.
    let failing: string | undefined;
    const executor = new FakeTrialExecutor({
      passes: (scenario) => {
        if (scenario.category === "normal") failing ??= scenario.id;
        return scenario.id !== failing;
      },
      cpuSecondsPerTrial: 10,
    });
    fixture = await lineFixture({ trialExecutor: executor });
    await fixture.session.submit({ specPath: todoSpec });
    await fixture.session.submit({ specPath: vagueSpec });
    await fixture.session.run();
    const waiting = await fixture.session.submit({ specPath: todoSpec });

    const status = await lineStatus(fixture.services, new Date(Date.now() + 60_000));
    expect(status.states).toMatchObject({ approved: 1, exception: 1, intake: 1 });
    expect(status.items.map((item) => item.state).sort()).toEqual([
      "approved",
      "exception",
      "intake",
    ]);
    const listed = status.items.find((item) => item.id === waiting.id);
    expect(listed?.ageSeconds).toBeGreaterThanOrEqual(59);
    expect(status.outcomes).toEqual({ approved: 1, rejected: 0, exception: 1, approvalRate: 0.5 });
    const approved = status.items.find((item) => item.state === "approved");
    const [build] = await fixture.services.store.builds(approved?.id ?? "");
    const normal = build?.verdict?.categories.find((category) => category.category === "normal");
    expect(status.passRates.normal).toBeCloseTo((normal?.passed ?? 0) / (normal?.scenarios ?? 1));
    expect(status.passRates.normal).toBeLessThan(1);
    expect(status.spendToday.byCategory.testing).toBe(25_000);
    expect(status.spendToday.totalMicroUsd).toBe(25_000);
    expect(status.spendToday.limitMicroUsd).toBe(1_000_000_000);
    expect(status.queue.intake).toMatchObject({ waiting: 1, done: 2 });
    expect(status.openExceptions).toBe(1);
  });

  it("counts an item as approved after it has gone on to deploy, live or a rollback", async () => {
    fixture = await lineFixture();
    const first = await fixture.session.submit({ specPath: todoSpec });
    const second = await fixture.session.submit({ specPath: todoSpec });
    await fixture.session.run();
    await fixture.services.store.transition(first.id, {
      from: "approved",
      to: "deploy",
      reason: "test",
    });
    await fixture.services.store.transition(second.id, {
      from: "approved",
      to: "deploy",
      reason: "test",
    });
    await fixture.services.store.transition(second.id, {
      from: "deploy",
      to: "live",
      reason: "test",
    });

    const status = await lineStatus(fixture.services, new Date());
    expect(status.outcomes).toEqual({ approved: 2, rejected: 0, exception: 0, approvalRate: 1 });
  });

  it("has no approval rate and no pass rates before anything was gated", async () => {
    fixture = await lineFixture();
    const status = await lineStatus(fixture.services, new Date());
    expect(status.outcomes.approvalRate).toBeNull();
    expect(status.passRates).toEqual({ normal: null, edge: null, malicious: null });
    expect(status.items).toEqual([]);
  });
});
