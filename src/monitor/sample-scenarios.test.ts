import { describe, expect, it } from "vitest";
import type { Scenario, Suite } from "../contracts/scenario.js";
import type { ScenarioCategory } from "../contracts/scenario-category.js";
import { sampleScenarios } from "./sample-scenarios.js";

function scenario(id: string, category: ScenarioCategory = "normal"): Scenario {
  return {
    id,
    category,
    title: `Scenario ${id}`,
    tags: [],
    steps: [{ request: { method: "GET", path: `/${id}` }, expect: [] }],
  };
}

function suiteOf(scenarios: Scenario[]): Suite {
  return {
    header: {
      name: "shop",
      version: "1",
      target: "http",
      defaults: { timeoutMs: 1000, repeat: 1, headers: {} },
    },
    scenarios,
    folder: "/suites/shop",
  };
}

const normals = Array.from({ length: 40 }, (_, index) => scenario(`normal-${index}`));
const suite = suiteOf([
  ...normals,
  scenario("edge-1", "edge"),
  scenario("edge-2", "edge"),
  scenario("attack-1", "malicious"),
]);
const ids = (scenarios: Scenario[]) => scenarios.map((each) => each.id);

describe("sampleScenarios", () => {
  it("draws the requested number of distinct normal scenarios by default", () => {
    const sample = sampleScenarios(suite, 10, 1);
    expect(sample).toHaveLength(10);
    expect(new Set(ids(sample)).size).toBe(10);
    expect(sample.every((each) => each.category === "normal")).toBe(true);
  });

  it("gives the same sample for the same seed and different samples for successive seeds", () => {
    expect(ids(sampleScenarios(suite, 10, 7))).toEqual(ids(sampleScenarios(suite, 10, 7)));
    const samples = [1, 2, 3, 4, 5].map((seed) => ids(sampleScenarios(suite, 10, seed)).join(","));
    expect(new Set(samples).size).toBe(5);
  });

  it("covers the whole suite over successive cycles", () => {
    const seen = new Set<string>();
    for (let cycle = 1; cycle <= 30; cycle++) {
      for (const each of sampleScenarios(suite, 10, cycle)) seen.add(each.id);
    }
    expect(seen.size).toBe(normals.length);
  });

  it("draws every scenario about equally often", () => {
    const counts = new Map<string, number>();
    const cycles = 2000;
    for (let cycle = 1; cycle <= cycles; cycle++) {
      for (const each of sampleScenarios(suite, 10, cycle)) {
        counts.set(each.id, (counts.get(each.id) ?? 0) + 1);
      }
    }
    // Each is drawn with probability 10/40: 500 expected, standard deviation about 19.4.
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(400);
      expect(count).toBeLessThan(600);
    }
  });

  it("returns every eligible scenario when fewer than asked for", () => {
    const sample = sampleScenarios(suite, 10, 3, { categories: ["edge", "malicious"] });
    expect(ids(sample).sort()).toEqual(["attack-1", "edge-1", "edge-2"]);
  });

  it("draws only among the allowed ids", () => {
    const only = new Set(["normal-3", "normal-5", "edge-1", "missing"]);
    const sample = sampleScenarios(suite, 10, 3, { only });
    expect(ids(sample).sort()).toEqual(["normal-3", "normal-5"]);
  });

  it("returns nothing for a count of zero and refuses a negative or fractional count", () => {
    expect(sampleScenarios(suite, 0, 1)).toEqual([]);
    expect(() => sampleScenarios(suite, -1, 1)).toThrow(/count must be at least 0/);
    expect(() => sampleScenarios(suite, 1.5, 1)).toThrow(/count must be a whole number/);
  });

  it("leaves the suite's own order untouched", () => {
    sampleScenarios(suite, 10, 9);
    expect(ids(suite.scenarios).slice(0, 3)).toEqual(["normal-0", "normal-1", "normal-2"]);
  });
});
