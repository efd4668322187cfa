import { describe, expect, it } from "vitest";
import {
  sampleBuild,
  sampleHistory,
  sampleWorkItem,
} from "../../../../test/support/line-cli/line-fixtures.js";
import type { FeedbackReport, LineException } from "../../../contracts/index.js";
import { feedbackText, renderDemoOutcome } from "./demo-outcome.js";

const feedback: FeedbackReport = {
  decision: "regenerate",
  reason: "edge 41/50 < 90%",
  categories: [
    { category: "normal", passed: 100, failed: 0, passRate: 1, threshold: 0.95 },
    { category: "edge", passed: 41, failed: 9, passRate: 0.82, threshold: 0.9 },
    { category: "malicious", passed: 30, failed: 0, passRate: 1, threshold: 0.9 },
  ],
  errorClusters: [{ signature: "expected status 400, got 500", count: 9, example: "step 2" }],
  examples: [{ title: "AC3: an empty title is refused", error: "expected status 400, got 500" }],
};

function regeneratedHistory() {
  const history = sampleHistory();
  history.builds = history.builds.map((build) =>
    build.attempt === 2 ? { ...build, feedback } : build,
  );
  return history;
}

describe("renderDemoOutcome", () => {
  it("shows the attempt the gate sent back, its injected fault and the feedback, then the outcome", () => {
    const text = renderDemoOutcome(regeneratedHistory(), []);
    const sentBack = text.indexOf(
      "── todo-api-3f9c2a (todo-api), attempt 1: build #1.1 by scaffold, sent back by the gate\n",
    );
    const outcome = text.indexOf(
      "── todo-api-3f9c2a (todo-api): approved, build #2.1 after 2 attempts",
    );
    expect(sentBack).toBe(0);
    expect(outcome).toBeGreaterThan(sentBack);
    expect(text).toContain(
      "injected fault drop-validation at server.mjs:42: the title's length is no longer checked\n",
    );
    expect(text.indexOf("decision: regenerate")).toBeLessThan(outcome);
    expect(text.indexOf("decision: approve")).toBeGreaterThan(outcome);
    expect(text).toContain(
      "attempt 2 was given the gate's feedback: edge 41 of 50 passed (needs 90.0%); 1 error cluster and 1 failure in full",
    );
    expect(text).not.toContain("a person decides");
  });

  it("shows an item approved on its first attempt as `shopfloor run` does, nothing sent back", () => {
    const history = sampleHistory();
    history.item = sampleWorkItem({ attempt: 1, approvedBuild: `${history.item.id}.1.1` });
    history.builds = [{ ...sampleBuild(2), id: `${history.item.id}.1.1`, attempt: 1 }];
    const text = renderDemoOutcome(history, []);
    expect(
      text.startsWith("── todo-api-3f9c2a (todo-api): approved, build #1.1 after 1 attempt\n"),
    ).toBe(true);
    expect(text).not.toContain("sent back");
  });

  it("gives an item in the exception queue the decide command a person would run", () => {
    const history = sampleHistory();
    history.item = sampleWorkItem({ state: "exception", attempt: 3, approvedBuild: undefined });
    history.builds = [];
    const exception: LineException = {
      id: "d41d4f28",
      workItem: history.item.id,
      reason: "agent-cannot-build",
      summary: "No agent built todo-api in 3 attempt(s)",
      evidence: {},
      state: "open",
      openedAt: "2026-11-24T14:03:00.000Z",
    };
    const other = { ...exception, id: "other", workItem: "tempconv-aa11bb" };
    history.exceptions = [exception];
    const text = renderDemoOutcome(history, [exception, other]);
    expect(text).toContain("in the exception queue (d41d4f28, agent-cannot-build)");
    expect(text).toContain(
      'a person decides: shopfloor decide d41d4f28 --retry --reason "…"   (or --clarify FILE, --reject)\n',
    );
    expect(text).not.toContain("decide other");
  });
});

describe("feedbackText", () => {
  it("names only the categories that fell short", () => {
    const text = feedbackText({ ...feedback, errorClusters: [], examples: [] });
    expect(text).toBe(
      "edge 41 of 50 passed (needs 90.0%); 0 error clusters and 0 failures in full, never a scenario's steps",
    );
  });
});
