import { describe, expect, it } from "vitest";
import type { AgentIo } from "../agents/agent-registry.js";
import { Config } from "../contracts/config.js";
import { ShopfloorError } from "../contracts/errors.js";
import { NoSandbox } from "../runners/sandbox/no-sandbox.js";
import { agentFactory, configForAgent, defaultLineUp } from "./agent-factory.js";

const io: AgentIo = {
  environment: { PATH: "/nonexistent" },
  projectFolder: "/tmp",
  now: () => 0,
  sandbox: new NoSandbox(),
};

describe("the agent factory", () => {
  it("creates the registry's agent, wrapped in fault injection only on the listed attempts", async () => {
    const create = agentFactory(Config.parse({}), io);
    const faults = { probability: 1, seed: 3, attempts: [1], kinds: ["drop-validation"] };
    expect((await create({ agent: "scaffold" }, 1)).name).toBe("scaffold");
    expect((await create({ agent: "scaffold", faults }, 1)).name).toBe("scaffold+faults");
    expect((await create({ agent: "scaffold", faults }, 2)).name).toBe("scaffold");
    const everyAttempt = { probability: 0.5, seed: 1 };
    expect((await create({ agent: "scaffold", faults: everyAttempt }, 7)).name).toBe(
      "scaffold+faults",
    );
  });

  it("says which agents there are when the line-up names an unknown one", async () => {
    const create = agentFactory(Config.parse({}), io);
    const error = await create({ agent: "copilot" }, 1).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ShopfloorError);
    expect((error as ShopfloorError).code).toBe("invalid-config");
    expect((error as Error).message).toMatch(/copilot.*scaffold/);
  });

  it("refuses unknown fault kinds as a config error that lists the kinds", async () => {
    const create = agentFactory(Config.parse({}), io);
    const faults = { probability: 1, seed: 1, kinds: ["segfault"] };
    const error = await create({ agent: "scaffold", faults }, 1).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ShopfloorError);
    expect((error as ShopfloorError).code).toBe("invalid-config");
    expect((error as Error).message).toBe(
      "unknown fault kind(s) segfault in the line-up; the kinds are drop-validation, " +
        "flip-comparison, break-error-path, off-by-one, production-regression (default: " +
        "drop-validation, flip-comparison, break-error-path, off-by-one)",
    );
  });

  it("accepts production-regression when the line-up names it", async () => {
    const create = agentFactory(Config.parse({}), io);
    const faults = { probability: 1, seed: 1, kinds: ["production-regression"] };
    expect((await create({ agent: "scaffold", faults }, 1)).name).toBe("scaffold+faults");
  });

  it("applies the line-up's model: a role for the llm agent, a name for a coding CLI", () => {
    const config = Config.parse({
      models: {
        default: { provider: "openai", model: "gpt-4.1-mini" },
        strong: { provider: "anthropic", model: "claude-sonnet-4-5" },
      },
      agents: { claude: { binary: "/opt/claude" } },
    });
    expect(configForAgent(config, { agent: "llm", model: "strong" }).models.build).toEqual({
      provider: "anthropic",
      model: "claude-sonnet-4-5",
    });
    expect(configForAgent(config, { agent: "llm", model: "gpt-5" }).models.build).toEqual({
      provider: "openai",
      model: "gpt-5",
    });
    expect(configForAgent(config, { agent: "claude", model: "opus" }).agents.claude).toEqual({
      binary: "/opt/claude",
      model: "opus",
    });
    expect(configForAgent(config, { agent: "scaffold" })).toBe(config);
  });

  it("uses the config's line-up, else the default agent alone", async () => {
    const configured = Config.parse({
      line: { lineUp: { pattern: "single", agent: { agent: "codex" } } },
    });
    expect(await defaultLineUp(configured, io.environment, "/tmp")).toEqual({
      pattern: "single",
      agent: { agent: "codex" },
    });
    expect(await defaultLineUp(Config.parse({}), io.environment, "/tmp")).toEqual({
      pattern: "single",
      agent: { agent: "scaffold" },
    });
  });
});
