import { describe, expect, it } from "vitest";
import type { LineEvent, LineEventPayload, LineEventType } from "../contracts/index.js";
import { renderLineEvent, shortBuild, timeOfDay } from "./line-event-text.js";

const item = "todo-api-3f9c2a";
let sequence = 0;
function event<Type extends LineEventType>(type: Type, payload: LineEventPayload<Type>): LineEvent {
  sequence += 1;
  return { sequence, at: "2026-11-24T14:02:11.500Z", workItem: item, type, payload } as LineEvent;
}
const render = (value: LineEvent, agents = new Map<string, string>()) =>
  renderLineEvent(value, { timeZone: "UTC", agents });

describe("renderLineEvent", () => {
  it("prints the time, the item, the station and what the build did", () => {
    const agents = new Map([[`${item}.1.1`, "scaffold"]]);
    const built = event("build.end", {
      build: `${item}.1.1`,
      status: "succeeded",
      commit: "9f3c2e1aa7b0c4d1e2f3a4b5c6d7e8f9a0b1c2d3",
      summary: "wrote the service",
      costMicroUsd: 0,
      injectedFaults: 0,
    });
    expect(render(built, agents)).toBe(
      "14:02:11 todo-api-3f9c2a         build     #1.1 scaffold built 9f3c2e1 ($0.00)",
    );
    const failed = event("build.end", {
      build: `${item}.2.3`,
      status: "timed-out",
      summary: "no answer in 30 minutes",
      costMicroUsd: 1_234_567,
      injectedFaults: 2,
    });
    expect(render(failed)).toBe(
      "14:02:11 todo-api-3f9c2a         build     #2.3 the agent timed out ($1.23, 2 faults injected): no answer in 30 minutes",
    );
  });

  it("says what every kind of event means", () => {
    const lines = [
      event("work-item.create", {
        name: "todo-api",
        specPath: "/specs/todo.md",
        specHash: "ab12",
        profile: "admin",
        lineUp: { pattern: "single", agent: { agent: "scaffold" } },
      }),
      event("work-item.transition", {
        from: "intake",
        to: "build",
        reason: "lint score 92 ≥ 75",
        attempt: 1,
      }),
      event("intake.end", { score: 61, minimumScore: 75, findings: 1 }),
      event("build.start", {
        build: `${item}.1.2`,
        attempt: 1,
        candidate: 2,
        agent: "llm",
        model: "gpt-4.1",
      }),
      event("suite.ready", {
        suite: "todo-api@3a9f",
        normal: 100,
        edge: 50,
        malicious: 30,
        generated: true,
      }),
      event("trials.start", { build: `${item}.1.1`, round: 1, scenarios: 180 }),
      event("trials.end", {
        build: `${item}.1.1`,
        round: 2,
        trials: 40,
        failed: 3,
        cpuSeconds: 12.34,
      }),
      event("gate.verdict", {
        build: `${item}.1.1`,
        decision: "more-trials",
        reason: "edge needs 12 more",
        report: "cd34",
      }),
      event("exception.open", {
        exception: "ex-7",
        reason: "retries-spent",
        summary: "3 builds refused",
      }),
      event("decision.record", {
        decision: "d-1",
        exception: "ex-7",
        action: "approve",
        by: "alice",
        reason: "demo",
      }),
      event("calibration.end", {
        build: `${item}.1.1`,
        mutants: 20,
        caught: 18,
        lower: 0.683,
        upper: 0.988,
        report: "ef56",
      }),
      event("budget.exceeded", {
        category: "testing",
        station: "trials",
        reason: "$0.50 left of $400.00",
      }),
    ].map((value) => render(value).slice(`14:02:11 ${item.padEnd(22)}  `.length));
    expect(lines).toEqual([
      "submit    submitted /specs/todo.md (profile admin)",
      "build     intake → build: lint score 92 ≥ 75",
      "intake    lint score 61 < 75 (1 finding)",
      "build     #1.2 llm (gpt-4.1) building, attempt 1",
      "scenarios suite todo-api@3a9f generated: 100 normal, 50 edge, 30 malicious",
      "trials    #1.1 round 1: 180 scenarios to run",
      "trials    #1.1 round 2: 40 trials, 3 failed, 12.3 s CPU",
      "gate      #1.1 more-trials: edge needs 12 more",
      "exception exception ex-7 (retries-spent): 3 builds refused",
      'decision  alice decided approve on ex-7: "demo"',
      "calibrate #1.1 the gate caught 18 of 20 mutants (68.3%–98.8%)",
      "budget    testing budget refused the trials station: $0.50 left of $400.00",
    ]);
  });

  it("shows times in the time zone it is given", () => {
    expect(timeOfDay("2026-11-24T23:59:59.000Z", "UTC")).toBe("23:59:59");
    expect(timeOfDay("2026-11-24T23:59:59.000Z", "Europe/Paris")).toBe("00:59:59");
  });

  it("shortens a build id only within its own work item", () => {
    expect(shortBuild("todo-api-3f9c2a.2.1", "todo-api-3f9c2a")).toBe("#2.1");
    expect(shortBuild("other-aaaaaa.1.1", "todo-api-3f9c2a")).toBe("other-aaaaaa.1.1");
  });
});
