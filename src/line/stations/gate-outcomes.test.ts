import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import { judgeBuild } from "../trials/judge-build.js";
import { extendForMoreTrials, regenerateOrEscalate } from "./gate-outcomes.js";

let fixture: LineFixture;
beforeEach(async () => {
  fixture = await lineFixture();
});
afterEach(() => fixture.remove());

async function itemAtGate() {
  const item = await fixture.session.submit({ specPath: fixture.smallSpec });
  for (const station of ["intake", "build", "scenarios", "trials"] as const) {
    await fixture.runNext(station);
  }
  const stored = await fixture.services.store.workItem(item.id);
  const build = await fixture.services.store.build(`${item.id}.1.1`);
  if (stored === undefined || build === undefined) throw new Error("not at the gate");
  return { item: stored, build };
}

describe("the gate's outcomes without an approved candidate", () => {
  it("does not extend a suite a person froze", async () => {
    const { item, build } = await itemAtGate();
    await fixture.services.suites.freeze(item.suite ?? "");
    const verdict = judgeBuild(
      await fixture.services.store.trials(build.id),
      resolveProfile("admin", fixture.services.config),
      1,
    );
    expect(verdict.decision).toBe("more-trials");
    const judged = [{ build, verdict, round: 1, costMicroUsd: 0, report: "r" }];
    expect(await extendForMoreTrials(fixture.context(), item, judged)).toBe(false);
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("gate");
  });

  it("escalates when no candidate reached the gate", async () => {
    const { item } = await itemAtGate();
    const profile = resolveProfile("admin", fixture.services.config);
    await regenerateOrEscalate(fixture.context(), item, profile, [], undefined);
    const [exception] = await fixture.services.store.exceptions({ workItem: item.id });
    expect(exception?.reason).toBe("agent-cannot-build");
  });
});
