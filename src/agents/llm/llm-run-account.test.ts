import { describe, expect, it } from "vitest";
import { LlmRunAccount, priceKey } from "./llm-run-account.js";

const now = () => Date.parse("2026-01-15T12:00:00Z");

/** A step's usage as the AI SDK reports it. */
function usage(input: number, cached: number, output: number, reasoning: number) {
  return {
    inputTokens: input,
    outputTokens: output,
    inputTokenDetails: { cacheReadTokens: cached },
    outputTokenDetails: { reasoningTokens: reasoning },
  };
}

describe("LlmRunAccount", () => {
  it("sums tokens and steps, and prices each step from the table", () => {
    // gpt-4.1: $2 input, $0.50 cached input, $8 output per million tokens.
    const account = new LlmRunAccount({ modelName: "openai/gpt-4.1", now });
    account.record(usage(1_000, 400, 100, 0));
    account.record(usage(2_000, 1_000, 300, 0));
    expect(account.steps).toBe(2);
    expect(account.tokens).toEqual({
      inputTokens: 3_000,
      cachedInputTokens: 1_400,
      outputTokens: 400,
      reasoningTokens: 0,
    });
    // (600×2 + 400×0.5 + 100×8) + (1000×2 + 1000×0.5 + 300×8) = 2200 + 4900
    expect(account.costMicroUsd).toBe(7_100);
  });

  it("counts a step that reported nothing as a step with no tokens", () => {
    const account = new LlmRunAccount({ modelName: "openai/gpt-4.1", now });
    account.record(undefined);
    expect(account.steps).toBe(1);
    expect(account.tokens.outputTokens).toBe(0);
    expect(account.costMicroUsd).toBe(0);
  });

  it("has no cost for a model without a price, unless the config gives one", () => {
    const unknown = new LlmRunAccount({ modelName: "openai-compatible/llama-local", now });
    unknown.record(usage(1_000, 0, 100, 0));
    expect(unknown.costMicroUsd).toBeUndefined();

    const priced = new LlmRunAccount({
      modelName: "openai-compatible/llama-local",
      now,
      prices: { "llama-local": { inputUsdPerMillion: 1, outputUsdPerMillion: 10 } },
    });
    priced.record(usage(1_000, 0, 100, 0));
    expect(priced.costMicroUsd).toBe(2_000);
  });

  it("says which budget limit the run went past", () => {
    const account = new LlmRunAccount({ modelName: "openai/gpt-4.1", now });
    account.record(usage(1_000, 0, 100, 0));
    expect(account.limitPassed({ wallClockMs: 1, maxOutputTokens: 100 })).toBeUndefined();
    account.record(usage(1_000, 0, 1, 0));
    expect(account.limitPassed({ wallClockMs: 1, maxOutputTokens: 100 })).toEqual({
      kind: "output-tokens",
      limit: 100,
      spent: 101,
    });
    // 2000×2 + 101×8 = 4808 micro-dollars
    expect(account.limitPassed({ wallClockMs: 1, maxCostUsd: 0.005 })).toBeUndefined();
    expect(account.limitPassed({ wallClockMs: 1, maxCostUsd: 0.004 })).toEqual({
      kind: "cost",
      limitMicroUsd: 4_000,
      spentMicroUsd: 4_808,
    });
  });
});

describe("priceKey", () => {
  it("splits the provider off, except for an OpenAI-compatible server", () => {
    expect(priceKey("openai/gpt-4.1")).toEqual({ provider: "openai", model: "gpt-4.1" });
    expect(priceKey("openai-compatible/llama3.1:8b")).toEqual({ model: "llama3.1:8b" });
    expect(priceKey("gpt-4o")).toEqual({ model: "gpt-4o" });
  });
});
