import { describe, expect, it } from "vitest";
import { AgentTokens } from "../../contracts/agent-run.js";
import { addTokens, consistentTokens, noAgentTokens } from "./token-counts.js";

describe("token counts", () => {
  it("adds counts a CLI may leave out", () => {
    const total = addTokens(addTokens(noAgentTokens, { inputTokens: 10 }), { outputTokens: 3 });
    expect(total).toEqual({
      inputTokens: 10,
      cachedInputTokens: 0,
      outputTokens: 3,
      reasoningTokens: 0,
    });
  });

  it("keeps cached within input and reasoning within output, and drops what is not a count", () => {
    const tokens = consistentTokens({
      inputTokens: 100,
      cachedInputTokens: 150,
      outputTokens: 2.6,
      reasoningTokens: Number.NaN,
    });
    expect(tokens).toEqual({
      inputTokens: 100,
      cachedInputTokens: 100,
      outputTokens: 3,
      reasoningTokens: 0,
    });
    expect(
      AgentTokens.parse(consistentTokens({ inputTokens: -5, outputTokens: 1, reasoningTokens: 9 })),
    ).toEqual({
      inputTokens: 0,
      cachedInputTokens: 0,
      outputTokens: 1,
      reasoningTokens: 1,
    });
  });
});
