import { describe, expect, it } from "vitest";
import { noAgentTokens } from "../../contracts/agent-run.js";
import { computedCostMicroUsd } from "./run-cost.js";

const at = new Date(Date.UTC(2026, 0, 1));
const tokens = { inputTokens: 1_000, cachedInputTokens: 0, outputTokens: 100, reasoningTokens: 0 };
const prices = {
  "house-model": { inputUsdPerMillion: 2, outputUsdPerMillion: 10 },
  "small-model": { inputUsdPerMillion: 1, outputUsdPerMillion: 1 },
};

describe("computedCostMicroUsd", () => {
  it("prices the tokens of the model the CLI reported, else the configured one", () => {
    expect(
      computedCostMicroUsd({ progress: { turns: 1, tokens, model: "house-model" }, at, prices }),
    ).toBe(3000);
    expect(
      computedCostMicroUsd({
        progress: { turns: 1, tokens },
        configuredModel: "house-model",
        at,
        prices,
      }),
    ).toBe(3000);
  });

  it("prices each model of a breakdown on its own", () => {
    const progress = {
      turns: 2,
      tokens,
      tokensByModel: [
        { model: "house-model", tokens },
        { model: "small-model", tokens },
      ],
    };
    expect(computedCostMicroUsd({ progress, at, prices })).toBe(3000 + 1100);
  });

  it("splits opencode's provider/model, and uses the bundled price list", () => {
    const cost = computedCostMicroUsd({
      progress: { turns: 1, tokens, model: "anthropic/claude-sonnet-4-5" },
      at,
    });
    // 1000 × $3 + 100 × $15 per million tokens.
    expect(cost).toBe(4500);
  });

  it("is unknown without a model, without a known price, or without tokens", () => {
    expect(computedCostMicroUsd({ progress: { turns: 1, tokens }, at, prices })).toBeUndefined();
    expect(
      computedCostMicroUsd({ progress: { turns: 1, tokens, model: "no-such-model-anywhere" }, at }),
    ).toBeUndefined();
    expect(
      computedCostMicroUsd({
        progress: { turns: 0, tokens: noAgentTokens, model: "house-model" },
        at,
        prices,
      }),
    ).toBeUndefined();
  });
});
