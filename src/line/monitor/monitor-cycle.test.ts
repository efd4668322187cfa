import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DeployFixture, deployFixture } from "../../../test/line/support/deploy-fixture.js";
import { ServiceAgent } from "../../../test/line/support/line-fakes.js";

vi.setConfig({ testTimeout: 60_000 });

let setup: DeployFixture;

beforeEach(async () => {
  setup = await deployFixture(new ServiceAgent(), {
    // Nothing for monitoring: every probe round is refused before it runs.
    budget: { split: { inference: 0.3, testing: 0.4, ci: 0.3, monitoring: 0 } },
  });
});
afterEach(() => setup.close());

describe("a monitor cycle", () => {
  it("skips the scenario probes the monitoring budget refuses, and still checks health", async () => {
    const item = await setup.deployItem();
    const report = await setup.fixture.session.monitorCycle();
    const [check] = report.checks;
    expect(check?.refused).toMatch(/monitoring/);
    expect(check?.results.map((result) => [result.scenario, result.passed])).toEqual([
      ["health", true],
    ]);
    expect(check?.watch.decision).toBe("watching");
    const stored = await setup.fixture.services.store.monitoring.probes({ release: "todo-api-r1" });
    expect(stored).toHaveLength(1);
    const history = await setup.fixture.session.history(item);
    expect(history.costs.byCategory.monitoring).toBe(0);
  });
});
