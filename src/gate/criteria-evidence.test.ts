import { describe, expect, it } from "vitest";
import { criteriaEvidence } from "./criteria-evidence.js";
import type { ScenarioOutcome } from "./scenario-outcomes.js";

const outcome = (scenario: string, pass: boolean): ScenarioOutcome => ({
  scenario,
  category: "normal",
  trials: 1,
  passedTrials: pass ? 1 : 0,
  pass,
  flaky: false,
});

describe("criteriaEvidence", () => {
  const criteria = [
    { id: "AC1", text: "creates" },
    { id: "AC2", text: "refuses" },
    { id: "AC3", text: "never tested" },
  ];
  const scenarios = [
    { id: "a", covers: ["AC1"] },
    { id: "b", covers: ["AC1", "AC2"] },
    { id: "c", covers: ["AC2"] },
    { id: "d" },
  ];

  it("counts each criterion's covering scenarios by outcome, and names the failed ones", () => {
    const evidence = criteriaEvidence(criteria, scenarios, [
      outcome("a", true),
      outcome("b", false),
      outcome("d", false),
    ]);
    expect(evidence).toEqual([
      {
        id: "AC1",
        text: "creates",
        scenarios: 2,
        passed: 1,
        failed: 1,
        notRun: 0,
        failedScenarios: ["b"],
      },
      {
        id: "AC2",
        text: "refuses",
        scenarios: 2,
        passed: 0,
        failed: 1,
        notRun: 1,
        failedScenarios: ["b"],
      },
      {
        id: "AC3",
        text: "never tested",
        scenarios: 0,
        passed: 0,
        failed: 0,
        notRun: 0,
        failedScenarios: [],
      },
    ]);
  });
});
