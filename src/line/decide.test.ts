import { afterEach, describe, expect, it } from "vitest";
import { FakeTrialExecutor } from "../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../test/line/support/line-fixture.js";
import { todoSpec, vagueSpec } from "../../test/line/support/line-home.js";
import type { ShopfloorError } from "../contracts/errors.js";

let fixture: LineFixture;
afterEach(() => fixture.remove());

const config = {
  profiles: {
    once: { extends: "admin", maxAttempts: 1 },
    "normal-only": { categories: { normal: { threshold: 0.5 } } },
  },
};

async function spentItem() {
  fixture = await lineFixture({
    config,
    trialExecutor: new FakeTrialExecutor({ passes: (scenario) => scenario.category !== "edge" }),
  });
  const item = await fixture.session.submit({ specPath: todoSpec, profile: "once" });
  await fixture.session.run();
  const [exception] = await fixture.session.exceptions();
  expect(exception?.reason).toBe("retries-spent");
  return { item, exception: exception?.id ?? "" };
}

const by = { by: "ana@example.com", reason: "checked by hand" };

describe("decisions", () => {
  it("refuses a decision that cannot be carried out, before recording anything", async () => {
    fixture = await lineFixture();
    const item = await fixture.session.submit({ specPath: vagueSpec });
    await fixture.session.run();
    const [exception] = await fixture.session.exceptions();
    const id = exception?.id ?? "";
    await expect(
      fixture.session.decide({ exception: id, action: "approve", ...by }),
    ).rejects.toThrow(/has no build to approve/);
    await expect(
      fixture.session.decide({ exception: id, action: "raise-budget", dailyBudgetUsd: 5, ...by }),
    ).rejects.toThrow(/answers a budget-reached exception/);
    const unknown = await fixture.session
      .decide({ exception: id, action: "change-profile", profile: "nope", ...by })
      .catch((error: unknown) => error);
    expect((unknown as ShopfloorError).code).toBe("not-found");
    await expect(
      fixture.session.decide({ exception: id, action: "clarify", ...by }),
    ).rejects.toThrow(/clarify needs clarifiedSpecPath/);
    expect(await fixture.services.store.decisions(item.id)).toEqual([]);
    expect((await fixture.session.exceptions()).map((each) => each.state)).toEqual(["open"]);
  });

  it("approves the exception's build, recording who, when and why first", async () => {
    const { item, exception } = await spentItem();
    const decision = await fixture.session.decide({ exception, action: "approve", ...by });
    expect(decision).toMatchObject({
      exception,
      workItem: item.id,
      action: "approve",
      by: "ana@example.com",
      reason: "checked by hand",
      details: { build: `${item.id}.1.1` },
    });
    const events = await fixture.services.store.events({ workItem: item.id });
    const [recorded, moved] = events.slice(-2);
    expect(recorded?.type).toBe("decision.record");
    expect(moved?.payload).toMatchObject({ from: "exception", to: "approved" });
    expect(await fixture.services.store.workItem(item.id)).toMatchObject({
      state: "approved",
      approvedBuild: `${item.id}.1.1`,
    });
  });

  it("judges the item again under a changed profile", async () => {
    const { item, exception } = await spentItem();
    const decision = await fixture.session.decide({
      exception,
      action: "change-profile",
      profile: "normal-only",
      ...by,
    });
    expect(decision.details).toEqual({ from: "once", to: "normal-only", station: "gate" });
    expect(await fixture.services.store.workItem(item.id)).toMatchObject({
      state: "gate",
      profile: "normal-only",
    });
    await fixture.session.run();
    const approved = await fixture.services.store.workItem(item.id);
    expect(approved).toMatchObject({ state: "approved", approvedBuild: `${item.id}.1.1` });
    expect((await fixture.services.store.build(`${item.id}.1.1`))?.verdict?.profile).toBe(
      "normal-only",
    );
  });

  it("rejects, and a decided exception cannot be decided again", async () => {
    const { item, exception } = await spentItem();
    await fixture.session.decide({ exception, action: "reject", ...by });
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("rejected");
    await expect(fixture.session.decide({ exception, action: "approve", ...by })).rejects.toThrow(
      /already decided/,
    );
    const outcomes = await fixture.services.database
      .selectFrom("change_outcome")
      .select("outcome")
      .execute();
    expect(outcomes).toEqual([{ outcome: "rejected" }]);
  });
});
