import { describe, expect, it } from "vitest";
import {
  sampleBreachCycle,
  sampleBreachReason,
  sampleCheck,
  sampleCycle,
  sampleFixItem,
  sampleIncident,
  sampleProbes,
  sampleRelease,
  sampleWatchingCycle,
} from "../../test/support/line-cli/release-fixtures.js";
import { ProbeResult, WorkItem } from "../contracts/index.js";
import { breachesOf, fixItemsOf, renderMonitorCycle } from "./monitor-cycle-text.js";

const utc = { timeZone: "UTC" };

describe("a monitor cycle for a terminal", () => {
  it("shows each live release's health, probes and SLO test, and a breach in plain words", () => {
    expect(renderMonitorCycle(sampleBreachCycle(), utc)).toBe(
      [
        "Monitor cycle 12 at 15:00:00: 2 live releases",
        "inventory-api-r4 (inventory-api-444444) at http://127.0.0.1:4100",
        "  health ok (3.0 ms) · 10/10 probes passed, p95 48.5 ms",
        "  SLO test: healthy: 0 of 11 probes failed and 0 were slower than 300 ms: the release keeps the SLO of 1% errors and 300 ms p95 (SPRT, α 1%, β 5%)",
        "todo-api-r2 (todo-api-3f9c2a) at http://127.0.0.1:4101",
        "  health ok (3.0 ms) · 8/12 probes passed, p95 50.5 ms",
        "  failing: scenario 9 (edge-009): expected status 400, got 500",
        "           scenario 10 (edge-010): expected status 400, got 500",
        "           scenario 11 (edge-011): expected status 400, got 500",
        "           … and 1 more (shopfloor monitor --json)",
        `  SLO test: breach: ${sampleBreachReason}`,
        "  BREACH: todo-api-r2 was rolled back; traffic is on todo-api-r1 again at http://127.0.0.1:4101",
        "          incident 7c1e9a02 recorded",
        "          fix item todo-api-5b6c7d opened: it goes down the line with the failing probes as feedback",
        "",
      ].join("\n"),
    );
  });

  it("gives the probes passed and their p95 latency while the test keeps watching", () => {
    const text = renderMonitorCycle(sampleWatchingCycle(), utc);
    expect(text).toContain("Monitor cycle 11 at 15:00:00: 1 live release\n");
    expect(text).toContain("  health ok (3.0 ms) · 9/10 probes passed, p95 109 ms\n");
    expect(text).toContain("  SLO test: watching: 1 of 11 probes failed");
    expect(text).not.toContain("BREACH");
  });

  it("says when the monitoring budget refused the scenario probes", () => {
    const cycle = sampleWatchingCycle();
    const [check] = cycle.checks;
    if (check === undefined) throw new Error("the sample cycle has a check");
    const health = check.results.filter((result) => result.scenario === "health");
    const refused = { ...check, results: health, refused: "the monitoring budget is spent" };
    const text = renderMonitorCycle({ ...cycle, checks: [refused] }, utc);
    expect(text).toContain("  health ok (3.0 ms) · no scenario probes\n");
    expect(text).toContain(
      "  scenario probes refused by the monitoring budget: the monitoring budget is spent\n",
    );
  });

  it("says when there is nothing to watch", () => {
    expect(renderMonitorCycle(sampleCycle(3, []), utc)).toBe(
      "Monitor cycle 3 at 15:00:00: Nothing to watch: no live release.\n",
    );
  });

  it("says when a first release breached, and when a fix regressed too", () => {
    const release = sampleRelease("notes-api", 1, "live");
    const check = sampleCheck(
      release,
      sampleProbes(release.id, 4, { passed: 0, failed: 0, healthy: false }),
      "breach",
      "1 of 1 probe failed",
    );
    const fix = {
      ...check,
      item: sampleFixItem({ id: "notes-api-777777", state: "live" }),
      breach: { incident: sampleIncident({ id: "1e1e1e1e", fixItem: undefined }) },
    };
    const text = renderMonitorCycle(sampleCycle(4, [fix]), utc);
    expect(text).toContain(
      "  health FAILED: connect ECONNREFUSED 127.0.0.1:4101 · no scenario probes (the item has no suite)\n",
    );
    expect(text).toContain(
      "  BREACH: notes-api-r1 was rolled back; it was the service's first release, so the service has no live release now\n",
    );
    expect(text).toContain("          incident 1e1e1e1e recorded\n");
    expect(text).toContain(
      "          notes-api-777777 was itself a fix, so it went to the exception queue: shopfloor exceptions\n",
    );
    expect(fixItemsOf(sampleCycle(4, [fix]))).toEqual([]);
    expect(breachesOf(sampleCycle(4, [fix]))).toBe(1);
  });

  it("finds the fix items and breaches of a cycle", () => {
    expect(fixItemsOf(sampleBreachCycle()).map((item) => item.id)).toEqual(["todo-api-5b6c7d"]);
    expect(breachesOf(sampleBreachCycle())).toBe(1);
    expect(breachesOf(sampleWatchingCycle())).toBe(0);
  });

  it("is built on test data that satisfies the contracts", () => {
    for (const check of sampleBreachCycle().checks) {
      for (const result of check.results) expect(ProbeResult.parse(result)).toEqual(result);
      expect(WorkItem.parse(check.item)).toEqual(check.item);
    }
    expect(WorkItem.parse(sampleFixItem())).toEqual(sampleFixItem());
  });
});
