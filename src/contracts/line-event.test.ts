import { describe, expect, it } from "vitest";
import { lineEventTypes, parseLineEventPayload } from "./line-event.js";
import { LineUp } from "./work-item.js";

describe("the line's event registry", () => {
  it("names every event noun first, then verb", () => {
    for (const type of lineEventTypes) expect(type).toMatch(/^[a-z-]+\.[a-z]+$/);
  });

  it("checks a payload against its definition", () => {
    const payload = { from: "gate", to: "build", reason: "regenerate", attempt: 2 };
    expect(parseLineEventPayload("work-item.transition", payload)).toEqual(payload);
    expect(() =>
      parseLineEventPayload("work-item.transition", { ...payload, to: "deployed" }),
    ).toThrow();
  });
});

describe("a line-up", () => {
  it("reads the three patterns and fills in defaults", () => {
    expect(LineUp.parse({ pattern: "single", agent: { agent: "scaffold" } })).toEqual({
      pattern: "single",
      agent: { agent: "scaffold" },
    });
    expect(
      LineUp.parse({
        pattern: "fallback",
        agents: [{ agent: "llm", model: "coder" }, { agent: "scaffold" }],
      }),
    ).toMatchObject({ afterFailures: 1 });
    const faulty = LineUp.parse({
      pattern: "best-of",
      candidates: 3,
      agents: [{ agent: "scaffold" }, { agent: "scaffold", faults: { probability: 1 } }],
    });
    expect(faulty.pattern === "best-of" && faulty.agents[1]?.faults?.seed).toBe(1);
  });

  it("refuses a best-of with fewer than two candidates", () => {
    expect(() =>
      LineUp.parse({ pattern: "best-of", candidates: 1, agents: [{ agent: "scaffold" }] }),
    ).toThrow();
  });
});
