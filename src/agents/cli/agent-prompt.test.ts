import { describe, expect, it } from "vitest";
import { sampleTask } from "../../../test/fixtures/agents/adapter-harness.js";
import { buildAgentPrompt } from "./agent-prompt.js";

describe("buildAgentPrompt", () => {
  it("gives the instructions and the spec as written, and says the factory commits", () => {
    const prompt = buildAgentPrompt(sampleTask());
    expect(prompt).toContain("# Work item todo-api, attempt 1");
    expect(prompt).toContain("Build the service described by the spec in this folder.");
    expect(prompt).toContain("<spec>\n# Todo API\n\nA service that keeps todos.\n</spec>");
    expect(prompt).toContain("Do not commit");
    expect(prompt).not.toContain("quality gate found");
  });

  it("adds what the gate found on regeneration", () => {
    const prompt = buildAgentPrompt(
      sampleTask({
        attempt: 3,
        feedback: {
          decision: "regenerate",
          reason: "malicious inputs crash it",
          categories: [],
          errorClusters: [{ signature: "status <n>", count: 4, example: "status 500" }],
          examples: [],
        },
      }),
    );
    expect(prompt).toContain("attempt 3");
    expect(prompt).toContain("Decision: regenerate. malicious inputs crash it");
    expect(prompt).toContain("- 4× status <n>");
  });
});
