import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCommandAgent } from "../../src/agents/cli/command-agent.js";
import { AgentRun } from "../../src/contracts/agent-run.js";
import {
  type AdapterHarness,
  createAdapterHarness,
  noLimits,
  sampleTask,
} from "../fixtures/agents/adapter-harness.js";
import { createFakePath, type FakePath } from "../fixtures/agents/fake-path.js";

let harness: AdapterHarness;
let project: FakePath;
beforeEach(async () => {
  harness = await createAdapterHarness();
  project = createFakePath({ "my-agent": "fake-command.mjs" });
});
afterEach(() => {
  project.remove();
  harness.remove();
});

const signal = new AbortController().signal;

function command(mode = "success") {
  return createCommandAgent({
    run: ["./my-agent", "--flag"],
    projectFolder: project.folder,
    environment: harness.environment(mode),
    now: harness.clock().now,
  });
}

describe("the command adapter", { timeout: 20_000 }, () => {
  it("runs the configured program relative to the project, with the task on stdin and in a file", async () => {
    await command().run(sampleTask({ attempt: 2 }), harness.workspace, noLimits, signal);
    const call = harness.call();
    expect(call.argv).toEqual(["--flag"]);
    expect(call.cwd).toBe(harness.workspace.path);
    const task = JSON.parse(call.stdin ?? "{}");
    expect(task).toMatchObject({
      workItem: "todo-api",
      attempt: 2,
      specText: "# Todo API\n\nA service that keeps todos.\n",
      instructions: "Build the service described by the spec in this folder.",
      limits: noLimits,
      workspace: harness.workspace,
    });
    expect(task.prompt).toContain("attempt 2");
    expect(call.env.SHOPFLOOR_WORKSPACE).toBe(harness.workspace.path);
    expect(call.env.SHOPFLOOR_ARTIFACTS).toBe(harness.workspace.artifactsFolder);
    expect(readFileSync(call.env.SHOPFLOOR_TASK_FILE ?? "", "utf8")).toBe(call.stdin);
  });

  it("reads the summary, tokens, cost, turns and model from its last line", async () => {
    const run = await command().run(sampleTask(), harness.workspace, noLimits, signal);
    expect(AgentRun.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      agent: "command",
      model: "gpt-4.1",
      status: "succeeded",
      summary: "built todo-api",
      filesChanged: ["BUILD.md"],
      turns: 3,
      tokens: { inputTokens: 1000, cachedInputTokens: 200, outputTokens: 300, reasoningTokens: 0 },
      reportedCostMicroUsd: 4200,
      // 800 × $2 + 200 × $0.50 + 300 × $8 per million tokens.
      computedCostMicroUsd: 4100,
      durationMs: 3500,
    });
  });

  it("succeeds without a final line, knowing nothing of what it spent", async () => {
    const run = await command("quiet").run(sampleTask(), harness.workspace, noLimits, signal);
    expect(run).toMatchObject({ status: "succeeded", summary: "the command finished", turns: 0 });
    expect(run.reportedCostMicroUsd).toBeUndefined();
    expect(run.computedCostMicroUsd).toBeUndefined();
  });

  it("fails on a non-zero exit, with what it said", async () => {
    const run = await command("exit").run(sampleTask(), harness.workspace, noLimits, signal);
    expect(run.status).toBe("failed");
    expect(run.summary).toBe("the command exited with code 2; it said: could not finish the build");
    expect(run.filesChanged).toEqual(["BUILD.md"]);
  });

  it("names the config key when the program is missing", async () => {
    const agent = createCommandAgent({
      run: ["./missing-agent"],
      projectFolder: project.folder,
      environment: harness.environment(),
      now: () => 0,
    });
    await expect(
      agent.run(sampleTask(), harness.workspace, noLimits, signal),
    ).rejects.toMatchObject({
      code: "invalid-config",
      message: expect.stringContaining("agents.command.run"),
    });
  });
});
