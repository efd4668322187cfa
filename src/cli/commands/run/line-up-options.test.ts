import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { Config, defaultConfig } from "../../../contracts/index.js";
import { lineUpFromOptions, parseCandidates, parseFaultProbability } from "./line-up-options.js";

const defaultAgent = async () => "scaffold";
const withLineUp = Config.parse({
  line: {
    lineUp: { pattern: "fallback", agents: [{ agent: "llm" }, { agent: "scaffold" }] },
    seed: 9,
  },
});

describe("lineUpFromOptions", () => {
  it("leaves the line-up to the config when no option is given", async () => {
    expect(await lineUpFromOptions({}, withLineUp, defaultAgent)).toBeUndefined();
  });

  it("builds a single agent, or best-of-N from it", async () => {
    expect(await lineUpFromOptions({ agent: "codex" }, defaultConfig, defaultAgent)).toEqual({
      pattern: "single",
      agent: { agent: "codex" },
    });
    expect(
      await lineUpFromOptions({ agent: "codex", bestOf: 3 }, defaultConfig, defaultAgent),
    ).toEqual({ pattern: "best-of", candidates: 3, agents: [{ agent: "codex" }] });
  });

  it("runs best-of-N with the config's agents, else the default agent", async () => {
    expect(await lineUpFromOptions({ bestOf: 2 }, withLineUp, defaultAgent)).toEqual({
      pattern: "best-of",
      candidates: 2,
      agents: [{ agent: "llm" }, { agent: "scaffold" }],
    });
    expect(await lineUpFromOptions({ bestOf: 2 }, defaultConfig, defaultAgent)).toEqual({
      pattern: "best-of",
      candidates: 2,
      agents: [{ agent: "scaffold" }],
    });
  });

  it("wraps the agents in fault injection seeded with the line's seed", async () => {
    expect(await lineUpFromOptions({ faults: 0.5 }, withLineUp, defaultAgent)).toEqual({
      pattern: "fallback",
      afterFailures: 1,
      agents: [
        { agent: "llm", faults: { probability: 0.5, seed: 9 } },
        { agent: "scaffold", faults: { probability: 0.5, seed: 9 } },
      ],
    });
    expect(await lineUpFromOptions({ faults: 1 }, defaultConfig, defaultAgent)).toEqual({
      pattern: "single",
      agent: { agent: "scaffold", faults: { probability: 1, seed: 1 } },
    });
  });

  it("refuses an agent that does not exist, naming the ones that do", async () => {
    await expect(
      lineUpFromOptions({ agent: "cursor" }, defaultConfig, defaultAgent),
    ).rejects.toThrow(/there is no agent "cursor"; the agents are .*scaffold/);
  });
});

describe("option parsers", () => {
  it("accept 1 to 16 candidates and a probability in (0, 1]", () => {
    expect(parseCandidates("16")).toBe(16);
    expect(parseFaultProbability("1")).toBe(1);
    for (const bad of ["0", "17", "2.5", ""]) {
      expect(() => parseCandidates(bad), bad).toThrow(InvalidArgumentError);
    }
    for (const bad of ["0", "1.5", "x", ""]) {
      expect(() => parseFaultProbability(bad), bad).toThrow(InvalidArgumentError);
    }
  });
});
