import { describe, expect, it } from "vitest";
import { LineUp } from "../../../../src/contracts/work-item.js";
import {
  draftOf,
  lineUpOf,
  withAddedAgent,
  withAgent,
  withoutAgent,
  withPattern,
} from "./line-up-draft.js";

const bestOf = LineUp.parse({
  pattern: "best-of",
  candidates: 3,
  agents: [{ agent: "claude", model: "sonnet" }, { agent: "codex" }],
});

describe("the line-up editor's draft", () => {
  it("gives back the configured line-up unchanged, and null for the default agent alone", () => {
    for (const lineUp of [
      bestOf,
      LineUp.parse({ pattern: "single", agent: { agent: "claude", model: "opus" } }),
      LineUp.parse({ pattern: "fallback", agents: [{ agent: "llm" }, { agent: "scaffold" }] }),
    ]) {
      expect(lineUpOf(draftOf(lineUp, true, "scaffold"))).toEqual({ lineUp });
    }
    const none = draftOf({ pattern: "single", agent: { agent: "scaffold" } }, false, "scaffold");
    expect(none.pattern).toBe("default");
    expect(lineUpOf(none)).toEqual({ lineUp: null });
  });

  it("changes pattern keeping the agents, filling a fallback chain with another agent that can run", () => {
    const single = draftOf(bestOf, false, "scaffold");
    const chain = withPattern(single, "fallback", ["scaffold", "claude"]);
    expect(lineUpOf(chain)).toEqual({
      lineUp: {
        pattern: "fallback",
        agents: [{ agent: "scaffold" }, { agent: "claude" }],
        afterFailures: 1,
      },
    });
    const many = withPattern(draftOf(bestOf, true, "scaffold"), "single", ["scaffold"]);
    expect(lineUpOf(many)).toEqual({
      lineUp: { pattern: "single", agent: { agent: "claude", model: "sonnet" } },
    });
  });

  it("keeps an agent's model when it stays, and drops it when the agent changes", () => {
    const draft = draftOf(bestOf, true, "scaffold");
    expect(withAgent(draft, 0, "claude").agents[0]).toEqual({ agent: "claude", model: "sonnet" });
    expect(withAgent(draft, 0, "scaffold").agents).toEqual([
      { agent: "scaffold" },
      { agent: "codex" },
    ]);
    expect(withoutAgent(draft, 0).agents).toEqual([{ agent: "codex" }]);
  });

  it("adds the first agent that can run and is not in the line-up yet, else the first that can run", () => {
    const draft = draftOf(bestOf, true, "scaffold");
    expect(withAddedAgent(draft, ["claude", "scaffold"]).agents.at(-1)).toEqual({
      agent: "scaffold",
    });
    expect(withAddedAgent(draft, ["claude"]).agents.at(-1)).toEqual({ agent: "claude" });
  });

  it("says what to fix instead of giving a line-up the server would refuse", () => {
    const draft = draftOf(bestOf, true, "scaffold");
    for (const candidates of ["1", "17", "three", ""]) {
      expect(lineUpOf({ ...draft, candidates }).problem).toContain("2 to 16");
    }
    const chain = withPattern(draft, "fallback", []);
    expect(lineUpOf({ ...chain, afterFailures: "0" }).problem).toContain("1 or more");
    expect(lineUpOf(withoutAgent(chain, 1)).problem).toContain("two agents");
    expect(lineUpOf({ ...draft, agents: [] }).problem).toContain("at least one");
  });
});
