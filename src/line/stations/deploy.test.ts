import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeTrialExecutor, ServiceAgent } from "../../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { InProcessReleaseHost } from "../../deploy/local/in-process-release-host.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";

vi.setConfig({ testTimeout: 60_000 });

/** The small suite approves at once under the raw pass rate (no rounds of more trials to wait for). */
const quick = { profiles: { quick: { extends: "admin", mode: "point" } } };

let fixture: LineFixture;
let host: InProcessReleaseHost;
let agent: ServiceAgent;

beforeEach(async () => {
  agent = new ServiceAgent();
  host = new InProcessReleaseHost({
    sandbox: new NoSandbox(),
    now: () => performance.now(),
    sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
  });
  fixture = await lineFixture({
    agent,
    trialExecutor: new FakeTrialExecutor(),
    config: { deploy: { enabled: true, smokeScenarios: 0, healthTimeoutSeconds: 5 }, ...quick },
    connectReleaseHost: async () => ({ host, fresh: false }),
  });
});
afterEach(async () => {
  await fixture.services.deployment.close();
  await host.close();
  await fixture.remove();
});

async function releaseOf(address: string): Promise<string> {
  const response = await fetch(address);
  return ((await response.json()) as { release: string }).release;
}

describe("the deploy station", () => {
  it("puts an approved build live, then the next one, keeping the first warm", async () => {
    const first = await fixture.session.submit({ specPath: fixture.smallSpec, profile: "quick" });
    await fixture.session.run();
    expect((await fixture.session.history(first.id)).item.state).toBe("live");
    const [live] = await fixture.session.releases();
    expect(live).toMatchObject({ id: "todo-api-r1", state: "live" });
    const address = live?.address ?? "";
    expect(await releaseOf(address)).toBe("todo-api-r1");

    await fixture.session.submit({ specPath: fixture.smallSpec, profile: "quick" });
    await fixture.session.run();
    expect(await releaseOf(address)).toBe("todo-api-r2");
    expect((await fixture.session.releases()).map((release) => release.state)).toEqual([
      "live",
      "standby",
    ]);
    const status = await host.status();
    expect(status.services).toEqual([
      expect.objectContaining({ shares: [{ release: "todo-api-r2", share: 1 }] }),
    ]);
    // The first item went live once; its release is the standby now, so it cannot be rolled back.
    await expect(
      fixture.session.rollback({ workItem: first.id, by: "ada", reason: "try" }),
    ).rejects.toThrow(/release is not live any more \(a newer one replaced it\)/);
  });

  it("never gives traffic to a release that fails its health check, and escalates the item", async () => {
    await fixture.session.submit({ specPath: fixture.smallSpec, profile: "quick" });
    await fixture.session.run();
    const address = (await fixture.session.releases())[0]?.address ?? "";

    const flag = join(fixture.home, "settings-missing");
    await writeFile(flag, "");
    agent.brokenWhile = flag;
    const broken = await fixture.session.submit({ specPath: fixture.smallSpec, profile: "quick" });
    await fixture.session.run();
    const history = await fixture.session.history(broken.id);
    expect(history.item.state).toBe("exception");
    expect(history.exceptions[0]).toMatchObject({ reason: "deploy-failed" });
    expect(history.exceptions[0]?.summary).toMatch(/todo-api-r2 .*did not go live/);
    expect(history.exceptions[0]?.summary).toMatch(/cannot read my settings/);
    const releases = await fixture.session.releases();
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
    await fixture.session.decide({
      exception: exception?.id ?? "",
      action: "retry",
      by: "ada",
      reason: "the settings are deployed now",
    });
    await fixture.session.run();
    const retried = await fixture.session.history(broken.id);
    expect(retried.item).toMatchObject({ state: "live", attempt: 1 });
    expect(retried.builds).toHaveLength(1);
    expect(await releaseOf(address)).toBe("todo-api-r3");
  });

  it("asks the ci budget before it starts a release, and goes on once it is raised", async () => {
    await fixture.remove();
    fixture = await lineFixture({
      agent,
      trialExecutor: new FakeTrialExecutor(),
      // A cent a day: ci gets 0.15 of it, less than the minute of runner time a deploy reserves.
      config: {
        deploy: { enabled: true, smokeScenarios: 0 },
        budget: { dailyUsd: 0.01 },
        ...quick,
      },
      connectReleaseHost: async () => ({ host, fresh: false }),
    });
    const item = await fixture.session.submit({ specPath: fixture.smallSpec, profile: "quick" });
    await fixture.session.run();
    const refused = await fixture.session.history(item.id);
    expect(refused.item.state).toBe("exception");
    expect(refused.exceptions[0]).toMatchObject({
      reason: "budget-reached",
      evidence: expect.objectContaining({ station: "deploy" }),
    });
    expect(await fixture.session.releases()).toEqual([]);

    await fixture.session.decide({
      exception: refused.exceptions[0]?.id ?? "",
      action: "raise-budget",
      dailyBudgetUsd: 100,
      by: "ada",
      reason: "deploys are worth it",
    });
    await fixture.session.run();
    expect((await fixture.session.history(item.id)).item.state).toBe("live");
  });

  it("fails a release whose code says nothing of how to start it, without leaving it starting", async () => {
    agent.withoutStartScript = true;
    const item = await fixture.session.submit({ specPath: fixture.smallSpec, profile: "quick" });
    await fixture.session.run();
    const history = await fixture.session.history(item.id);
    expect(history.item.state).toBe("exception");
    expect(history.exceptions[0]).toMatchObject({
      reason: "deploy-failed",
      evidence: expect.objectContaining({ step: "prepare" }),
    });
    expect(history.exceptions[0]?.summary).toMatch(/package\.json whose scripts\.start/);
    expect((await fixture.session.releases()).map((release) => release.state)).toEqual(["failed"]);
  });
});
