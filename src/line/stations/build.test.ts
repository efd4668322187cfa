import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { InstantAgent } from "../../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { buildStation } from "./build.js";

let fixture: LineFixture;
afterEach(() => fixture.remove());

async function submitted(lineUp?: Parameters<LineFixture["session"]["submit"]>[0]["lineUp"]) {
  const item = await fixture.session.submit({
    specPath: fixture.smallSpec,
    lineUp: lineUp ?? { pattern: "single", agent: { agent: "claude", model: "opus" } },
  });
  await fixture.runNext("intake");
  return item;
}

describe("the build station", () => {
  it("runs the agent in a fresh worktree, stores the run and charges its cost", async () => {
    const agent = new InstantAgent({ name: "claude", costMicroUsd: 12_345 });
    fixture = await lineFixture({ agent });
    const item = await submitted();
    await fixture.runNext("build");

    const [task] = agent.tasks;
    expect(task?.attempt).toBe(1);
    expect(task?.instructions).toContain("`scripts.start`");
    expect(task?.instructions).toContain("GET /health");
    expect(task?.specText).toContain("name: todo-api");
    expect(fixture.agentCalls).toEqual([{ agent: { agent: "claude", model: "opus" }, attempt: 1 }]);

    const build = await fixture.services.store.build(`${item.id}.1.1`);
    expect(build?.state).toBe("built");
    expect(build?.branch).toBe(`shopfloor/${item.id}/${item.id}.1.1`);
    expect(build?.run?.transcript).toMatch(/artifacts\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    const repository = fixture.services.repositories.repositoryPath(item.id);
    const log = execFileSync("git", ["log", "--format=%s", build?.branch ?? ""], {
      cwd: repository,
      encoding: "utf8",
    });
    expect(log).toContain("instant build, attempt 1");

    const ended = (await fixture.services.store.events({ workItem: item.id })).find(
      (event) => event.type === "build.end",
    );
    expect(ended?.payload).toMatchObject({ status: "succeeded", costMicroUsd: 12_345 });
    const charges = await fixture.services.database
      .selectFrom("cost_event")
      .select(["category", "amount_micro_usd", "station", "agent", "run", "work_item"])
      .execute();
    expect(charges).toEqual([
      {
        category: "inference",
        amount_micro_usd: 12_345,
        station: "build",
        agent: "claude",
        run: `${item.id}.1.1`,
        work_item: item.id,
      },
    ]);
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("scenarios");
    expect(await fixture.waiting("scenarios")).toEqual([{ workItem: item.id }]);
  });

  it("does not run the agent again for a build that ended", async () => {
    const agent = new InstantAgent();
    fixture = await lineFixture({ agent });
    const item = await submitted();
    const job = { workItem: item.id, attempt: 1, candidate: 1 };
    await buildStation(job, fixture.context());
    await buildStation(job, fixture.context());
    expect(agent.tasks).toHaveLength(1);
    const starts = (await fixture.services.store.events({ workItem: item.id })).filter(
      (event) => event.type === "build.start",
    );
    expect(starts).toHaveLength(1);
  });

  it("moves the item on only when every candidate of a best-of-N attempt has ended", async () => {
    fixture = await lineFixture();
    const item = await submitted({
      pattern: "best-of",
      candidates: 2,
      agents: [{ agent: "scaffold" }],
    });
    await fixture.runNext("build");
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("build");
    await fixture.runNext("build");
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("scenarios");
  });

  it("tries the next attempt when nothing was built, and escalates when the attempts are spent", async () => {
    const agent = new InstantAgent({ status: "failed" });
    fixture = await lineFixture({
      agent,
      config: { profiles: { twice: { extends: "admin", maxAttempts: 2 } } },
    });
    const item = await fixture.session.submit({
      specPath: fixture.smallSpec,
      profile: "twice",
      lineUp: {
        pattern: "fallback",
        agents: [{ agent: "claude" }, { agent: "codex" }],
        afterFailures: 1,
      },
    });
    await fixture.runNext("intake");
    await fixture.runNext("build");
    expect(await fixture.services.store.workItem(item.id)).toMatchObject({
      state: "build",
      attempt: 2,
    });
    await fixture.runNext("build");
    expect(fixture.agentCalls.map((call) => call.agent.agent)).toEqual(["claude", "codex"]);
    const [exception] = await fixture.services.store.exceptions({ workItem: item.id });
    expect(exception?.reason).toBe("agent-cannot-build");
    expect(exception?.summary).toContain("The instant agent gave up.");
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("exception");
  });

  it("does not try again when the agent said another try cannot help", async () => {
    const agent = new InstantAgent({ name: "scaffold", status: "failed", retryable: false });
    fixture = await lineFixture({ agent });
    const item = await submitted({ pattern: "single", agent: { agent: "scaffold" } });
    await fixture.runNext("build");
    expect(fixture.agentCalls).toHaveLength(1);
    const [exception] = await fixture.services.store.exceptions({ workItem: item.id });
    expect(exception?.reason).toBe("agent-cannot-build");
    expect(await fixture.services.store.workItem(item.id)).toMatchObject({
      state: "exception",
      attempt: 1,
    });
  });

  it("sends the item to the exception queue when the budget refuses the agent's run", async () => {
    const agent = new InstantAgent();
    fixture = await lineFixture({ agent, config: { budget: { dailyUsd: 0.5 } } });
    const item = await submitted();
    await fixture.runNext("build");
    expect(agent.tasks).toEqual([]);
    const [exception] = await fixture.services.store.exceptions({ workItem: item.id });
    expect(exception?.reason).toBe("budget-reached");
    expect(exception?.evidence.job).toEqual({ workItem: item.id, attempt: 1, candidate: 1 });
    const events = await fixture.services.store.events({ workItem: item.id });
    expect(events.find((event) => event.type === "budget.exceeded")?.payload).toMatchObject({
      category: "inference",
      station: "build",
    });
    expect((await fixture.services.store.workItem(item.id))?.state).toBe("exception");
  });
});
