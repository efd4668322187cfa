import { describe, expect, it } from "vitest";
import { noAgentTokens } from "../contracts/index.js";
import { ageText, evidenceText, runCostText, truncate } from "./line-format.js";

describe("line formats", () => {
  it("writes ages in the two largest units", () => {
    expect([0, 42, 310, 11_100, 190_000, -5].map(ageText)).toEqual([
      "0s",
      "42s",
      "5m 10s",
      "3h 05m",
      "2d 04h",
      "0s",
    ]);
  });

  it("shortens evidence to one line", () => {
    expect(evidenceText(92)).toBe("92");
    expect(evidenceText(["a", "b"])).toBe("a, b");
    expect(evidenceText([{ rule: "vague" }, { rule: "x" }])).toBe(
      '2 entries, the first: {"rule":"vague"}',
    );
    expect(evidenceText({ decision: "regenerate" })).toBe('{"decision":"regenerate"}');
    expect(evidenceText("a\n  long text", 6)).toBe("a lon…");
    expect(truncate("short", 10)).toBe("short");
  });

  it("prices a run as reported, else as computed, else says it is unpriced", () => {
    const run = {
      agent: "llm",
      status: "succeeded" as const,
      summary: "",
      filesChanged: [],
      turns: 1,
      tokens: noAgentTokens,
      durationMs: 1,
      transcript: "t",
      injectedFaults: [],
    };
    expect(runCostText({ ...run, reportedCostMicroUsd: 1_500_000, computedCostMicroUsd: 9 })).toBe(
      "$1.50",
    );
    expect(runCostText({ ...run, computedCostMicroUsd: 20_000 })).toBe("$0.02");
    expect(runCostText(run)).toBe("unpriced");
  });
});
