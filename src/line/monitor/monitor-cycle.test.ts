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

beforeEach(async () => {
  host = new InProcessReleaseHost({
    sandbox: new NoSandbox(),
    now: () => performance.now(),
    sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
  });
  fixture = await lineFixture({
    agent: new ServiceAgent(),
    trialExecutor: new FakeTrialExecutor(),
    config: {
      deploy: { enabled: true, smokeScenarios: 0 },
      // Nothing for monitoring: every probe round is refused before it runs.
      budget: { split: { inference: 0.3, testing: 0.4, ci: 0.3, monitoring: 0 } },
      ...quick,
    },
    connectReleaseHost: async () => ({ host, fresh: false }),
  });
});
afterEach(async () => {
  await fixture.services.deployment.close();
  await host.close();
  await fixture.remove();
});

describe("a monitor cycle", () => {
  it("skips the scenario probes the monitoring budget refuses, and still checks health", async () => {
    const item = await fixture.session.submit({ specPath: fixture.smallSpec, profile: "quick" });
    await fixture.session.run();
    const report = await fixture.session.monitorCycle();
    const [check] = report.checks;
    expect(check?.refused).toMatch(/monitoring/);
    expect(check?.results.map((result) => [result.scenario, result.passed])).toEqual([
      ["health", true],
    ]);
    expect(check?.watch.decision).toBe("watching");
    const stored = await fixture.services.store.monitoring.probes({ release: "todo-api-r1" });
    expect(stored).toHaveLength(1);
    const history = await fixture.session.history(item.id);
    expect(history.costs.byCategory.monitoring).toBe(0);
  });
});
