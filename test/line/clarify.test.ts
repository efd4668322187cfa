/**
 * A spec below the intake minimum goes to the exception queue before any money is spent
 * (`spec-too-vague`, with the lint findings as evidence); a person clarifies it with a better spec, and
 * the new work item (parent: the vague one) goes down the line to approval.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type LineHome,
  openLineHome,
  scaffoldLineUp,
  todoSpec,
  vagueSpec,
} from "./support/line-home.js";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let setup: LineHome;

beforeAll(async () => {
  setup = await openLineHome();
});
afterAll(() => setup.remove());

describe("a vague spec", () => {
  it("is sent back at intake, and its clarified spec is built and approved", async () => {
    const vague = await setup.line.submit({ specPath: vagueSpec, lineUp: scaffoldLineUp() });
    const first = await setup.line.run();
    expect(first.items.map((item) => item.state)).toEqual(["exception"]);
    expect(first.jobsRun).toBe(1);

    const [exception] = await setup.line.exceptions();
    expect(exception?.workItem).toBe(vague.id);
    expect(exception?.reason).toBe("spec-too-vague");
    expect(exception?.evidence.minimumScore).toBe(75);
    expect(exception?.evidence.score).toBeLessThan(75);
    expect(exception?.evidence.findings).not.toHaveLength(0);
    const status = await setup.line.status();
    expect(status.openExceptions).toBe(1);
    expect(status.spendToday.totalMicroUsd).toBe(0);

    const decision = await setup.line.decide({
      exception: exception?.id.slice(0, 8) ?? "",
      action: "clarify",
      reason: "rewrote it as the todo service the team meant",
      by: "ana@example.com",
      clarifiedSpecPath: todoSpec,
    });
    expect(decision.action).toBe("clarify");
    expect(decision.details.specPath).toBe(todoSpec);
    await expect(
      setup.line.decide({
        exception: exception?.id ?? "",
        action: "reject",
        reason: "x",
        by: "bo",
      }),
    ).rejects.toThrow(/already decided/);

    const second = await setup.line.run();
    const clarified = (await setup.line.workItems()).find((item) => item.parent === vague.id);
    expect(clarified?.state).toBe("approved");
    expect(clarified?.name).toBe("todo-api");
    expect(clarified?.profile).toBe("admin");
    expect(second.items.map((item) => item.id)).toEqual([clarified?.id]);

    const history = await setup.line.history(vague.id);
    expect(history.item.state).toBe("rejected");
    expect(history.decisions).toEqual([decision]);
    expect(history.exceptions.map((each) => each.state)).toEqual(["decided"]);
    const last = history.events.at(-1);
    expect(last?.type === "work-item.transition" && last.payload.reason).toContain(
      `clarified as ${clarified?.id}`,
    );
    expect(await setup.line.exceptions()).toEqual([]);
  });
});
