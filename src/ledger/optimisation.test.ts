import { describe, expect, it } from "vitest";
import { cheapestCapableModel, dispatchOrder } from "./optimisation.js";

const prices = (input: number, output: number, cached = input) => ({
  inputUsdPerMillion: input,
  cachedInputUsdPerMillion: cached,
  outputUsdPerMillion: output,
  reasoningUsdPerMillion: output,
});
const candidates = [
  { model: "big", prices: prices(2.5, 10), quality: 0.92 },
  { model: "mini", prices: prices(0.15, 0.6), quality: 0.81 },
  { model: "middle", prices: prices(0.8, 4), quality: 0.88 },
  { model: "cached", prices: prices(1, 4, 0.1), quality: 0.88 },
];
const expectedTokens = {
  inputTokens: 100_000,
  cachedInputTokens: 80_000,
  outputTokens: 10_000,
  reasoningTokens: 0,
};

describe("cheapestCapableModel", () => {
  it("picks the cheapest model that meets the station's minimum", () => {
    expect(cheapestCapableModel(candidates, { minimumQuality: 0.8, expectedTokens })).toEqual({
      model: "mini",
      quality: 0.81,
      expectedCostMicroUsd: 21_000, // 100,000 × 0.15 + 10,000 × 0.6
    });
  });

  it("compares the whole expected bill: a cache discount can beat a lower list price", () => {
    // middle: 100,000 × 0.8 + 10,000 × 4 = 120,000; cached: 20,000 × 1 + 80,000 × 0.1 + 10,000 × 4 = 68,000
    expect(
      cheapestCapableModel(candidates, { minimumQuality: 0.85, expectedTokens }),
    ).toMatchObject({
      model: "cached",
      expectedCostMicroUsd: 68_000,
    });
  });

  it("prefers the better model on a tie in cost, and finds none when nothing is good enough", () => {
    const tied = [
      { model: "a", prices: prices(1, 1), quality: 0.9 },
      { model: "b", prices: prices(1, 1), quality: 0.95 },
    ];
    expect(cheapestCapableModel(tied, { minimumQuality: 0.5, expectedTokens })?.model).toBe("b");
    expect(
      cheapestCapableModel(candidates, { minimumQuality: 0.99, expectedTokens }),
    ).toBeUndefined();
  });
});

describe("dispatchOrder", () => {
  it("orders work by value per dollar, free valuable work first", () => {
    const order = dispatchOrder([
      { id: "refactor", value: 10, estimatedMicroUsd: 5_000_000 },
      { id: "hotfix", value: 100, estimatedMicroUsd: 10_000_000 },
      { id: "docs", value: 1, estimatedMicroUsd: 0 },
      { id: "feature", value: 50, estimatedMicroUsd: 50_000_000 },
      { id: "tweak", value: 20, estimatedMicroUsd: 2_000_000 },
    ]);
    expect(order.map((item) => item.id)).toEqual([
      "docs",
      "hotfix",
      "tweak",
      "refactor",
      "feature",
    ]);
  });

  it("breaks ties by value, then by id, and rejects negative values", () => {
    const order = dispatchOrder([
      { id: "b", value: 1, estimatedMicroUsd: 1 },
      { id: "a", value: 1, estimatedMicroUsd: 1 },
      { id: "c", value: 2, estimatedMicroUsd: 2 },
    ]);
    expect(order.map((item) => item.id)).toEqual(["c", "a", "b"]);
    expect(() => dispatchOrder([{ id: "x", value: -1, estimatedMicroUsd: 1 }])).toThrow(
      /0 or more/,
    );
  });
});
