import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { vagueSpec } from "../../../test/line/support/line-home.js";
import { intakeStation } from "./intake.js";

let fixture: LineFixture;
beforeEach(async () => {
  fixture = await lineFixture();
});
afterEach(() => fixture.remove());

const bestOfTwo = {
  pattern: "best-of" as const,
  candidates: 2,
  agents: [{ agent: "scaffold" }, { agent: "codex", model: "gpt-5" }],
};

describe("the intake station", () => {
  it("starts attempt 1 of a spec that passes the lint: one build and one job per candidate", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec, lineUp: bestOfTwo });
    expect(await fixture.runNext("intake")).toBe(true);
    const stored = await fixture.services.store.workItem(item.id);
    expect(stored).toMatchObject({ state: "build", attempt: 1 });
    const builds = await fixture.services.store.builds(item.id);
    expect(builds.map((build) => [build.id, build.agent, build.model, build.state])).toEqual([
      [`${item.id}.1.1`, "scaffold", undefined, "building"],
      [`${item.id}.1.2`, "codex", "gpt-5", "building"],
    ]);
    expect(await fixture.waiting("build")).toEqual([
      { workItem: item.id, attempt: 1, candidate: 1 },
      { workItem: item.id, attempt: 1, candidate: 2 },
    ]);
    const events = await fixture.services.store.events({ workItem: item.id });
    const intakeEnd = events.find((event) => event.type === "intake.end");
    expect(intakeEnd?.payload).toMatchObject({ minimumScore: 60 });
    const moved = events.find((event) => event.type === "work-item.transition");
    expect(moved?.type === "work-item.transition" && moved.payload.reason).toMatch(
      /^lint score \d+ ≥ 60$/,
    );
  });

  it("does its work once when the job runs again", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec });
    const handler = intakeStation;
    await handler({ workItem: item.id }, fixture.context());
    const events = await fixture.services.store.events({ workItem: item.id });
    await handler({ workItem: item.id }, fixture.context());
    expect(await fixture.services.store.events({ workItem: item.id })).toEqual(events);
  });

  it("sends a spec below the profile's minimum to the exception queue with its findings", async () => {
    const item = await fixture.session.submit({ specPath: vagueSpec });
    await fixture.runNext("intake");
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("exception");
    const [exception] = await fixture.services.store.exceptions({ workItem: item.id });
    expect(exception?.reason).toBe("spec-too-vague");
    expect(exception?.summary).toMatch(/below the 75 the standard profile asks for/);
    expect(exception?.evidence.station).toBe("intake");
    expect(await fixture.services.store.builds(item.id)).toEqual([]);
    expect(await fixture.waiting("build")).toEqual([]);
  });
});
