import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../contracts/scenario.js";
import { criteriaCoverage } from "../../../scenarios/criteria-coverage.js";
import { renderCoverage } from "./criteria-coverage.js";

function scenario(id: string, covers?: string[]): Scenario {
  return {
    id,
    category: "normal",
    title: id,
    tags: [],
    ...(covers ? { covers } : {}),
    steps: [{ request: { method: "GET", path: "/" }, expect: [] }],
  };
}

const criteria = [
  { id: "AC1", text: "Creating a todo answers 201" },
  { id: "AC2", text: `A very long criterion ${"that goes on ".repeat(10)}` },
];

describe("criteriaCoverage", () => {
  it("lists the scenarios covering each criterion", () => {
    const coverage = criteriaCoverage(criteria, [
      scenario("a", ["AC1"]),
      scenario("b"),
      scenario("c", ["AC1"]),
    ]);
    expect(coverage).toEqual([
      { id: "AC1", text: "Creating a todo answers 201", scenarios: ["a", "c"] },
      { id: "AC2", text: criteria[1]?.text, scenarios: [] },
    ]);
  });

  it("flags and warns about an uncovered criterion, its text cut to 60 characters", () => {
    const text = renderCoverage(criteriaCoverage(criteria, [scenario("a", ["AC1"])]));
    expect(text).toContain("Acceptance criteria: 1 of 2 covered");
    expect(text).toMatch(/AC2 +0 UNCOVERED +A very long criterion that goes on/);
    expect(text).toContain("warning: AC2 is covered by no scenario");
    const longest = Math.max(
      ...text
        .split("\n")
        .filter((line) => line.includes("AC2  "))
        .map((line) => line.length),
    );
    expect(longest).toBeLessThan(110);
  });

  it("says when the suite lists no criteria", () => {
    expect(renderCoverage([])).toBe("Acceptance criteria: none listed in the suite\n");
  });
});
