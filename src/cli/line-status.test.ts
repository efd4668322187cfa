import { describe, expect, it } from "vitest";
import { sampleLineStatus } from "../../test/support/line-cli/line-fixtures.js";
import { costCategories, defaultConfig } from "../contracts/index.js";
import { resolveBudgetPolicy } from "../ledger/budget-policy.js";
import type { BudgetStatus } from "../ledger/budget-status.js";
import { renderLineStatus } from "./line-status.js";

function sampleBudgetStatus(): BudgetStatus {
  const policy = resolveBudgetPolicy(defaultConfig.budget, []);
  const spent = { inference: 1_000_000, testing: 250_000, ci: 0, monitoring: 0 };
  const line = (limit: number, spentMicroUsd: number) => ({
    limitMicroUsd: limit,
    spentMicroUsd,
    reservedMicroUsd: 0,
    leftMicroUsd: limit - spentMicroUsd,
  });
  return {
    now: "2026-11-24T14:00:00.000Z",
    day: { key: "2026-11-24", start: "2026-11-24T00:00:00.000Z", end: "2026-11-25T00:00:00.000Z" },
    categories: costCategories.map((category) => ({
      category,
      share: policy.split[category],
      ...line(policy.dailyMicroUsd * policy.split[category], spent[category]),
    })),
    total: line(policy.dailyMicroUsd, 1_250_000),
    alerts: [],
    policy,
  };
}

describe("renderLineStatus", () => {
  it("shows the items in flight oldest first, outcomes, pass rates, spend and the queue", () => {
    const text = renderLineStatus(sampleLineStatus(), sampleBudgetStatus());
    expect(text).toContain(
      "The line: 2 items in flight, 3 approved, 1 sent to exceptions, 0 rejected; approval rate 75.0%",
    );
    expect(text).toContain(
      "Items per state: intake 0 · build 1 · scenarios 0 · trials 1 · gate 0 · approved 3 · deploy 0 · live 0 · rolled-back 0 · exception 1 · rejected 0",
    );
    expect(text).toMatch(
      /In flight, oldest first:\nitem\s+state\s+attempt\s+age\ntempconv-aa11bb\s+build\s+2\s+1h 06m\ntodo-api-3f9c2a\s+trials\s+1\s+1m 15s\n/,
    );
    expect(text).not.toContain("inventory-cc22dd");
    expect(text).toContain(
      "Pass rates of the builds gated today: normal 98.0% · edge 90.0% · malicious –",
    );
    expect(text).toMatch(/^inference\s+\$1\.00\s+\$0\.00\s+\$300\.00\s+\$299\.00\s+0\.33%$/m);
    expect(text).toMatch(/^total\s+\$1\.25\s+\$0\.00\s+\$1,000\.00\s+\$998\.75\s+0\.13%$/m);
    expect(text).toMatch(/^trials\s+2\s+0\s+7\s+0$/m);
    expect(text).toMatch(/^gate\s+0\s+0\s+0\s+1$/m);
    expect(text).toContain("1 open exception: shopfloor exceptions");
  });

  it("says when nothing is in flight and nothing waits for a decision", () => {
    const status = { ...sampleLineStatus(), items: [], openExceptions: 0 };
    status.outcomes = { approved: 0, rejected: 0, exception: 0, approvalRate: null };
    const text = renderLineStatus(status, sampleBudgetStatus());
    expect(text).toContain(
      "The line: 0 items in flight, 0 approved, 0 sent to exceptions, 0 rejected\n",
    );
    expect(text).toContain("Nothing in flight.");
    expect(text).toContain("No open exceptions.");
  });
});
