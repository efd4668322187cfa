import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DeployFixture, deployFixture } from "../../../test/line/support/deploy-fixture.js";
import { ServiceAgent } from "../../../test/line/support/line-fakes.js";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../../agents/agent.js";
import { ScaffoldAgent } from "../../agents/scaffold/scaffold-agent.js";
import type { AgentRun } from "../../contracts/agent-run.js";

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

let setup: DeployFixture;
let agent: SwitchingAgent;

beforeEach(async () => {
  agent = new SwitchingAgent();
  setup = await deployFixture(agent, {
    deploy: { canary: { share: 0.5, probesPerRound: 10, maxRounds: 10 } },
  });
});
afterEach(() => setup.close());

describe("the canary", () => {
  it("promotes a canary that keeps the SLO, and reverts one that does not", async () => {
    await setup.deployItem();
    expect((await setup.fixture.session.releases()).map((release) => release.state)).toEqual([
      "live",
    ]);

    agent.broken = true;
    const broken = await setup.deployItem();
    const refused = await setup.fixture.session.history(broken);
    expect(refused.item.state).toBe("exception");
    expect(refused.exceptions[0]).toMatchObject({
      reason: "deploy-failed",
      evidence: expect.objectContaining({ step: "canary", decision: "revert" }),
    });
    expect(refused.exceptions[0]?.summary).toMatch(/todo-api-r2 .*did not go live/);
    const afterRevert = await setup.host.status();
    expect(afterRevert.services[0]?.shares).toEqual([{ release: "todo-api-r1", share: 1 }]);

    agent.broken = false;
    const good = await setup.deployItem();
    const promoted = await setup.fixture.session.history(good);
    expect(promoted.item.state).toBe("live");
    const live = promoted.events.find((event) => event.type === "release.end");
    expect(live?.type === "release.end" && live.payload.reason).toMatch(
      /^canary: .*; replaces todo-api-r1, kept warm for a rollback$/,
    );
    const releases = await setup.fixture.session.releases();
    expect(releases.map((release) => [release.id, release.state])).toEqual([
      ["todo-api-r3", "live"],
      ["todo-api-r2", "failed"],
      ["todo-api-r1", "standby"],
    ]);
  });
});
