/**
 * Test data for the line's commands and renderers: a work item that was regenerated once and then
 * approved, with its builds, verdicts, events and costs, as the facade (src/line/factory-line.ts)
 * returns them, and the line's status. The releases, incidents and monitor cycles are in
 * release-fixtures.ts. Used by the tests only; kept beside the renderers so each test can build on it.
 */
import type {
  Build,
  GateVerdict,
  LineEvent,
  LineEventPayload,
  LineEventType,
  WorkItem,
} from "../../../src/contracts/index.js";
import { noAgentTokens } from "../../../src/contracts/index.js";
import type { LineStatus, WorkItemHistory } from "../../../src/line/factory-line.js";

export const sampleItemId = "todo-api-3f9c2a";

export function sampleWorkItem(changes: Partial<WorkItem> = {}): WorkItem {
  return {
    id: sampleItemId,
    name: "todo-api",
    specPath: "/project/specs/todo-api.md",
    specHash: "5e1f0c2a9b7d",
    profile: "admin",
    lineUp: {
      pattern: "single",
      agent: { agent: "scaffold", faults: { probability: 1, seed: 1, attempts: [1] } },
    },
    state: "approved",
    attempt: 2,
    suite: "todo-api@3a9f",
    approvedBuild: `${sampleItemId}.2.1`,
    createdAt: "2026-11-24T14:00:00.000Z",
    updatedAt: "2026-11-24T14:03:00.000Z",
    ...changes,
  };
}

export function sampleVerdict(decision: GateVerdict["decision"]): GateVerdict {
  const edgePassed = decision === "approve" ? 50 : 41;
  const latency = { count: 180, min: 1, mean: 3, p50: 2, p95: 8, p99: 12, max: 20 };
  const category = (name: "normal" | "edge" | "malicious", scenarios: number, passed: number) => ({
    category: name,
    scenarios,
    passed,
    failed: scenarios - passed,
    trials: scenarios,
    passRate: passed / scenarios,
    lowerBound: passed === scenarios ? 0.95 : 0.7,
    upperBound: passed === scenarios ? 1 : 0.9,
    threshold: name === "normal" ? 0.95 : 0.9,
    confidence: 0.95,
    zeroTolerance: false,
    status: passed === scenarios ? ("pass" as const) : ("fail" as const),
    additionalScenariosNeeded: null,
    reason: "",
    latency,
  });
  return {
    decision,
    reason: decision === "approve" ? "every category clears its threshold" : "edge 41/50 < 90%",
    profile: "admin",
    method: "clopper-pearson",
    mode: "bound",
    categories: [
      category("normal", 100, 100),
      category("edge", 50, edgePassed),
      category("malicious", 30, 30),
    ],
    latency,
    errorClusters: [],
    flakyScenarios: [],
    additionalScenariosNeeded: null,
  };
}

export function sampleBuild(attempt: number): Build {
  const approved = attempt === 2;
  return {
    id: `${sampleItemId}.${attempt}.1`,
    workItem: sampleItemId,
    attempt,
    candidate: 1,
    agent: "scaffold",
    state: "gated",
    branch: `shopfloor/${sampleItemId}/${sampleItemId}.${attempt}.1`,
    run: {
      agent: "scaffold",
      status: "succeeded",
      summary: "wrote the service from the spec's model",
      commit: `${approved ? "9f3c2e1" : "1a2b3c4"}aa7b0c4d1e2f3a4b5c6d7e8f9a0b1c2d3`,
      filesChanged: ["package.json", "server.mjs"],
      turns: 1,
      tokens: noAgentTokens,
      computedCostMicroUsd: 0,
      durationMs: 1500,
      transcript: "runs/transcript.jsonl",
      injectedFaults: approved
        ? []
        : [
            {
              kind: "drop-validation",
              file: "server.mjs",
              line: 42,
              description: "the title's length is no longer checked",
            },
          ],
    },
    verdict: sampleVerdict(approved ? "approve" : "regenerate"),
    createdAt: "2026-11-24T14:00:10.000Z",
    updatedAt: "2026-11-24T14:02:00.000Z",
  };
}

let nextSequence = 0;
export function sampleEvent<Type extends LineEventType>(
  type: Type,
  payload: LineEventPayload<Type>,
  at = "2026-11-24T14:02:11.000Z",
): LineEvent {
  nextSequence += 1;
  return { sequence: nextSequence, at, workItem: sampleItemId, type, payload } as LineEvent;
}

export function sampleHistory(): WorkItemHistory {
  const item = sampleWorkItem();
  const events = [
    sampleEvent(
      "intake.end",
      { score: 92, minimumScore: 75, findings: 2 },
      "2026-11-24T14:00:01.000Z",
    ),
    sampleEvent(
      "build.start",
      { build: `${sampleItemId}.1.1`, attempt: 1, candidate: 1, agent: "scaffold" },
      "2026-11-24T14:00:02.000Z",
    ),
    sampleEvent(
      "suite.ready",
      { suite: "todo-api@3a9f", normal: 100, edge: 50, malicious: 30, generated: true },
      "2026-11-24T14:00:05.000Z",
    ),
    sampleEvent(
      "gate.verdict",
      {
        build: `${sampleItemId}.1.1`,
        decision: "regenerate",
        reason: "edge 41/50 < 90%",
        report: "ab",
      },
      "2026-11-24T14:01:00.000Z",
    ),
    sampleEvent(
      "work-item.transition",
      { from: "gate", to: "approved", reason: "build #2.1 approved", attempt: 2 },
      "2026-11-24T14:03:00.000Z",
    ),
  ];
  return {
    item,
    events,
    builds: [sampleBuild(2), sampleBuild(1)],
    exceptions: [],
    decisions: [],
    costs: {
      totalMicroUsd: 230_000,
      byCategory: { inference: 0, testing: 230_000, ci: 0, monitoring: 0 },
      byStation: { trials: 230_000 },
      byAgentModel: [{ agent: "scaffold", model: null, microUsd: 0 }],
    },
  };
}

const idle = { waiting: 0, leased: 0, done: 0, dead: 0 };

export function sampleLineStatus(): LineStatus {
  return {
    states: {
      intake: 0,
      build: 1,
      scenarios: 0,
      trials: 1,
      gate: 0,
      approved: 3,
      deploy: 0,
      live: 0,
      "rolled-back": 0,
      exception: 1,
      rejected: 0,
    },
    items: [
      {
        id: "todo-api-3f9c2a",
        name: "todo-api",
        state: "trials",
        attempt: 1,
        updatedAt: "",
        ageSeconds: 75,
      },
      {
        id: "tempconv-aa11bb",
        name: "tempconv",
        state: "build",
        attempt: 2,
        updatedAt: "",
        ageSeconds: 4000,
      },
      {
        id: "inventory-cc22dd",
        name: "inventory",
        state: "approved",
        attempt: 1,
        updatedAt: "",
        ageSeconds: 9,
      },
    ],
    outcomes: { approved: 3, rejected: 0, exception: 1, approvalRate: 0.75 },
    passRates: { normal: 0.98, edge: 0.9, malicious: null },
    spendToday: {
      totalMicroUsd: 1_250_000,
      byCategory: { inference: 1_000_000, testing: 250_000, ci: 0, monitoring: 0 },
      limitMicroUsd: 1_000_000_000,
    },
    queue: {
      intake: idle,
      build: { ...idle, leased: 1 },
      scenarios: idle,
      trials: { ...idle, waiting: 2, done: 7 },
      gate: { ...idle, dead: 1 },
      deploy: idle,
    },
    openExceptions: 1,
  };
}
