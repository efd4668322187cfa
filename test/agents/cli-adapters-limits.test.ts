/** Every CLI adapter honours the wall-clock limit and the caller's signal, killing its whole group. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Agent } from "../../src/agents/agent.js";
import { createAiderAgent } from "../../src/agents/cli/aider-agent.js";
import { createClaudeAgent } from "../../src/agents/cli/claude-agent.js";
import type { CliAgentOptions } from "../../src/agents/cli/cli-agent.js";
import { createCodexAgent } from "../../src/agents/cli/codex-agent.js";
import { createCommandAgent } from "../../src/agents/cli/command-agent.js";
import { createGeminiAgent } from "../../src/agents/cli/gemini-agent.js";
import { createOpencodeAgent } from "../../src/agents/cli/opencode-agent.js";
import { AgentRun } from "../../src/contracts/agent-run.js";
import {
  type AdapterHarness,
  createAdapterHarness,
  sampleTask,
} from "../fixtures/agents/adapter-harness.js";
import {
  eventually,
  fixturesFolder,
  groupMembers,
  isRunning,
} from "../fixtures/agents/fake-path.js";

const adapters: Record<string, (options: CliAgentOptions) => Agent> = {
  claude: createClaudeAgent,
  codex: createCodexAgent,
  opencode: createOpencodeAgent,
  gemini: createGeminiAgent,
  aider: createAiderAgent,
  command: (options) =>
    createCommandAgent({
      ...options,
      run: [process.execPath, `${fixturesFolder}fake-command.mjs`],
      projectFolder: "/",
    }),
};

let harness: AdapterHarness;
beforeEach(async () => {
  harness = await createAdapterHarness();
});
afterEach(() => harness.remove());

// Real processes against a real clock: generous time for a loaded machine.
describe.each(Object.keys(adapters))("the %s adapter's limits", { timeout: 20_000 }, (name) => {
  const create = (options: CliAgentOptions) =>
    (adapters[name] as (options: CliAgentOptions) => Agent)(options);

  it("is stopped at the wall-clock limit, its processes killed, and keeps what it wrote", async () => {
    const agent = create({
      environment: harness.environment("hang"),
      now: harness.clock().now,
      killGraceMs: 500,
    });
    const run = await agent.run(
      sampleTask(),
      harness.workspace,
      { wallClockMs: 2500 },
      new AbortController().signal,
    );
    expect(AgentRun.parse(run)).toEqual(run);
    expect(run.status).toBe("timed-out");
    expect(run.summary).toBe(`${name} was stopped at the wall-clock limit of 2.5 s`);
    expect(run.filesChanged.length).toBe(1);
    const child = harness.childPid();
    expect(child).toBeGreaterThan(0);
    expect(await eventually(() => !isRunning(child))).toBe(true);
  });

  it("is cancelled by the signal, its process group gone", async () => {
    const controller = new AbortController();
    const agent = create({
      environment: harness.environment("hang"),
      now: harness.clock().now,
      killGraceMs: 500,
    });
    const running = agent.run(
      sampleTask(),
      harness.workspace,
      { wallClockMs: 20_000 },
      controller.signal,
    );
    expect(await eventually(() => harness.childPid() > 0, 10_000)).toBe(true);
    controller.abort();
    const run = await running;
    expect(run.status).toBe("cancelled");
    expect(AgentRun.parse(run)).toEqual(run);
    const child = harness.childPid();
    expect(await eventually(() => !isRunning(child))).toBe(true);
    expect(groupMembers(child)).toEqual([]);
  });
});
