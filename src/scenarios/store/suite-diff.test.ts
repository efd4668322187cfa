import { describe, expect, it } from "vitest";
import type { Scenario } from "../../contracts/scenario.js";
import { diffScenarios } from "./suite-diff.js";

function scenario(id: string, path = "/todos"): Scenario {
  return {
    id,
    category: "normal",
    title: id,
    tags: [],
    steps: [{ request: { method: "GET", path }, expect: [{ status: 200 }] }],
  };
}

describe("diffScenarios", () => {
  it("finds added, removed, changed and unchanged scenarios by id", () => {
    const diff = diffScenarios(
      { reference: "todo@aaaa", scenarios: [scenario("a"), scenario("b"), scenario("c")] },
      {
        reference: "todo@bbbb",
        scenarios: [scenario("a"), scenario("c", "/other"), scenario("d")],
      },
    );
    expect(diff).toEqual({
      from: "todo@aaaa",
      to: "todo@bbbb",
      added: ["d"],
      removed: ["b"],
      changed: ["c"],
      unchanged: 1,
    });
  });

  it("sees a change deep inside a JSON body, but not a different key order", () => {
    const withBody = (json: unknown): Scenario => ({
      ...scenario("a"),
      steps: [{ request: { method: "POST", path: "/todos", json }, expect: [] }],
    });
    const same = diffScenarios(
      { reference: "x", scenarios: [withBody({ a: 1, b: [1, { c: 2 }] })] },
      { reference: "y", scenarios: [withBody({ b: [1, { c: 2 }], a: 1 })] },
    );
    expect(same.unchanged).toBe(1);
    const different = diffScenarios(
      { reference: "x", scenarios: [withBody({ a: 1, b: [1, { c: 2 }] })] },
      { reference: "y", scenarios: [withBody({ a: 1, b: [1, { c: 3 }] })] },
    );
    expect(different.changed).toEqual(["a"]);
  });
});
