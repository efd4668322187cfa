import { describe, expect, it } from "vitest";
import { Config } from "../contracts/config.js";
import type { AgentAvailability } from "./agent.js";
import { defaultAgentName } from "./default-agent.js";

const availability = (available: Record<string, boolean>): AgentAvailability[] =>
  Object.entries(available).map(([name, isAvailable]) => ({
    name,
    available: isAvailable,
    detail: "",
  }));

describe("defaultAgentName", () => {
  it("is the scaffold agent on a fresh machine: no model, no CLI configured", () => {
    const fresh = availability({ llm: false, claude: true, scaffold: true });
    expect(defaultAgentName(Config.parse({}), fresh)).toBe("scaffold");
  });

  it("is a coding CLI the config sets up and this machine has", () => {
    const config = Config.parse({ agents: { codex: {}, claude: {} } });
    const here = availability({ llm: false, claude: false, codex: true, scaffold: true });
    expect(defaultAgentName(config, here)).toBe("codex");
  });

  it("is the llm agent when a model is configured", () => {
    const config = Config.parse({ agents: { codex: {} } });
    const here = availability({ llm: true, codex: true, scaffold: true });
    expect(defaultAgentName(config, here)).toBe("llm");
  });
});
