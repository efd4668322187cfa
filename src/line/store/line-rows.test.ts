import { describe, expect, it } from "vitest";
import type { ReleaseTable, WorkItemTable } from "../../store/factory-database.js";
import {
  buildFromRow,
  decisionFromRow,
  exceptionFromRow,
  incidentFromRow,
  probeFromRow,
  probeRow,
  releaseFromRow,
  releaseRequestFromRow,
  trialFromRow,
  trialRow,
  workItemFromRow,
} from "./line-rows.js";

const at = "2026-11-24T09:00:00.000Z";
const itemRow: WorkItemTable = {
  id: "todo-api-3f9c2a",
  name: "todo-api",
  spec_path: "/specs/todo-api.md",
  spec_hash: "a".repeat(64),
  profile: "standard",
  line_up: JSON.stringify({ pattern: "single", agent: { agent: "scaffold" } }),
  state: "trials",
  attempt: 2,
  suite: "todo-api@1",
  approved_build: null,
  parent: null,
  fixes: null,
  created_at: at,
  updated_at: at,
};

describe("workItemFromRow", () => {
  it("turns a row into the contract, leaving out absent columns", () => {
    const item = workItemFromRow(itemRow);
    expect(item).toEqual({
      id: "todo-api-3f9c2a",
      name: "todo-api",
      specPath: "/specs/todo-api.md",
      specHash: "a".repeat(64),
      profile: "standard",
      lineUp: { pattern: "single", agent: { agent: "scaffold" } },
      state: "trials",
      attempt: 2,
      suite: "todo-api@1",
      createdAt: at,
      updatedAt: at,
    });
    expect(Object.keys(item)).not.toContain("approvedBuild");
    expect(Object.keys(item)).not.toContain("fixes");
  });

  it("reads the incident a fix item repairs", () => {
    const fix = workItemFromRow({ ...itemRow, parent: "todo-api-000001", fixes: "9f3b21c0" });
    expect(fix).toMatchObject({ parent: "todo-api-000001", fixes: "9f3b21c0" });
  });

  it("reports a row that does not fit the contract, or JSON that is not JSON", () => {
    expect(() => workItemFromRow({ ...itemRow, state: "dancing" })).toThrow(
      "work item todo-api-3f9c2a in the factory database does not fit: state:",
    );
    expect(() => workItemFromRow({ ...itemRow, line_up: "{" })).toThrow(
      "work item todo-api-3f9c2a: the stored line_up is not JSON",
    );
  });
});

describe("buildFromRow", () => {
  it("parses the stored run, feedback and verdict, and reports one that does not fit", () => {
    const row = {
      id: "b",
      work_item: "i",
      attempt: 1,
      candidate: 1,
      agent: "scaffold",
      model: null,
      state: "building",
      branch: null,
      run: null,
      feedback: null,
      verdict: null,
      created_at: at,
      updated_at: at,
    };
    expect(buildFromRow(row)).toEqual({
      id: "b",
      workItem: "i",
      attempt: 1,
      candidate: 1,
      agent: "scaffold",
      state: "building",
      createdAt: at,
      updatedAt: at,
    });
    expect(() => buildFromRow({ ...row, run: '{"agent":"x"}' })).toThrow("build b");
  });
});

describe("exceptionFromRow and decisionFromRow", () => {
  it("parse the JSON objects back", () => {
    expect(
      exceptionFromRow({
        id: "x",
        work_item: "i",
        build: null,
        reason: "spec-too-vague",
        summary: "score 31 < 60",
        evidence: '{"findings":[]}',
        state: "open",
        opened_at: at,
      }),
    ).toMatchObject({ evidence: { findings: [] }, reason: "spec-too-vague" });
    expect(
      decisionFromRow({
        id: "d",
        exception: "x",
        work_item: "i",
        action: "clarify",
        decided_by: "ana",
        reason: "wrote the missing limits",
        at,
        details: '{"specHash":"b"}',
      }),
    ).toMatchObject({ by: "ana", details: { specHash: "b" } });
  });
});

describe("trial rows", () => {
  it("store a result without an attempt as attempt 1, and read it back", () => {
    const row = trialRow(
      "b",
      { scenario: "s", category: "malicious", pass: false, durationMs: 3, error: "leak" },
      at,
    );
    expect(row).toEqual({
      build: "b",
      scenario: "s",
      attempt: 1,
      category: "malicious",
      pass: 0,
      duration_ms: 3,
      error: "leak",
      at,
    });
    expect(trialFromRow(row)).toEqual({
      scenario: "s",
      category: "malicious",
      pass: false,
      durationMs: 3,
      error: "leak",
      attempt: 1,
    });
    expect(trialFromRow({ ...row, pass: 1, error: null })).not.toHaveProperty("error");
  });
});

const request = {
  release: "todo-api-r2",
  service: "todo-api",
  workItem: "todo-api-3f9c2a",
  build: "todo-api-3f9c2a.1.1",
  commit: "c0ffee",
  directory: "/home/releases/todo-api-r2",
  command: "node server.js",
  healthPath: "/health",
  env: { NODE_ENV: "production" },
};
const releaseRow: ReleaseTable = {
  id: "todo-api-r2",
  service: "todo-api",
  number: 2,
  work_item: "todo-api-3f9c2a",
  build: "todo-api-3f9c2a.1.1",
  commit_sha: "c0ffee",
  target: "local",
  state: "live",
  address: "http://127.0.0.1:4100",
  reason: null,
  request: JSON.stringify(request),
  created_at: at,
  updated_at: at,
  live_at: at,
  ended_at: null,
};

describe("release rows", () => {
  it("turn into the Release contract, leaving out what is not known yet", () => {
    expect(releaseFromRow(releaseRow)).toEqual({
      id: "todo-api-r2",
      service: "todo-api",
      number: 2,
      workItem: "todo-api-3f9c2a",
      build: "todo-api-3f9c2a.1.1",
      commit: "c0ffee",
      target: "local",
      state: "live",
      address: "http://127.0.0.1:4100",
      createdAt: at,
      updatedAt: at,
      liveAt: at,
    });
    expect(() => releaseFromRow({ ...releaseRow, state: "paused" })).toThrow(
      "release todo-api-r2 in the factory database does not fit: state:",
    );
  });

  it("give back the stored request, and report one that does not fit", () => {
    expect(releaseRequestFromRow(releaseRow)).toEqual(request);
    const { healthPath: _, ...withoutHealth } = request;
    expect(() =>
      releaseRequestFromRow({ id: "todo-api-r2", request: JSON.stringify(withoutHealth) }),
    ).toThrow("release todo-api-r2's request in the factory database does not fit: healthPath");
    expect(() => releaseRequestFromRow({ id: "todo-api-r2", request: "{" })).toThrow(
      "release todo-api-r2: the stored request is not JSON",
    );
  });
});

describe("incident and probe rows", () => {
  it("read an incident's evidence back, and name who acted", () => {
    const row = {
      id: "9f3b21c0",
      service: "todo-api",
      release: "todo-api-r2",
      rolled_back_to: "todo-api-r1",
      work_item: "todo-api-3f9c2a",
      fix_item: null,
      by_whom: "monitor",
      summary: "error rate above the SLO",
      evidence: '{"failures":7,"probes":20}',
      opened_at: at,
    };
    expect(incidentFromRow(row)).toEqual({
      id: "9f3b21c0",
      service: "todo-api",
      release: "todo-api-r2",
      rolledBackTo: "todo-api-r1",
      workItem: "todo-api-3f9c2a",
      by: "monitor",
      summary: "error rate above the SLO",
      evidence: { failures: 7, probes: 20 },
      openedAt: at,
    });
    expect(() => incidentFromRow({ ...row, evidence: "[1]" })).toThrow("incident 9f3b21c0");
  });

  it("store a probe's flag as 0/1 and its absent error as null, and read it back", () => {
    const probe = {
      release: "todo-api-r2",
      cycle: 3,
      scenario: "health",
      title: "health check",
      passed: false,
      latencyMs: 12.5,
      error: "503",
      at,
    };
    const row = probeRow(probe);
    expect(row).toMatchObject({ passed: 0, latency_ms: 12.5, error: "503" });
    expect(probeFromRow(row)).toEqual(probe);
    const passed = probeRow({ ...probe, passed: true, error: undefined });
    expect(passed).toMatchObject({ passed: 1, error: null });
    expect(probeFromRow(passed)).not.toHaveProperty("error");
  });
});
