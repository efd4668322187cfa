import { calcPrice } from "@pydantic/genai-prices";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../contracts/errors.js";
import { lookUpModelPrices, type TokenCounts, tokenCostMicroUsd } from "./model-prices.js";

const at = new Date("2026-11-24T12:00:00.000Z");
/** 1.2M input tokens of which 200k were read from the cache, and 300k output tokens. */
const bigCall: TokenCounts = {
  inputTokens: 1_200_000,
  cachedInputTokens: 200_000,
  outputTokens: 300_000,
  reasoningTokens: 0,
};

function bundledCost(model: string, provider: string, tokens: TokenCounts, when = at): number {
  const lookup = lookUpModelPrices({ model, provider, at: when, tokens });
  if (!lookup.found) throw new Error(lookup.warning);
  expect(lookup.source).toBe("bundled");
  return tokenCostMicroUsd(tokens, lookup.prices);
}

describe("prices from the bundled list, worked by hand", () => {
  // $P per million tokens is P micro-dollars per token.
  it("gpt-4o: $2.50 input, $1.25 cached input, $10 output per million", () => {
    const uncached = 1_000_000 * 2.5; // 2,500,000 µ$
    const cached = 200_000 * 1.25; //      250,000 µ$
    const output = 300_000 * 10; //      3,000,000 µ$
    expect(uncached + cached + output).toBe(5_750_000);
    expect(bundledCost("gpt-4o", "openai", bigCall)).toBe(5_750_000);
  });

  it("claude-3-5-haiku: $0.80 input, $0.08 cached input, $4 output per million", () => {
    // 1,000,000 × 0.8 = 800,000; 200,000 × 0.08 = 16,000; 300,000 × 4 = 1,200,000
    expect(bundledCost("claude-3-5-haiku-latest", "anthropic", bigCall)).toBe(2_016_000);
  });

  it("gpt-5-mini: $0.25 input, $0.025 cached input, $2 output per million", () => {
    // 1,000,000 × 0.25 = 250,000; 200,000 × 0.025 = 5,000; 300,000 × 2 = 600,000
    expect(bundledCost("gpt-5-mini", "openai", bigCall)).toBe(855_000);
  });

  it("gemini-2.5-pro: the long-context tier prices the whole call above 200k input tokens", () => {
    // above 200k: $2.50 input, $0.25 cached, $15 output: 2,500,000 + 50,000 + 4,500,000
    expect(bundledCost("gemini-2.5-pro", "google", bigCall)).toBe(7_050_000);
    // below: $1.25, $0.125, $10: 80,000 × 1.25 + 20,000 × 0.125 + 10,000 × 10 = 100,000 + 2,500 + 100,000
    const small = {
      inputTokens: 100_000,
      cachedInputTokens: 20_000,
      outputTokens: 10_000,
      reasoningTokens: 0,
    };
    expect(bundledCost("gemini-2.5-pro", "google", small)).toBe(202_500);
  });

  it("o3: the price in force when the tokens were spent ($10/$40 before 2025-06-10, $2/$8 after)", () => {
    const call = {
      inputTokens: 1_000_000,
      cachedInputTokens: 0,
      outputTokens: 100_000,
      reasoningTokens: 0,
    };
    expect(bundledCost("o3", "openai", call, new Date("2025-05-01T00:00:00Z"))).toBe(14_000_000);
    expect(bundledCost("o3", "openai", call, at)).toBe(2_800_000);
  });

  it("finds a model without its provider, as the price list's own matching does", () => {
    const lookup = lookUpModelPrices({ model: "gpt-4o", at, tokens: bigCall });
    expect(lookup).toMatchObject({ found: true, matched: "openai:gpt-4o" });
  });

  it("prices reasoning tokens as output tokens unless the model has a reasoning price", () => {
    const thinking = { ...bigCall, reasoningTokens: 250_000 };
    expect(bundledCost("gpt-4o", "openai", thinking)).toBe(5_750_000);
  });

  it("agrees with the library's own float total to within half a micro-dollar", () => {
    const models = [
      ["gpt-4o", "openai"],
      ["gpt-4o-mini", "openai"],
      ["claude-sonnet-4-5", "anthropic"],
      ["gemini-2.5-pro", "google"],
    ] as const;
    const tokens = fc
      .tuple(fc.nat(3_000_000), fc.nat(3_000_000), fc.nat(500_000), fc.nat(500_000))
      .map(([input, cached, output, reasoning]) => ({
        inputTokens: Math.max(input, cached),
        cachedInputTokens: Math.min(input, cached),
        outputTokens: Math.max(output, reasoning),
        reasoningTokens: Math.min(output, reasoning),
      }));
    fc.assert(
      fc.property(fc.constantFrom(...models), tokens, ([model, provider], counts) => {
        const library = calcPrice(
          {
            input_tokens: counts.inputTokens,
            cache_read_tokens: counts.cachedInputTokens,
            output_tokens: counts.outputTokens,
            output_reasoning_tokens: counts.reasoningTokens,
          },
          model,
          { providerId: provider, timestamp: at },
        );
        const ours = bundledCost(model, provider, counts);
        expect(
          Math.abs(ours - (library?.total_price ?? Number.NaN) * 1_000_000),
        ).toBeLessThanOrEqual(0.5 + 1e-6);
      }),
      { seed: 20261124, numRuns: 200 },
    );
  });
});

describe("rounding: once per call, half up, to whole micro-dollars", () => {
  const gpt5Mini = {
    inputUsdPerMillion: 0.25,
    cachedInputUsdPerMillion: 0.025,
    outputUsdPerMillion: 2,
    reasoningUsdPerMillion: 2,
  };
  const tokens = (inputTokens: number, cachedInputTokens = 0) => ({
    inputTokens,
    cachedInputTokens,
    outputTokens: 0,
    reasoningTokens: 0,
  });

  it("rounds 0.5 µ$ up and 0.25 µ$ down", () => {
    expect(tokenCostMicroUsd(tokens(2), gpt5Mini)).toBe(1); // 2 × 0.25 = 0.5
    expect(tokenCostMicroUsd(tokens(1), gpt5Mini)).toBe(0); // 0.25
    expect(tokenCostMicroUsd(tokens(6), gpt5Mini)).toBe(2); // 1.5
  });

  it("sums the parts exactly before rounding, so fractions of parts are not lost", () => {
    // 10 cached × 0.025 = 0.25 and 1 uncached × 0.25 = 0.25: 0.5 in all, which rounds to 1
    expect(tokenCostMicroUsd(tokens(11, 10), gpt5Mini)).toBe(1);
  });

  it("rejects counts that cannot be: more cached tokens than input tokens, fractions", () => {
    expect(() => tokenCostMicroUsd(tokens(1, 2), gpt5Mini)).toThrow(InvalidArgumentError);
    expect(() => tokenCostMicroUsd(tokens(1.5), gpt5Mini)).toThrow(/whole number/);
  });
});

describe("overrides and unknown models", () => {
  it("uses the config's price for a local model, which costs what its owner says", () => {
    const lookup = lookUpModelPrices({
      model: "llama3.1:8b",
      at,
      tokens: bigCall,
      overrides: { "llama3.1:8b": { inputUsdPerMillion: 0.1, outputUsdPerMillion: 0.2 } },
    });
    expect(lookup).toMatchObject({ found: true, source: "config" });
    if (!lookup.found) return;
    // cached input defaults to the input price: 1,200,000 × 0.1 + 300,000 × 0.2 = 120,000 + 60,000
    expect(tokenCostMicroUsd(bigCall, lookup.prices)).toBe(180_000);
  });

  it("lets the config override a bundled price", () => {
    const lookup = lookUpModelPrices({
      model: "gpt-4o",
      provider: "openai",
      at,
      tokens: bigCall,
      overrides: {
        "gpt-4o": { inputUsdPerMillion: 1, cachedInputUsdPerMillion: 0, outputUsdPerMillion: 2 },
      },
    });
    if (!lookup.found) throw new Error("expected a price");
    expect(lookup.source).toBe("config");
    expect(tokenCostMicroUsd(bigCall, lookup.prices)).toBe(1_000_000 + 600_000);
  });

  it("says an unknown model has no price, with a warning that names it and the fix", () => {
    const lookup = lookUpModelPrices({
      model: "llama3.1:8b",
      provider: "openai-compatible",
      at,
      tokens: bigCall,
    });
    expect(lookup.found).toBe(false);
    if (lookup.found) return;
    expect(lookup.warning).toContain('no price is known for model "llama3.1:8b"');
    expect(lookup.warning).toContain('prices."llama3.1:8b"');
  });
});
