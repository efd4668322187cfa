import { describe, expect, it } from "vitest";
import type { LedgerReport } from "../../../ledger/ledger-report.js";
import { renderCostReport } from "./render-cost-report.js";

const row = (key: string, events: number, unpricedEvents: number, amountMicroUsd: number) => ({
  key,
  events,
  unpricedEvents,
  inputTokens: events * 1000,
  outputTokens: events * 100,
  amountMicroUsd,
});

const report: LedgerReport = {
  costs: {
    since: "2026-11-18",
    until: "2026-11-24",
    by: "station",
    timeZone: "Europe/Paris",
    dayStart: "06:00",
    rows: [
      row("build", 3, 0, 3_333_333),
      row("trials", 3, 1, 3_333_333),
      row("intake", 3, 0, 3_333_334),
    ],
    total: row("total", 9, 1, 10_000_000),
  },
  economics: {
    spentMicroUsd: 10_000_000,
    approvedChanges: 2,
    costPerApprovedChangeMicroUsd: 5_000_000,
    human: {
      developerDayUsd: 800,
      changesPerDeveloperDay: 2,
      costPerChangeMicroUsd: 400_000_000,
      costOfApprovedChangesMicroUsd: 800_000_000,
      factoryToHumanRatio: 0.0125,
    },
    sequentialTesting: null,
  },
  forecast: {
    day: "2026-11-24",
    spentMicroUsd: 2_500_000,
    limitMicroUsd: 1_000_000_000,
    elapsedShare: 0.25,
    forecastMicroUsd: 10_000_000,
  },
};

describe("renderCostReport", () => {
  it("prints rows that add up to the total, then the economics with their assumptions", () => {
    expect(renderCostReport(report)).toBe(
      [
        "Costs by station, 2026-11-18 to 2026-11-24 (budget days in Europe/Paris, starting 06:00)",
        "",
        "station  events  unpriced  input tokens  output tokens    cost   share",
        "build         3         0         3,000            300   $3.33   33.3%",
        "trials        3         1         3,000            300   $3.33   33.3%",
        "intake        3         0         3,000            300   $3.34   33.4%",
        "total         9         1         9,000            900  $10.00  100.0%",
        "",
        "Amounts are rounded (to the cent from $0.10 up) so that the rows add up to the total; --json and --csv give exact micro-dollars.",
        "1 event had no known price and count $0: set the model's price in the config (prices: MODEL: {inputUsdPerMillion, outputUsdPerMillion}).",
        "",
        "Economics of the period",
        "  approved changes          2",
        "  cost per approved change  $5.00: all spend in the period divided by the changes approved in it",
        "  a human team              $400.00 per change: a developer-day at $800.00 yields 2 changes (assumptions; set budget.humanComparison); the factory costs 0.013× as much per change (the team: $800.00 for 2 changes)",
        "  sequential testing        no data: no test run recorded in the period",
        "  forecast for today        $2.50 spent in 25.0% of 2026-11-24: about $10.00 by its end (1.0% of the $1,000.00 budget)",
        "",
      ].join("\n"),
    );
  });

  it("says when there is nothing to show", () => {
    const empty = renderCostReport({
      ...report,
      costs: { ...report.costs, rows: [], total: row("total", 0, 0, 0) },
      economics: {
        ...report.economics,
        approvedChanges: 0,
        costPerApprovedChangeMicroUsd: null,
        human: { ...report.economics.human, factoryToHumanRatio: null },
      },
      forecast: { ...report.forecast, forecastMicroUsd: null },
    });
    expect(empty).toContain("No cost recorded in this period.");
    expect(empty).toContain("cost per approved change  no approved change in the period");
    expect(empty).toContain("the day 2026-11-24 has just begun: no rate yet");
  });
});
