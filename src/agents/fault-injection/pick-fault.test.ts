import { describe, expect, it } from "vitest";
import type { AnyFaultCandidate, AnyFaultKind } from "./fault-candidate.js";
import { pickFault } from "./pick-fault.js";

function candidate(kind: AnyFaultKind, line: number): AnyFaultCandidate {
  return {
    kind,
    file: "a.ts",
    line,
    description: `${kind} ${line}`,
    edit: { start: 0, end: 0, text: "" },
  };
}

const candidates = [
  candidate("flip-comparison", 1),
  candidate("flip-comparison", 2),
  candidate("flip-comparison", 3),
  candidate("off-by-one", 9),
];

describe("pickFault", () => {
  it("draws a kind among those with sites first, then a site of that kind", () => {
    expect(pickFault(candidates, 0, 0)).toBe(candidates[0]);
    expect(pickFault(candidates, 0.49, 0.99)).toBe(candidates[2]);
    expect(pickFault(candidates, 0.5, 0)).toBe(candidates[3]);
    expect(pickFault(candidates, 0.99, 0.99)).toBe(candidates[3]);
  });

  it("gives a kind with one site as often as a kind with many", () => {
    const picks = Array.from({ length: 100 }, (_, index) =>
      pickFault(candidates, index / 100, 0.5),
    );
    expect(picks.filter((pick) => pick?.kind === "off-by-one")).toHaveLength(50);
  });

  it("gives nothing when there is no candidate", () => {
    expect(pickFault([], 0.3, 0.3)).toBeUndefined();
  });

  it("draws production-regression like any other kind when it has a site", () => {
    const withProduction = [...candidates, candidate("production-regression", 4)];
    expect(pickFault(withProduction, 0, 0)).toBe(candidates[0]);
    expect(pickFault(withProduction, 0.5, 0)).toBe(candidates[3]);
    expect(pickFault(withProduction, 0.99, 0)?.kind).toBe("production-regression");
  });
});
