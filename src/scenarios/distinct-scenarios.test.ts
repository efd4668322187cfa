import { describe, expect, it } from "vitest";
import type { Scenario } from "../contracts/scenario.js";
import { distinctNewScenarios, mergeCriteria } from "./distinct-scenarios.js";

function scenario(id: string, path: string, category: Scenario["category"] = "normal"): Scenario {
  return {
    id,
    category,
    title: `${id} title`,
    tags: [],
    steps: [{ request: { method: "GET", path }, expect: [{ status: 200 }] }],
  };
}

describe("distinctNewScenarios", () => {
  it("leaves out candidates that do what an existing scenario does, whatever their id", () => {
    const existing = [scenario("a", "/one"), scenario("b", "/two")];
    const added = distinctNewScenarios(existing, [
      { ...scenario("x", "/one"), title: "another title" },
      scenario("c", "/three"),
      scenario("d", "/three"),
    ]);
    expect(added.map((item) => item.id)).toEqual(["c"]);
  });

  it("keeps the same steps in another category, and renames a taken id", () => {
    const existing = [scenario("a", "/one"), scenario("a-2", "/x")];
    const added = distinctNewScenarios(existing, [
      scenario("a", "/one", "edge"),
      scenario("a", "/four"),
    ]);
    expect(added.map((item) => item.id)).toEqual(["a-3", "a-4"]);
  });
});

describe("mergeCriteria", () => {
  it("keeps the first wording and adds new ids", () => {
    expect(
      mergeCriteria(
        [{ id: "AC1", text: "old" }],
        [
          { id: "AC1", text: "new" },
          { id: "AC2", text: "two" },
        ],
      ),
    ).toEqual([
      { id: "AC1", text: "old" },
      { id: "AC2", text: "two" },
    ]);
    expect(mergeCriteria(undefined, undefined)).toBeUndefined();
  });
});
