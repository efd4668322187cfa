import { describe, expect, it } from "vitest";
import type { Scenario } from "../../contracts/scenario.js";
import { applyCoverage, computeCoverage, coverageCap } from "./coverage.js";

function scenario(id: string, tags: string[], covers?: string[]): Scenario {
  const entity = tags.find((tag) => tag.startsWith("entity:"))?.slice("entity:".length) ?? "thing";
  const step = { request: { method: "GET" as const, path: `/${entity}s` }, expect: [] };
  return { id, category: "normal", title: id, tags, steps: [step], ...(covers ? { covers } : {}) };
}

const scenarios = [
  scenario("normal/examples/one", ["aspect:example"], ["AC1"]),
  scenario("normal/todo/create-1", [
    "entity:todo",
    "operation:create",
    "operation:read",
    "aspect:round-trip",
  ]),
  scenario("edge/todo/title/longest-plus-one", [
    "entity:todo",
    "operation:create",
    "field:title",
    "aspect:validation",
  ]),
  scenario("edge/todo/title/longest", [
    "entity:todo",
    "operation:create",
    "field:title",
    "aspect:round-trip",
  ]),
  scenario("edge/todo/deleted-id", [
    "entity:todo",
    "operation:read",
    "operation:delete",
    "aspect:not-found",
  ]),
  scenario("edge/user/name/empty", [
    "entity:user",
    "operation:create",
    "field:name",
    "aspect:validation",
  ]),
];

describe("computeCoverage", () => {
  it("keeps explicit covers and adds the best heuristic matches", () => {
    const [row] = computeCoverage([{ id: "AC1", text: "A todo can be created" }], scenarios);
    expect(row?.scenarios[0]).toBe("normal/examples/one");
    expect(row?.scenarios).toContain("normal/todo/create-1");
    expect(row?.scenarios).not.toContain("edge/user/name/empty");
  });

  it("prefers the scenarios that match the most of what a criterion says", () => {
    const [tooLong, missing] = computeCoverage(
      [
        { id: "AC2", text: "A todo's title longer than 200 characters is refused with 400" },
        { id: "AC3", text: "Reading a deleted todo answers 404" },
      ],
      scenarios,
    );
    expect(tooLong?.scenarios).toEqual(["edge/todo/title/longest-plus-one"]);
    expect(missing?.scenarios).toEqual(["edge/todo/deleted-id"]);
  });

  it("leaves a criterion that matches nothing uncovered", () => {
    const [row] = computeCoverage(
      [{ id: "AC9", text: "The service is pleasant to use" }],
      scenarios,
    );
    expect(row?.scenarios).toEqual([]);
  });

  it("caps the scenarios of one criterion", () => {
    const many = Array.from({ length: 40 }, (_, index) =>
      scenario(`normal/todo/create-${index}`, ["entity:todo", "operation:create"]),
    );
    const [row] = computeCoverage([{ id: "AC1", text: "Todos can be created" }], many);
    expect(row?.scenarios).toHaveLength(coverageCap);
    expect(row?.scenarios[0]).toBe("normal/todo/create-0");
  });
});

describe("applyCoverage", () => {
  it("sets each scenario's covers from the coverage, keeping explicit ones", () => {
    const applied = applyCoverage(scenarios.slice(0, 2), [
      { id: "AC1", text: "", scenarios: ["normal/examples/one", "normal/todo/create-1"] },
      { id: "AC2", text: "", scenarios: ["normal/todo/create-1"] },
    ]);
    expect(applied.map((entry) => entry.covers)).toEqual([["AC1"], ["AC1", "AC2"]]);
  });
});
