import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakePath, type FakePath } from "../../test/fixtures/agents/fake-path.js";
import { Config } from "../contracts/config.js";
import type { Sandbox } from "../runners/sandbox/sandbox.js";
import { type AgentIo, agentAdapter, agentAdapters, availableAgents } from "./agent-registry.js";

let fakePath: FakePath;
beforeAll(() => {
  fakePath = createFakePath({ "claude-beta": "fake-claude.mjs", aider: "fake-aider.mjs" });
});
afterAll(() => fakePath.remove());

const sandbox: Sandbox = {
  name: "none",
  isolating: false,
  prepare: () => Promise.reject(new Error("not used")),
};

function io(environment: Record<string, string> = {}): AgentIo {
  return {
    environment: { PATH: fakePath.path, ...environment },
    projectFolder: "/project",
    now: () => 0,
    sandbox,
  };
}

describe("agentAdapters", () => {
  it("lists every agent once, each with a description", () => {
    const names = agentAdapters.map((adapter) => adapter.name);
    expect(names).toEqual([
      "llm",
      "scaffold",
      "claude",
      "codex",
      "opencode",
      "gemini",
      "aider",
      "command",
    ]);
    for (const adapter of agentAdapters) expect(adapter.description).not.toBe("");
  });

  it("names the agents there are when asked for one that is not", () => {
    expect(() => agentAdapter("cursor")).toThrow(
      'there is no agent "cursor"; the agents are llm, scaffold, claude, codex, opencode, gemini, aider, command',
    );
  });

  it("creates each CLI agent from its config key, under its own name", async () => {
    const config = Config.parse({ agents: { claude: { binary: "claude-beta", model: "opus" } } });
    for (const name of ["claude", "codex", "opencode", "gemini", "aider"]) {
      const agent = await agentAdapter(name).create(config, io());
      expect(agent.name).toBe(name);
    }
  });

  it("creates the llm agent from the build model, and refuses without one", async () => {
    const withModel = Config.parse({ models: { build: { provider: "openai", model: "gpt-4.1" } } });
    const agent = await agentAdapter("llm").create(withModel, io({ OPENAI_API_KEY: "sk-test" }));
    expect(agent.name).toBe("llm");
    await expect(agentAdapter("llm").create(Config.parse({}), io())).rejects.toThrow(
      "the llm agent needs a model",
    );
  });

  it("creates the scaffold agent, and the command agent only when configured", async () => {
    expect((await agentAdapter("scaffold").create(Config.parse({}), io())).name).toBe("scaffold");
    await expect(agentAdapter("command").create(Config.parse({}), io())).rejects.toMatchObject({
      field: "agents.command.run",
    });
    const configured = Config.parse({ agents: { command: { run: ["./my-agent"] } } });
    expect((await agentAdapter("command").create(configured, io())).name).toBe("command");
  });
});

describe("availableAgents", () => {
  it("finds a CLI under the binary the config names, and says when the model's key is missing", async () => {
    const config = Config.parse({
      models: { default: { provider: "anthropic", model: "claude-sonnet-4-5" } },
      agents: { claude: { binary: "claude-beta" } },
    });
    const agents = await availableAgents(config, { PATH: fakePath.path }, { askVersion: false });
    const byName = Object.fromEntries(agents.map((agent) => [agent.name, agent]));
    expect(byName.claude).toEqual({
      name: "claude",
      available: true,
      detail: `${fakePath.folder}/claude-beta`,
    });
    expect(byName.aider?.available).toBe(true);
    expect(byName.codex).toEqual({
      name: "codex",
      available: false,
      detail: "codex not found on PATH: npm install -g @openai/codex",
    });
    expect(byName.llm).toEqual({
      name: "llm",
      available: false,
      detail: "anthropic/claude-sonnet-4-5: ANTHROPIC_API_KEY is not set",
    });
  });

  it("needs no key for a local OpenAI-compatible server, and asks each program its version", async () => {
    const config = Config.parse({
      models: {
        build: {
          provider: "openai-compatible",
          model: "qwen3",
          baseUrl: "http://127.0.0.1:11434/v1",
        },
      },
    });
    const agents = await availableAgents(config, { PATH: fakePath.path });
    expect(agents[0]).toEqual({
      name: "llm",
      available: true,
      detail: "openai-compatible/qwen3 (models.build)",
    });
    expect(agents.find((agent) => agent.name === "aider")?.detail).toBe(
      `${fakePath.folder}/aider (aider 1.0.0 (fake))`,
    );
  });
});
