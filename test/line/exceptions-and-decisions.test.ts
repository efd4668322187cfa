/**
 * The exception queue and a person's decisions, on the real line with the scaffold agent and a trial
 * executor whose builds fail every edge scenario: the gate regenerates until the profile's attempts are
 * spent, then the item waits as `retries-spent` with the verdicts as evidence. Approve, reject and
 * retry are recorded (who, when, why) and carried out; the history shows them. A budget too small for
 * the trials stops the item as `budget-reached`; raising the budget sends it on to approval.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeTrialExecutor } from "./support/line-fakes.js";
import { type LineHome, openLineHome, scaffoldLineUp, todoSpec } from "./support/line-home.js";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const twoAttempts = { profiles: { "two-tries": { extends: "admin", maxAttempts: 2 } } };
const failsEdge = () =>
  new FakeTrialExecutor({ passes: (scenario) => scenario.category !== "edge" });

let setup: LineHome | undefined;
afterEach(async () => {
  await setup?.remove();
  setup = undefined;
});

describe("exceptions and decisions", () => {
  it("escalates when the attempts are spent, then approves and rejects on a person's word", async () => {
    setup = await openLineHome(twoAttempts, { trialExecutor: failsEdge() });
    const lineUp = scaffoldLineUp();
    const kept = await setup.line.submit({ specPath: todoSpec, profile: "two-tries", lineUp });
    const dropped = await setup.line.submit({ specPath: todoSpec, profile: "two-tries", lineUp });
    const summary = await setup.line.run();
    expect(summary.items.map((item) => [item.state, item.attempt])).toEqual([
      ["exception", 2],
      ["exception", 2],
    ]);

    const open = await setup.line.exceptions();
    expect(open.map((exception) => exception.reason)).toEqual(["retries-spent", "retries-spent"]);
    const keptException = open.find((exception) => exception.workItem === kept.id);
    expect(keptException?.build).toBe(`${kept.id}.2.1`);
    const verdicts = keptException?.evidence.verdicts as { verdict: { decision: string } }[];
    expect(verdicts.map((each) => each.verdict.decision)).toEqual(["regenerate"]);

    await setup.line.decide({
      exception: keptException?.id ?? "",
      action: "approve",
      reason: "edge cases are out of scope for the pilot",
      by: "ana@example.com",
    });
    const droppedException = open.find((exception) => exception.workItem === dropped.id);
    await setup.line.decide({
      exception: droppedException?.id ?? "",
      action: "reject",
      reason: "a duplicate of the other one",
      by: "bo@example.com",
    });

    const approved = await setup.line.history(kept.id);
    expect(approved.item.state).toBe("approved");
    expect(approved.item.approvedBuild).toBe(`${kept.id}.2.1`);
    expect(approved.decisions.map((decision) => [decision.action, decision.by])).toEqual([
      ["approve", "ana@example.com"],
    ]);
    expect(approved.builds.map((build) => build.verdict?.decision)).toEqual([
      "regenerate",
      "regenerate",
    ]);
    expect(
      approved.builds[1]?.feedback?.categories.find((each) => each.category === "edge"),
    ).toMatchObject({ passed: 0 });
    const rejected = await setup.line.history(dropped.id);
    expect(rejected.item.state).toBe("rejected");
    expect(rejected.events.at(-1)?.type).toBe("work-item.transition");
    expect(await setup.line.exceptions({ state: "decided" })).toHaveLength(2);
    const status = await setup.line.status();
    expect(status.outcomes).toEqual({ approved: 1, rejected: 1, exception: 0, approvalRate: 0.5 });
  });

  it("tries once more on retry, with the last verdict's feedback", async () => {
    setup = await openLineHome(twoAttempts, { trialExecutor: failsEdge() });
    const item = await setup.line.submit({
      specPath: todoSpec,
      profile: "two-tries",
      lineUp: scaffoldLineUp(),
    });
    await setup.line.run();
    const [exception] = await setup.line.exceptions();
    await setup.line.decide({
      exception: exception?.id ?? "",
      action: "retry",
      reason: "one more go",
      by: "ana@example.com",
    });
    expect((await setup.line.history(item.id)).item).toMatchObject({ state: "build", attempt: 3 });
    await setup.line.run();
    const history = await setup.line.history(item.id);
    expect(history.item).toMatchObject({ state: "exception", attempt: 3 });
    expect(history.builds.map((build) => build.id)).toEqual([
      `${item.id}.1.1`,
      `${item.id}.2.1`,
      `${item.id}.3.1`,
    ]);
    expect(history.builds[2]?.feedback?.decision).toBe("regenerate");
    expect(history.exceptions.map((each) => each.state)).toEqual(["decided", "open"]);
  });

  it("stops at a budget too small for the trials, and goes on when the budget is raised", async () => {
    const tiny = { budget: { dailyUsd: 0.0001 } };
    setup = await openLineHome(tiny, { trialExecutor: new FakeTrialExecutor() });
    const item = await setup.line.submit({ specPath: todoSpec, lineUp: scaffoldLineUp() });
    const first = await setup.line.run();
    expect(first.items.map((each) => each.state)).toEqual(["exception"]);
    const [exception] = await setup.line.exceptions();
    expect(exception?.reason).toBe("budget-reached");
    expect(exception?.build).toBe(`${item.id}.1.1`);
    expect(exception?.evidence.station).toBe("trials");
    const exceeded = setup.events.find((event) => event.type === "budget.exceeded");
    expect(exceeded?.payload).toMatchObject({ category: "testing", station: "trials" });

    await expect(
      setup.line.decide({
        exception: exception?.id ?? "",
        action: "raise-budget",
        reason: "x",
        by: "ana",
      }),
    ).rejects.toThrow(/needs dailyBudgetUsd/);
    await setup.line.decide({
      exception: exception?.id ?? "",
      action: "raise-budget",
      reason: "the pilot needs a real budget",
      by: "ana@example.com",
      dailyBudgetUsd: 50,
    });
    const second = await setup.line.run({ items: [item.id] });
    expect(second.items.map((each) => each.state)).toEqual(["approved"]);
    const status = await setup.line.status();
    expect(status.spendToday.limitMicroUsd).toBe(50_000_000);
    const history = await setup.line.history(item.id);
    expect(history.decisions[0]?.details).toEqual({ dailyUsd: 50, station: "trials" });
  });
});
