import { afterEach, describe, expect, it, vi } from "vitest";
import { InstantAgent } from "../../test/line/support/line-fakes.js";
import { type LineFixture, lineFixture } from "../../test/line/support/line-fixture.js";
import { todoSpec } from "../../test/line/support/line-home.js";
import { ShopfloorError } from "../contracts/errors.js";
import { workItemCosts, workItemHistory } from "./work-item-history.js";

vi.setConfig({ testTimeout: 30_000 });

let fixture: LineFixture;
afterEach(() => fixture.remove());

describe("a work item's history", () => {
  it("holds its events, builds with their runs and verdicts, and its costs by category, station and agent", async () => {
    fixture = await lineFixture({
      agent: new InstantAgent({ name: "claude", costMicroUsd: 70_000 }),
    });
    const item = await fixture.session.submit({
      specPath: todoSpec,
      lineUp: { pattern: "single", agent: { agent: "claude", model: "sonnet" } },
    });
    await fixture.session.run();
    await fixture.services.ledger.record([
      { kind: "amount", category: "ci", amountMicroUsd: 5, workItem: item.id, station: "deploy" },
      { kind: "amount", category: "ci", amountMicroUsd: 9, workItem: "another-item" },
    ]);

    const history = await workItemHistory(fixture.services, item.id.slice(0, 11));
    expect(history.item.id).toBe(item.id);
    expect(history.events[0]?.type).toBe("work-item.create");
    expect(history.builds.map((build) => [build.agent, build.model, build.run?.agent])).toEqual([
      ["claude", "sonnet", "claude"],
    ]);
    expect(history.builds[0]?.verdict?.decision).toBe("approve");
    expect(history.costs).toEqual({
      totalMicroUsd: 70_005,
      byCategory: { inference: 70_000, testing: 0, ci: 5, monitoring: 0 },
      byStation: { build: 70_000, trials: 0, deploy: 5 },
      byAgentModel: [{ agent: "claude", model: "sonnet", microUsd: 70_000 }],
    });
    expect(history.exceptions).toEqual([]);
    expect(history.decisions).toEqual([]);
  });

  it("is a not-found error for an unknown item", async () => {
    fixture = await lineFixture();
    const error = await workItemHistory(fixture.services, "nothing-like-it").catch((e) => e);
    expect(error).toBeInstanceOf(ShopfloorError);
    expect((error as ShopfloorError).code).toBe("not-found");
    expect(await workItemCosts(fixture.services, "nothing-like-it")).toMatchObject({
      totalMicroUsd: 0,
      byAgentModel: [],
    });
  });
});
