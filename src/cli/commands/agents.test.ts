import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakePath, type FakePath } from "../../../test/fixtures/agents/fake-path.js";
import { runInMemory } from "../../../test/support/memory-io.js";

let fakePath: FakePath;
beforeAll(() => {
  // claude and codex are installed here; opencode, gemini and aider are not.
  fakePath = createFakePath({ claude: "fake-claude.mjs", codex: "fake-codex.mjs" });
});
afterAll(() => fakePath.remove());

const config = [
  "models:",
  "  default: { provider: openai, model: gpt-4.1 }",
  "agents:",
  "  codex: { model: gpt-5-codex }",
  "  gemini: { binary: /opt/gemini/bin/gemini }",
].join("\n");

function list(argv: string[], files: Record<string, string> = {}, environment = {}) {
  return runInMemory(["agents", "list", ...argv], files, "", "/project", {
    PATH: fakePath.path,
    ...environment,
  });
}

describe("shopfloor agents list", () => {
  it("says which agents can run here, with what, and what the others need", async () => {
    const result = await list(
      [],
      { "/project/shopfloor.config.yaml": config },
      { OPENAI_API_KEY: "sk-test" },
    );
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^agent\s+available\s+detail$/);
    const row = (name: string) => lines.find((line) => line.startsWith(`${name} `)) ?? "";
    expect(row("llm")).toMatch(/^llm\s+yes\s+openai\/gpt-4\.1 \(models\.default\)$/);
    expect(row("scaffold")).toMatch(/^scaffold\s+yes\s+offline/);
    expect(row("claude")).toContain(`yes        ${fakePath.folder}/claude (claude 1.0.0 (fake))`);
    expect(row("codex")).toContain(
      `${fakePath.folder}/codex (codex 1.0.0 (fake)), model gpt-5-codex`,
    );
    expect(row("opencode")).toMatch(/no\s+opencode not found on PATH: npm install -g opencode-ai$/);
    expect(row("gemini")).toMatch(
      /no\s+\/opt\/gemini\/bin\/gemini not found: npm install -g @google\/gemini-cli$/,
    );
    expect(row("aider")).toMatch(
      /no\s+aider not found on PATH: python -m pip install aider-install/,
    );
    expect(row("command")).toMatch(/no\s+not configured: set agents\.command\.run/);
    expect(result.stdout).toContain("Without an agent named for a station, llm builds.");
  });

  it("prints JSON, and says what the llm agent lacks", async () => {
    const result = await list(["--json", "--config", "settings/shopfloor.yaml"], {
      "settings/shopfloor.yaml": config,
    });
    const agents = JSON.parse(result.stdout) as {
      name: string;
      available: boolean;
      detail: string;
    }[];
    expect(agents.map((agent) => agent.name)).toEqual([
      "llm",
      "scaffold",
      "claude",
      "codex",
      "opencode",
      "gemini",
      "aider",
      "command",
    ]);
    expect(agents[0]).toEqual({
      name: "llm",
      available: false,
      detail: "openai/gpt-4.1: OPENAI_API_KEY is not set",
    });
  });

  it("finds the command agent's program relative to the config's folder", async () => {
    const commandConfig = "agents:\n  command: { run: [./claude, --flag] }\n";
    const beside = await list(["--json", "--config", `${fakePath.folder}/shopfloor.yaml`], {
      [`${fakePath.folder}/shopfloor.yaml`]: commandConfig,
    });
    const command = (rows: string) => (JSON.parse(rows) as { name: string }[]).at(-1);
    expect(command(beside.stdout)).toEqual({
      name: "command",
      available: true,
      detail: `${fakePath.folder}/claude`,
    });
    const elsewhere = await list(["--json"], { "/project/shopfloor.config.yaml": commandConfig });
    expect(command(elsewhere.stdout)).toEqual({
      name: "command",
      available: false,
      detail: "/project/claude not found: check agents.command.run in the config (./claude --flag)",
    });
  });

  it("says no model is configured when there is none", async () => {
    const result = await list(["--json"]);
    const agents = JSON.parse(result.stdout) as { name: string; detail: string }[];
    expect(agents[0]?.detail).toBe(
      "no model configured: set models.build (or models.default) in the config",
    );
  });
});
