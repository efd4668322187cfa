import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import type { LineEvent } from "../../contracts/line-event.js";
import type { Build } from "../../contracts/work-item.js";
import { nextRound, resumeItem } from "./resume-item.js";

const build = { id: "w.1.1" } as Build;
let sequence = 0;
const event = (type: "trials.start" | "trials.end", round: number, id = "w.1.1") =>
  ({
    sequence: ++sequence,
    at: "",
    workItem: "w",
    type,
    payload:
      type === "trials.start"
        ? { build: id, round, scenarios: 1 }
        : { build: id, round, trials: 1, failed: 0, cpuSeconds: 0 },
  }) as LineEvent;

describe("the round a waiting build is in", () => {
  it("is 1 before any trials, the started one when it did not end, else the one after the last", () => {
    expect(nextRound([], build)).toBe(1);
    expect(nextRound([event("trials.start", 1)], build)).toBe(1);
    expect(nextRound([event("trials.start", 1), event("trials.end", 1)], build)).toBe(2);
    expect(
      nextRound(
        [event("trials.start", 1), event("trials.end", 1), event("trials.start", 2)],
        build,
      ),
    ).toBe(2);
    expect(nextRound([event("trials.end", 4, "other")], build)).toBe(1);
  });
});

let fixture: LineFixture;
beforeEach(async () => {
  fixture = await lineFixture();
});
afterEach(() => fixture.remove());

describe("resuming an item", () => {
  it("enqueues the jobs its station still has to do, once", async () => {
    const item = await fixture.session.submit({
      specPath: fixture.smallSpec,
      lineUp: { pattern: "best-of", candidates: 2, agents: [{ agent: "scaffold" }] },
    });
    await fixture.runNext("intake");
    await fixture.runNext("build");
    const stored = await fixture.services.store.workItem(item.id);
    if (stored === undefined) throw new Error("no item");
    expect(await resumeItem(fixture.services, stored)).toBe(1);
    expect(await resumeItem(fixture.services, stored)).toBe(1);
    expect(await fixture.waiting("build")).toEqual([
      { workItem: item.id, attempt: 1, candidate: 2 },
    ]);
    expect(await resumeItem(fixture.services, { ...stored, state: "approved" })).toBe(0);
  });
});
