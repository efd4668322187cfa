import { describe, expect, it } from "vitest";
import type { FeedbackReport } from "../../contracts/agent-run.js";
import { feedbackNote } from "./feedback-note.js";

const feedback: FeedbackReport = {
  decision: "regenerate",
  reason: "edge and malicious fell short",
  categories: [
    { category: "normal", passed: 100, failed: 0, passRate: 1, threshold: 0.95 },
    { category: "edge", passed: 40, failed: 10, passRate: 0.8, threshold: 0.9 },
    { category: "malicious", passed: 29, failed: 1, passRate: null, threshold: null },
  ],
  errorClusters: [],
  examples: [],
};

describe("feedbackNote", () => {
  it("names the categories that fell short and says honestly it cannot act on them", () => {
    const note = feedbackNote(feedback);
    expect(note).toContain("edge (40 of 50 passed, needs 90%)");
    expect(note).toContain("malicious (29 of 30 passed)");
    expect(note).not.toContain("normal (");
    expect(note).toContain("cannot be acted on");
    expect(note).toContain("wrote the same service again");
  });

  it("says so even when no category is named", () => {
    const note = feedbackNote({ ...feedback, decision: "more-trials", categories: [] });
    expect(note).toContain("(more-trials)");
  });
});
