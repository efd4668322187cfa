import { describe, expect, it } from "vitest";
import { type LineCommandSetup, runLineCommand } from "../../../test/support/line-cli/line-fake.js";
import { sampleIncident, sampleReleases } from "../../../test/support/line-cli/release-fixtures.js";
import { releasesCommand } from "./releases.js";

const deployed: LineCommandSetup = {
  script: { releases: sampleReleases(), incidents: [sampleIncident()] },
};

const releases = (argv: string[], setup: LineCommandSetup = deployed) =>
  runLineCommand(releasesCommand, ["releases", ...argv], setup);

describe("shopfloor releases", () => {
  it("shows the running releases per service with their ages and the latest incident", async () => {
    const run = await releases(["--home", "/factory"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      "inventory-api: inventory-api-r4 is live at http://127.0.0.1:4100\n",
    );
    expect(run.stdout).toMatch(
      /^inventory-api-r4 {2}live {5}inventory-api-444444 {2}#1\.1 {3}4f3c2e1 {2}http:\/\/127\.0\.0\.1:4100 {2}5m 00s$/m,
    );
    expect(run.stdout).toMatch(/^inventory-api-r2 {2}standby /m);
    expect(run.stdout).not.toMatch(/^inventory-api-r3/m);
    expect(run.stdout).toContain("  latest incident 7c1e9a02 by monitor, 20m 00s ago: ");
    expect(run.stdout).toContain("shopfloor releases --all\n");
    const line = run.lines[0];
    expect(line?.home).toBe("/factory");
    expect(line?.releaseQueries).toEqual([{}]);
    expect(line?.incidentQueries).toEqual([{}]);
    expect(line?.closed).toBe(true);
  });

  it("--all adds the releases that ended with their reasons; --service asks for one service", async () => {
    const run = await releases(["--all", "--service", "inventory-api"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.lines[0]?.releaseQueries).toEqual([{ service: "inventory-api" }]);
    expect(run.lines[0]?.incidentQueries).toEqual([{ service: "inventory-api" }]);
    expect(run.stdout).toMatch(/^inventory-api-r3 {2}failed /m);
    expect(run.stdout).toMatch(/^inventory-api-r1 {2}retired /m);
    expect(run.stdout).toContain(
      "  inventory-api-r3 failed: the health path did not answer 2xx within 30 s\n",
    );
    expect(run.stdout).not.toContain("todo-api");
  });

  it("prints one JSON object of the releases and incidents shown with --json", async () => {
    const running = JSON.parse((await releases(["--json"])).stdout);
    expect(Object.keys(running)).toEqual(["releases", "incidents"]);
    expect(running.releases.map((release: { id: string }) => release.id)).toEqual([
      "inventory-api-r4",
      "inventory-api-r2",
      "todo-api-r1",
    ]);
    expect(running.incidents).toEqual([sampleIncident()]);
    const all = JSON.parse((await releases(["--json", "--all"])).stdout);
    expect(all.releases).toEqual(sampleReleases());
  });

  it("says how releases come about when there are none", async () => {
    const run = await releases([], {});
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      "No releases yet: approved http services are deployed by `shopfloor run`.\n",
    );
  });

  it("documents itself with examples", async () => {
    const run = await releases(["--help"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("--all");
    expect(run.stdout).toContain("shopfloor releases --all --service inventory-api");
  });
});
