import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeTrialExecutor, InstantAgent } from "../../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { todoSpec } from "../../../test/line/support/line-home.js";
import { baseCommitFor } from "./build-base.js";

vi.setConfig({ testTimeout: 30_000 });

let fixture: LineFixture;
afterEach(() => fixture.remove());

describe("where a regeneration starts from", () => {
  it("is the first commit for attempt 1, then the commit of the previous attempt's closest candidate", async () => {
    const agent = new InstantAgent();
    fixture = await lineFixture({
      agent,
      trialExecutor: new FakeTrialExecutor({ passes: (scenario) => scenario.category !== "edge" }),
    });
    const item = await fixture.session.submit({ specPath: todoSpec });
    expect(await baseCommitFor(fixture.services, item)).toBeUndefined();
    for (const station of ["intake", "build", "scenarios", "trials", "gate"] as const) {
      await fixture.runNext(station);
    }
    const regenerated = await fixture.services.store.workItem(item.id);
    expect(regenerated?.attempt).toBe(2);
    const first = await fixture.services.store.build(`${item.id}.1.1`);
    expect(await baseCommitFor(fixture.services, regenerated ?? item)).toBe(first?.run?.commit);
    await fixture.runNext("build");
    const second = await fixture.services.store.build(`${item.id}.2.1`);
    expect(second?.run?.commit).not.toBe(first?.run?.commit);
    expect(agent.tasks[1]?.feedback?.decision).toBe("regenerate");
  });
});
