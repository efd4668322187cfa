import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeTrialExecutor, ServiceAgent } from "../../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../../agents/agent.js";
import { ScaffoldAgent } from "../../agents/scaffold/scaffold-agent.js";
import type { AgentRun } from "../../contracts/agent-run.js";
import { InProcessReleaseHost } from "../../deploy/local/in-process-release-host.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";

vi.setConfig({ testTimeout: 60_000 });

/**
 * The scaffold's real todo service, or (`broken`) a service that answers 200 to everything: its health
 * check passes and every scenario fails. The trials are a fake that passes all, and the smoke sample is
 * off, so only the canary stands between such a build and the traffic.
 */
class SwitchingAgent implements Agent {
  readonly name = "switching";
  broken = false;
  readonly #scaffold = new ScaffoldAgent({ now: () => performance.now() });
  readonly #service = new ServiceAgent();

  run(task: AgentTask, workspace: Workspace, limits: AgentLimits, signal: AbortSignal) {
    const inner = this.broken ? this.#service : this.#scaffold;
    return inner.run(task, workspace, limits, signal) as Promise<AgentRun>;
  }
}

let fixture: LineFixture;
let host: InProcessReleaseHost;
let agent: SwitchingAgent;

beforeEach(async () => {
  agent = new SwitchingAgent();
  host = new InProcessReleaseHost({
    sandbox: new NoSandbox(),
    now: () => performance.now(),
    sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
  });
  fixture = await lineFixture({
    agent,
    trialExecutor: new FakeTrialExecutor(),
    config: {
      deploy: {
        enabled: true,
        smokeScenarios: 0,
        canary: { share: 0.5, probesPerRound: 10, maxRounds: 10 },
      },
      profiles: { quick: { extends: "admin", mode: "point" } },
    },
    connectReleaseHost: async () => ({ host, fresh: false }),
  });
});
afterEach(async () => {
  await fixture.services.deployment.close();
  await host.close();
  await fixture.remove();
});

async function deployOne(): Promise<string> {
  const item = await fixture.session.submit({ specPath: fixture.smallSpec, profile: "quick" });
  await fixture.session.run();
  return item.id;
}

describe("the canary", () => {
  it("promotes a canary that keeps the SLO, and reverts one that does not", async () => {
    await deployOne();
    expect((await fixture.session.releases()).map((release) => release.state)).toEqual(["live"]);

    agent.broken = true;
    const broken = await deployOne();
    const refused = await fixture.session.history(broken);
    expect(refused.item.state).toBe("exception");
    expect(refused.exceptions[0]).toMatchObject({
      reason: "deploy-failed",
      evidence: expect.objectContaining({ step: "canary", decision: "revert" }),
    });
    expect(refused.exceptions[0]?.summary).toMatch(/todo-api-r2 .*did not go live/);
    const afterRevert = await host.status();
    expect(afterRevert.services[0]?.shares).toEqual([{ release: "todo-api-r1", share: 1 }]);

    agent.broken = false;
    const good = await deployOne();
    const promoted = await fixture.session.history(good);
    expect(promoted.item.state).toBe("live");
    const live = promoted.events.find((event) => event.type === "release.end");
    expect(live?.type === "release.end" && live.payload.reason).toMatch(
      /^canary: .*; replaces todo-api-r1, kept warm for a rollback$/,
    );
    const releases = await fixture.session.releases();
    expect(releases.map((release) => [release.id, release.state])).toEqual([
      ["todo-api-r3", "live"],
      ["todo-api-r2", "failed"],
      ["todo-api-r1", "standby"],
    ]);
  });
});
