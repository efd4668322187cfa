import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeTrialExecutor, InstantAgent } from "../../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../../agents/agent.js";
import { commitWorkspace } from "../../agents/workspace/commit-workspace.js";
import type { AgentRun } from "../../contracts/agent-run.js";
import { InProcessReleaseHost } from "../../deploy/local/in-process-release-host.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";

vi.setConfig({ testTimeout: 60_000 });

/** Writes a real service (a node http server answering 200 with its name) unless told to break it. */
class ServerAgent implements Agent {
  readonly name = "server";
  broken = false;
  readonly #inner = new InstantAgent({ name: "server" });

  async run(
    task: AgentTask,
    workspace: Workspace,
    limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun> {
    const server = this.broken
      ? 'console.error("cannot read my settings"); process.exit(3);\n'
      : [
          'import { createServer } from "node:http";',
          "createServer((request, response) => {",
          '  response.writeHead(200, { "content-type": "application/json" });',
          "  response.end(JSON.stringify({ release: process.env.SHOPFLOOR_RELEASE }));",
          "}).listen(Number(process.env.PORT), process.env.HOST);",
          "",
        ].join("\n");
    // The instant agent writes package.json (`node server.mjs`) and commits; the server is ours.
    const result = await this.#inner.run(task, workspace, limits, signal);
    await writeFile(join(workspace.path, "server.mjs"), server);
    const committed = await commitWorkspace(workspace, "the service");
    return { ...result, commit: committed.commit ?? result.commit };
  }
}

let fixture: LineFixture;
let host: InProcessReleaseHost;
let agent: ServerAgent;

beforeEach(async () => {
  agent = new ServerAgent();
  host = new InProcessReleaseHost({
    sandbox: new NoSandbox(),
    now: () => performance.now(),
    sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
  });
  fixture = await lineFixture({
    agent,
    trialExecutor: new FakeTrialExecutor(),
    config: { deploy: { enabled: true, smokeScenarios: 0, healthTimeoutSeconds: 5 } },
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
    const first = await fixture.session.submit({ specPath: fixture.smallSpec });
    await fixture.session.run();
    expect((await fixture.session.history(first.id)).item.state).toBe("live");
    const [live] = await fixture.session.releases();
    expect(live).toMatchObject({ id: "todo-api-r1", state: "live" });
    const address = live?.address ?? "";
    expect(await releaseOf(address)).toBe("todo-api-r1");

    await fixture.session.submit({ specPath: fixture.smallSpec });
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
  });

  it("never gives traffic to a release that fails its health check, and escalates the item", async () => {
    await fixture.session.submit({ specPath: fixture.smallSpec });
    await fixture.session.run();
    const address = (await fixture.session.releases())[0]?.address ?? "";

    agent.broken = true;
    const broken = await fixture.session.submit({ specPath: fixture.smallSpec });
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
  });
});
