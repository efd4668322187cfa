import { describe, expect, it } from "vitest";
import { Incident, ProbeResult, Release, WorkItem } from "../../../src/contracts/index.js";
import {
  sampleBreachCycle,
  sampleFixItem,
  sampleIncident,
  sampleReleases,
  sampleWatchingCycle,
} from "./release-fixtures.js";

describe("the line's release test data", () => {
  it("satisfies the contracts the facade returns", () => {
    for (const release of sampleReleases()) expect(Release.parse(release)).toEqual(release);
    expect(Incident.parse(sampleIncident())).toEqual(sampleIncident());
    expect(WorkItem.parse(sampleFixItem())).toEqual(sampleFixItem());
    for (const cycle of [sampleWatchingCycle(), sampleBreachCycle()]) {
      for (const check of cycle.checks) {
        for (const result of check.results) expect(ProbeResult.parse(result)).toEqual(result);
      }
    }
  });

  it("gives each release its own id", () => {
    const releases = sampleReleases();
    expect(new Set(releases.map((release) => release.id)).size).toBe(releases.length);
  });
});
