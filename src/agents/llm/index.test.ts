import { describe, expect, it } from "vitest";
import * as llm from "./index.js";

describe("the llm agent's public API", () => {
  it("exports the agent and its prompts", () => {
    for (const name of [
      "LlmAgent",
      "defaultMaxTurns",
      "maximumNudges",
      "llmSystemPrompt",
      "llmTaskPrompt",
    ]) {
      expect(llm, name).toHaveProperty(name);
    }
    expect(new llm.LlmAgent({} as llm.LlmAgentOptions).name).toBe("llm");
  });
});
