import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DeployFixture, deployFixture } from "../../../test/line/support/deploy-fixture.js";
import { ServiceAgent } from "../../../test/line/support/line-fakes.js";

vi.setConfig({ testTimeout: 60_000 });

let setup: DeployFixture;
let agent: ServiceAgent;

beforeEach(async () => {
  agent = new ServiceAgent();
  setup = await deployFixture(agent, { deploy: { healthTimeoutSeconds: 5 } });
});
afterEach(() => setup.close());

async function releaseOf(address: string): Promise<string> {
  const response = await fetch(address);
  return ((await response.json()) as { release: string }).release;
}

describe("the deploy station", () => {
  it("puts an approved build live, then the next one, keeping the first warm", async () => {
    const first = await setup.deployItem();
    expect((await setup.fixture.session.history(first)).item.state).toBe("live");
    const [live] = await setup.fixture.session.releases();
    expect(live).toMatchObject({ id: "todo-api-r1", state: "live" });
    const address = live?.address ?? "";
    expect(await releaseOf(address)).toBe("todo-api-r1");

    await setup.deployItem();
    expect(await releaseOf(address)).toBe("todo-api-r2");
    expect((await setup.fixture.session.releases()).map((release) => release.state)).toEqual([
      "live",
      "standby",
    ]);
    const status = await setup.host.status();
    expect(status.services).toEqual([
      expect.objectContaining({ shares: [{ release: "todo-api-r2", share: 1 }] }),
    ]);
    // The first item went live once; its release is the standby now, so it cannot be rolled back.
    await expect(
      setup.fixture.session.rollback({ workItem: first, by: "ada", reason: "try" }),
    ).rejects.toThrow(/release is not live any more \(a newer one replaced it\)/);
  });

  it("never gives traffic to a release that fails its health check, and escalates the item", async () => {
    await setup.deployItem();
    const address = (await setup.fixture.session.releases())[0]?.address ?? "";

    const flag = join(setup.fixture.home, "settings-missing");
    await writeFile(flag, "");
    agent.brokenWhile = flag;
    const broken = await setup.deployItem();
    const history = await setup.fixture.session.history(broken);
    expect(history.item.state).toBe("exception");
    expect(history.exceptions[0]).toMatchObject({ reason: "deploy-failed" });
    expect(history.exceptions[0]?.summary).toMatch(/todo-api-r2 .*did not go live/);
    expect(history.exceptions[0]?.summary).toMatch(/cannot read my settings/);
    const releases = await setup.fixture.session.releases();
    expect(releases.map((release) => [release.id, release.state])).toEqual([
      ["todo-api-r2", "failed"],
      ["todo-api-r1", "live"],
    ]);
    expect(await releaseOf(address)).toBe("todo-api-r1");
    const costs = history.costs.byCategory;
    expect(costs.ci).toBeGreaterThan(0);

    // The setting is there now: a person retries, and the same build is deployed again.
    await rm(flag);
    const [exception] = history.exceptions;
    await setup.fixture.session.decide({
      exception: exception?.id ?? "",
      action: "retry",
      by: "ada",
      reason: "the settings are deployed now",
    });
    await setup.fixture.session.run();
    const retried = await setup.fixture.session.history(broken);
    expect(retried.item).toMatchObject({ state: "live", attempt: 1 });
    expect(retried.builds).toHaveLength(1);
    expect(await releaseOf(address)).toBe("todo-api-r3");
  });

  it("asks the ci budget before it starts a release, and goes on once it is raised", async () => {
    await setup.close();
    // A cent a day: ci gets 0.15 of it, less than the minute of runner time a deploy reserves.
    setup = await deployFixture(agent, { budget: { dailyUsd: 0.01 } });
    const item = await setup.deployItem();
    const refused = await setup.fixture.session.history(item);
    expect(refused.item.state).toBe("exception");
    expect(refused.exceptions[0]).toMatchObject({
      reason: "budget-reached",
      evidence: expect.objectContaining({ station: "deploy" }),
    });
    expect(await setup.fixture.session.releases()).toEqual([]);

    await setup.fixture.session.decide({
      exception: refused.exceptions[0]?.id ?? "",
      action: "raise-budget",
      dailyBudgetUsd: 100,
      by: "ada",
      reason: "deploys are worth it",
    });
    await setup.fixture.session.run();
    expect((await setup.fixture.session.history(item)).item.state).toBe("live");
  });

  it("fails a release whose code says nothing of how to start it, without leaving it starting", async () => {
    agent.withoutStartScript = true;
    const item = await setup.deployItem();
    const history = await setup.fixture.session.history(item);
    expect(history.item.state).toBe("exception");
    expect(history.exceptions[0]).toMatchObject({
      reason: "deploy-failed",
      evidence: expect.objectContaining({ step: "prepare" }),
    });
    expect(history.exceptions[0]?.summary).toMatch(/package\.json whose scripts\.start/);
    expect((await setup.fixture.session.releases()).map((release) => release.state)).toEqual([
      "failed",
    ]);
  });
});
