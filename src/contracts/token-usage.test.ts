import type { LanguageModelUsage } from "ai";
import { describe, expect, it } from "vitest";
import { addUsage, combineUsage, noUsage } from "./token-usage.js";

function usage(changes: Partial<LanguageModelUsage>): LanguageModelUsage {
  return {
    inputTokens: undefined,
    inputTokenDetails: {
      noCacheTokens: undefined,
      cacheReadTokens: undefined,
      cacheWriteTokens: undefined,
    },
    outputTokens: undefined,
    outputTokenDetails: { textTokens: undefined, reasoningTokens: undefined },
    totalTokens: undefined,
    ...changes,
  };
}

describe("addUsage", () => {
  it("adds every figure and counts the call", () => {
    const first = addUsage(
      noUsage,
      usage({
        inputTokens: 1200,
        inputTokenDetails: { noCacheTokens: 200, cacheReadTokens: 1000, cacheWriteTokens: 0 },
        outputTokens: 300,
        outputTokenDetails: { textTokens: 100, reasoningTokens: 200 },
      }),
    );
    const second = addUsage(first, usage({ inputTokens: 50, outputTokens: 7 }));
    expect(second).toEqual({
      inputTokens: 1250,
      cachedInputTokens: 1000,
      outputTokens: 307,
      reasoningTokens: 200,
      calls: 2,
    });
  });

  it("counts missing figures, and a missing usage, as 0", () => {
    expect(addUsage(noUsage, undefined)).toEqual({ ...noUsage, calls: 1 });
    expect(addUsage(noUsage, usage({}))).toEqual({ ...noUsage, calls: 1 });
  });

  it("reads the deprecated flat figures when the details are absent", () => {
    const flat = {
      inputTokens: 10,
      outputTokens: 5,
      cachedInputTokens: 4,
      reasoningTokens: 3,
    } as LanguageModelUsage;
    expect(addUsage(noUsage, flat)).toMatchObject({ cachedInputTokens: 4, reasoningTokens: 3 });
  });

  it("leaves the total it was given unchanged", () => {
    const total = { ...noUsage };
    addUsage(total, usage({ inputTokens: 9 }));
    expect(total).toEqual(noUsage);
  });
});

describe("combineUsage", () => {
  it("adds two totals", () => {
    const left = {
      inputTokens: 1,
      cachedInputTokens: 2,
      outputTokens: 3,
      reasoningTokens: 4,
      calls: 5,
    };
    expect(combineUsage(left, left)).toEqual({
      inputTokens: 2,
      cachedInputTokens: 4,
      outputTokens: 6,
      reasoningTokens: 8,
      calls: 10,
    });
  });
});
