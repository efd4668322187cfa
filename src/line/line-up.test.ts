import { describe, expect, it } from "vitest";
import { LineUp } from "../contracts/work-item.js";
import { agentFor, attemptAgents, candidateCount, singleAgentLineUp } from "./line-up.js";

const claude = { agent: "claude" };
const codex = { agent: "codex", model: "gpt-5" };
const scaffold = { agent: "scaffold" };

describe("line-ups", () => {
  it("builds one candidate with the single agent, on every attempt", () => {
    const lineUp = LineUp.parse({ pattern: "single", agent: claude });
    expect(candidateCount(lineUp)).toBe(1);
    expect(agentFor(lineUp, 1, 1)).toEqual(claude);
    expect(agentFor(lineUp, 5, 1)).toEqual(claude);
  });

  it("builds N candidates for best-of-N, cycling through the agents", () => {
    const lineUp = LineUp.parse({ pattern: "best-of", candidates: 3, agents: [claude, codex] });
    expect(candidateCount(lineUp)).toBe(3);
    expect(attemptAgents(lineUp, 2).map((each) => each.agent.agent)).toEqual([
      "claude",
      "codex",
      "claude",
    ]);
    expect(() => agentFor(lineUp, 1, 4)).toThrow(/beyond the 3 candidate/);
  });

  it("moves down a fallback chain after K failed attempts and stays on the last agent", () => {
    const lineUp = LineUp.parse({
      pattern: "fallback",
      agents: [claude, codex, scaffold],
      afterFailures: 2,
    });
    const agents = [1, 2, 3, 4, 5, 6, 7].map((attempt) => agentFor(lineUp, attempt, 1).agent);
    expect(agents).toEqual([
      "claude",
      "claude",
      "codex",
      "codex",
      "scaffold",
      "scaffold",
      "scaffold",
    ]);
    expect(candidateCount(lineUp)).toBe(1);
  });

  it("falls back after one failure by default", () => {
    const lineUp = LineUp.parse({ pattern: "fallback", agents: [claude, codex] });
    expect(agentFor(lineUp, 1, 1).agent).toBe("claude");
    expect(agentFor(lineUp, 2, 1).agent).toBe("codex");
  });

  it("refuses attempts and candidates below 1", () => {
    const lineUp = singleAgentLineUp("scaffold");
    expect(() => agentFor(lineUp, 0, 1)).toThrow(/attempt must be a whole number/);
    expect(() => agentFor(lineUp, 1, 0)).toThrow(/candidate must be a whole number/);
    expect(lineUp).toEqual({ pattern: "single", agent: { agent: "scaffold" } });
  });
});
