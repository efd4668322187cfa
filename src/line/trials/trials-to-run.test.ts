import { describe, expect, it } from "vitest";
import type { Scenario } from "../../contracts/scenario.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { trialsToRun } from "./trials-to-run.js";

function scenario(id: string): Scenario {
  return {
    id,
    category: "normal",
    title: id,
    tags: [],
    steps: [{ request: { method: "GET", path: `/${id}` }, expect: [] }],
  };
}

function result(scenarioId: string, attempt?: number, pass = true): TrialResult {
  return {
    scenario: scenarioId,
    category: "normal",
    pass,
    durationMs: 1,
    ...(attempt === undefined ? {} : { attempt }),
  };
}

describe("trialsToRun", () => {
  const suite = ["a", "b", "c", "d"].map(scenario);

  it("runs everything when nothing is recorded", () => {
    expect(trialsToRun(suite, []).map((item) => item.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("skips scenarios whose first trial is recorded, passed or failed, and keeps the order", () => {
    const recorded = [result("c", 1), result("a", 1, false)];
    expect(trialsToRun(suite, recorded).map((item) => item.id)).toEqual(["b", "d"]);
  });

  it("counts a result without an attempt as the first trial", () => {
    expect(trialsToRun(suite, [result("b")]).map((item) => item.id)).toEqual(["a", "c", "d"]);
  });

  it("does not count a later attempt, or a trial of a scenario no longer in the suite", () => {
    const recorded = [result("a", 2), result("gone", 1)];
    expect(trialsToRun(suite, recorded).map((item) => item.id)).toEqual(["a", "b", "c", "d"]);
  });
});
