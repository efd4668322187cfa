import { describe, expect, it } from "vitest";
import type { Scenario } from "../../contracts/scenario.js";
import { canonicalJson, interleave, scenarioKey } from "./scenario-identity.js";

const step = { request: { method: "GET" as const, path: "/todos" }, expect: [{ status: 200 }] };

describe("scenarioKey", () => {
  it("ignores ids, titles, tags and covers but not the steps or the category", () => {
    const one: Scenario = { id: "a", category: "normal", title: "A", tags: ["x"], steps: [step] };
    const same: Scenario = {
      id: "b",
      category: "normal",
      title: "B",
      tags: [],
      covers: ["AC1"],
      steps: [step],
    };
    expect(scenarioKey(one)).toBe(scenarioKey(same));
    expect(scenarioKey(one)).not.toBe(scenarioKey({ ...one, category: "edge" }));
    expect(scenarioKey(one)).not.toBe(scenarioKey({ ...one, steps: [step, step] }));
  });

  it("writes objects with sorted keys", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], skipped: undefined })).toBe(
      '{"a":[{"c":3,"d":2}],"b":1}',
    );
  });
});

describe("interleave", () => {
  it("takes the first of every list, then the second", () => {
    expect(interleave([[1, 2, 3], [], [4], [5, 6]])).toEqual([1, 4, 5, 2, 6, 3]);
  });
});
