import { describe, expect, it } from "vitest";
import type { InjectedFault } from "../../contracts/agent-run.js";
import { calibrateGate } from "./gate-calibration.js";

function fault(kind: string): InjectedFault {
  return { kind, file: "server.mjs", line: 1, description: kind };
}

describe("calibrateGate", () => {
  it("counts the faults of each kind the gate did not approve, and those it rejected", () => {
    const calibration = calibrateGate([
      { injectedFaults: [fault("drop-validation")], decision: "regenerate" },
      { injectedFaults: [fault("drop-validation")], decision: "approve" },
      { injectedFaults: [fault("off-by-one")], decision: "more-trials" },
      { injectedFaults: [fault("renamed-field")], decision: "regenerate" },
      { injectedFaults: [], decision: "approve" },
      { injectedFaults: [], decision: "more-trials" },
    ]);
    expect(calibration).toEqual({
      kinds: [
        { kind: "drop-validation", injected: 2, caught: 1, rejected: 1 },
        { kind: "flip-comparison", injected: 0, caught: 0, rejected: 0 },
        { kind: "break-error-path", injected: 0, caught: 0, rejected: 0 },
        { kind: "off-by-one", injected: 1, caught: 1, rejected: 0 },
        { kind: "renamed-field", injected: 1, caught: 1, rejected: 1 },
      ],
      injected: 4,
      caught: 3,
      cleanBuilds: 2,
      cleanBuildsNotApproved: 1,
    });
  });

  it("counts nothing for no builds", () => {
    expect(calibrateGate([])).toMatchObject({ injected: 0, caught: 0, cleanBuilds: 0 });
  });
});
