import { describe, expect, it } from "vitest";
import { lineUpText } from "./line-up-text.js";

describe("lineUpText", () => {
  it("names each line-up pattern with its agents and injected faults", () => {
    expect(lineUpText({ pattern: "single", agent: { agent: "scaffold" } })).toBe("single scaffold");
    expect(
      lineUpText({
        pattern: "best-of",
        candidates: 3,
        agents: [
          { agent: "claude", model: "sonnet" },
          { agent: "scaffold", faults: { probability: 0.5, seed: 1 } },
        ],
      }),
    ).toBe("best-of 3 (claude/sonnet, scaffold with injected faults p=0.5)");
    expect(
      lineUpText({
        pattern: "fallback",
        agents: [{ agent: "llm" }, { agent: "scaffold" }],
        afterFailures: 2,
      }),
    ).toBe("fallback llm → scaffold after 2 failures");
  });
});
