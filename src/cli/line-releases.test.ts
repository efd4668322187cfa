import { describe, expect, it } from "vitest";
import {
  sampleBreachReason,
  sampleIncident,
  sampleRelease,
  sampleReleases,
} from "../../test/support/line-cli/release-fixtures.js";
import { Incident, Release } from "../contracts/index.js";
import { renderReleases, selectReleases, servicesOf } from "./line-releases.js";

const now = new Date("2026-11-24T15:00:00.000Z");
const olderIncident = sampleIncident({
  id: "0a0b0c0d",
  by: "alice",
  summary: "alice rolled todo-api-r0 back: wrong totals",
  fixItem: undefined,
  openedAt: "2026-11-24T10:00:00.000Z",
});

function render(all: boolean, releases = sampleReleases(), service?: string): string {
  const view = selectReleases(releases, [sampleIncident(), olderIncident], all);
  return renderReleases(view, servicesOf(releases), { now, service });
}

describe("the releases view", () => {
  it("shows the running releases per service with the latest incident, and what it left out", () => {
    expect(render(false)).toBe(
      [
        "inventory-api: inventory-api-r4 is live at http://127.0.0.1:4100",
        "release           state    work item             build  commit   address                 since",
        "inventory-api-r4  live     inventory-api-444444  #1.1   4f3c2e1  http://127.0.0.1:4100  5m 00s",
        "inventory-api-r2  standby  inventory-api-222222  #1.1   2f3c2e1  http://127.0.0.1:4100  1h 00m",
        "",
        "todo-api: todo-api-r1 is live at http://127.0.0.1:4101",
        "release      state  work item        build  commit   address                  since",
        "todo-api-r1  live   todo-api-111111  #1.1   1f3c2e1  http://127.0.0.1:4101  20m 00s",
        `  latest incident 7c1e9a02 by monitor, 20m 00s ago: todo-api-r2 breached the admin profile's SLO in production: ${sampleBreachReason}; fix item todo-api-5b6c7d`,
        "",
        "3 releases that ended (failed, retired, rolled back) not shown: shopfloor releases --all",
        "",
      ].join("\n"),
    );
  });

  it("with --all, shows every release, the reasons of those that ended, and every incident", () => {
    const text = render(true);
    expect(text).toMatch(
      /^inventory-api-r3 {2}failed {3}inventory-api-333333 {2}#1\.1 {3}3f3c2e1 /m,
    );
    expect(text).toMatch(/^inventory-api-r1 {2}retired {2}/m);
    expect(text).toMatch(/^todo-api-r2 {2}rolled-back {2}todo-api-3f9c2a {2}#2\.1 {3}2f3c2e1 /m);
    expect(text).toContain(
      "  inventory-api-r3 failed: the health path did not answer 2xx within 30 s\n",
    );
    expect(text).toContain(`  todo-api-r2 rolled-back: ${sampleBreachReason}\n`);
    expect(text).toContain("  latest incident 7c1e9a02 by monitor");
    expect(text).toContain(
      "  incident 0a0b0c0d by alice, 5h 00m ago: alice rolled todo-api-r0 back: wrong totals\n",
    );
    expect(text).not.toContain("not shown");
    expect(render(false)).not.toContain("0a0b0c0d");
  });

  it("says a service has no live release when all of its releases ended", () => {
    const releases = [
      sampleRelease("notes-api", 1, "rolled-back", { reason: "rollback by alice: wrong totals" }),
    ];
    const text = render(false, releases, "notes-api");
    expect(text).toBe(
      [
        "notes-api: no live release",
        "  no release running",
        "",
        "1 release that ended (failed, retired, rolled back) not shown: shopfloor releases --all --service notes-api",
        "",
      ].join("\n"),
    );
  });

  it("says how releases come about when there are none", () => {
    expect(render(false, [])).toBe(
      "No releases yet: approved http services are deployed by `shopfloor run`.\n",
    );
    expect(render(true, [], "todo-api")).toBe(
      "No releases of todo-api yet: approved http services are deployed by `shopfloor run`.\n",
    );
  });

  it("selects the running releases and each service's latest incident, newest first", () => {
    const view = selectReleases(sampleReleases(), [sampleIncident(), olderIncident], false);
    expect(view.releases.map((release) => release.id)).toEqual([
      "inventory-api-r4",
      "inventory-api-r2",
      "todo-api-r1",
    ]);
    expect(view.incidents.map((incident) => incident.id)).toEqual(["7c1e9a02"]);
    expect(view.hidden).toBe(3);
    const all = selectReleases(sampleReleases(), [sampleIncident(), olderIncident], true);
    expect(all.releases).toHaveLength(6);
    expect(all.incidents).toHaveLength(2);
    expect(servicesOf(sampleReleases())).toEqual(["inventory-api", "todo-api"]);
  });

  it("is built on test data that satisfies the release contracts", () => {
    for (const release of sampleReleases()) expect(Release.parse(release)).toEqual(release);
    expect(Incident.parse(sampleIncident())).toEqual(sampleIncident());
  });
});
