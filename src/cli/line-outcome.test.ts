import { describe, expect, it } from "vitest";
import {
  sampleBuild,
  sampleHistory,
  sampleWorkItem,
} from "../../test/support/line-cli/line-fixtures.js";
import { outcomeCounts, renderItemOutcome } from "./line-outcome.js";

describe("renderItemOutcome", () => {
  it("shows an approved item's winning build and its gate report", () => {
    const text = renderItemOutcome(sampleHistory());
    expect(text).toContain(
      "── todo-api-3f9c2a (todo-api): approved, build #2.1 after 2 attempts\n",
    );
    expect(text).toContain("build #2.1 by scaffold: 180 trials of 180 scenarios");
    expect(text).not.toContain("build #1.1");
    expect(text).toContain("decision: approve");
    expect(text.trimEnd().endsWith("next: shopfloor history todo-api-3f9c2a")).toBe(true);
  });

  it("shows why an item went to the exception queue, its last verdicts, and where to decide", () => {
    const history = sampleHistory();
    history.item = sampleWorkItem({ state: "exception", approvedBuild: undefined });
    history.builds = [sampleBuild(1)];
    history.exceptions = [
      {
        id: "ex-7",
        workItem: history.item.id,
        reason: "retries-spent",
        summary: "2 builds refused",
        evidence: {},
        state: "open",
        openedAt: "2026-11-24T14:03:00.000Z",
      },
    ];
    const text = renderItemOutcome(history);
    expect(text).toContain("in the exception queue (ex-7, retries-spent): 2 builds refused");
    expect(text).toContain("decision: regenerate");
    expect(text).toContain("next: shopfloor history todo-api-3f9c2a, shopfloor exceptions");
  });
});

describe("outcomeCounts", () => {
  it("counts approved, exception, rejected and unsettled items", () => {
    const items = [
      sampleWorkItem(),
      sampleWorkItem({ state: "exception" }),
      sampleWorkItem({ state: "trials" }),
    ];
    expect(outcomeCounts(items)).toBe(
      "3 work items: 1 approved, 1 in the exception queue, 1 not settled",
    );
  });

  it("counts a deployed item as approved, and says how many are live", () => {
    const items = [
      sampleWorkItem({ state: "live" }),
      sampleWorkItem({ state: "rolled-back" }),
      sampleWorkItem({ state: "exception" }),
    ];
    expect(outcomeCounts(items)).toBe("3 work items: 2 approved, 1 live, 1 in the exception queue");
  });
});
