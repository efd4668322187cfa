import { describe, expect, it } from "vitest";
import type { WorkItemTable } from "../../store/factory-database.js";
import {
  buildFromRow,
  decisionFromRow,
  exceptionFromRow,
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
