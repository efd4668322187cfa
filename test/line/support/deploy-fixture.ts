/**
 * Test support for the deploy station and the monitor: a line fixture whose local target runs on an
 * in-process release host (real processes, no sandbox), with fake trials, deploys on and the smoke
 * sample off unless the config says otherwise, and a `quick` profile (point mode) under which the
 * fixture's small suite approves a build at once, with no rounds of more trials to wait for.
 */
import type { Agent } from "../../../src/agents/agent.js";
import { InProcessReleaseHost } from "../../../src/deploy/local/in-process-release-host.js";
import { NoSandbox } from "../../../src/runners/sandbox/no-sandbox.js";
import { FakeTrialExecutor } from "./line-fakes.js";
import { type LineFixture, lineFixture } from "./line-fixture.js";

export interface DeployFixture {
  fixture: LineFixture;
  host: InProcessReleaseHost;
  /** Submits the small spec under the quick profile and works the line; the item's id. */
  deployItem(): Promise<string>;
  close(): Promise<void>;
}

export async function deployFixture(
  agent: Agent,
  config: { deploy?: Record<string, unknown>; [section: string]: unknown } = {},
): Promise<DeployFixture> {
  const host = new InProcessReleaseHost({
    sandbox: new NoSandbox(),
    now: () => performance.now(),
    sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
  });
  const fixture = await lineFixture({
    agent,
    trialExecutor: new FakeTrialExecutor(),
    config: {
      ...config,
      deploy: { enabled: true, smokeScenarios: 0, ...config.deploy },
      profiles: { quick: { extends: "admin", mode: "point" } },
    },
    connectReleaseHost: async () => ({ host, fresh: false }),
  });
  return {
    fixture,
    host,
    deployItem: async () => {
      const item = await fixture.session.submit({ specPath: fixture.smallSpec, profile: "quick" });
      await fixture.session.run();
      return item.id;
    },
    close: async () => {
      await fixture.services.deployment.close();
      await host.close();
      await fixture.remove();
    },
  };
}
