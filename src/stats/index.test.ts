import { describe, expect, it } from "vitest";
import * as stats from "./index.js";

describe("the stats public API", () => {
  it("exports every function the gate, the planner and the CLI call", () => {
    const expected = [
      "binomialInterval",
      "trialsToDemonstrate",
      "bestLowerBound",
      "failuresTolerated",
      "sprtBoundaries",
      "sprtDecide",
      "sprtOperatingCharacteristic",
      "sprtAverageSampleNumber",
      "fixedSamplePlan",
      "simulateSprt",
      "passAtK",
      "passHatK",
      "percentile",
      "latencySummary",
      "errorSignature",
      "clusterErrors",
      "seededRandom",
      "bernoulli",
      "binomialSample",
      "exactCoverage",
      "simulatedCoverage",
      "coverageTable",
    ];
    for (const name of expected) {
      expect(typeof (stats as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(stats.intervalMethods).toEqual(["clopper-pearson", "wilson", "jeffreys"]);
  });
});
