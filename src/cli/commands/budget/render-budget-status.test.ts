import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../contracts/config.js";
import { resolveBudgetPolicy } from "../../../ledger/budget-policy.js";
import type { BudgetStatus } from "../../../ledger/budget-status.js";
import { renderBudgetStatus } from "./render-budget-status.js";

const policy = resolveBudgetPolicy(defaultConfig.budget, [
  { at: "2026-11-24T08:00:00.000Z", by: "alice", reason: "launch week", runCapMicroUsd: 5_000_000 },
]);
const line = (limitMicroUsd: number, spentMicroUsd: number, reservedMicroUsd: number) => ({
  limitMicroUsd,
  spentMicroUsd,
  reservedMicroUsd,
  leftMicroUsd: limitMicroUsd - spentMicroUsd - reservedMicroUsd,
});
const status: BudgetStatus = {
  now: "2026-11-24T09:00:00.000Z",
  day: { key: "2026-11-24", start: "2026-11-24T00:00:00.000Z", end: "2026-11-25T00:00:00.000Z" },
  categories: [
    { category: "inference", share: 0.3, ...line(300_000_000, 120_500_000, 4_000_000) },
    { category: "testing", share: 0.4, ...line(400_000_000, 330_000_000, 0) },
    { category: "ci", share: 0.15, ...line(150_000_000, 0, 0) },
    { category: "monitoring", share: 0.15, ...line(150_000_000, 1_250_000, 0) },
  ],
  total: line(1_000_000_000, 451_750_000, 4_000_000),
  alerts: [
    {
      kind: "budget.alert",
      at: "2026-11-24T07:12:00.000Z",
      day: "2026-11-24",
      scope: "testing",
      thresholdPercent: 80,
      spentMicroUsd: 321_000_000,
      limitMicroUsd: 400_000_000,
    },
  ],
  policy,
};

describe("renderBudgetStatus", () => {
  it("prints today's budget per category and in total, the alerts and each value's origin", () => {
    expect(renderBudgetStatus(status)).toBe(
      [
        "Budget for 2026-11-24 (UTC, the day starts at 00:00; 37.5% of it has gone by)",
        "",
        "category    share      limit    spent  reserved     left   used",
        "inference     30%    $300.00  $120.50     $4.00  $175.50  41.5%",
        "testing       40%    $400.00  $330.00     $0.00   $70.00  82.5%",
        "ci            15%    $150.00    $0.00     $0.00  $150.00     0%",
        "monitoring    15%    $150.00    $1.25     $0.00  $148.75   0.8%",
        "total        100%  $1,000.00  $451.75     $4.00  $544.25  45.6%",
        "",
        "Caps: per work item none, per run $5.00.",
        "Alerts today:",
        "  07:12Z  testing reached 80% ($321.00 of $400.00)",
        "",
        "Where the values come from (shopfloor budget set overrides the config file):",
        "  value          now          from",
        "  daily budget   $1,000.00    default",
        "  split (%)      30/40/15/15  default",
        "  time zone      UTC          default",
        "  day starts     00:00        default",
        "  work item cap  none         default",
        '  run cap        $5.00        set by alice at 2026-11-24T08:00:00.000Z: "launch week"',
        "",
      ].join("\n"),
    );
  });
});
