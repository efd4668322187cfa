import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createClaudeAgent } from "../../src/agents/cli/claude-agent.js";
import { AgentRun } from "../../src/contracts/agent-run.js";
import {
  createAdapterHarness,
  noLimits,
  sampleTask,
  useAdapterHarness,
} from "../fixtures/agents/adapter-harness.js";

const harness = useAdapterHarness();

function claude(mode = "success", model?: string) {
  return createClaudeAgent({
    environment: harness().environment(mode),
    now: harness().clock().now,
    model,
    extraArgs: ["--append-system-prompt", "Be brief."],
  });
}

const signal = new AbortController().signal;

describe("the claude adapter", { timeout: 20_000 }, () => {
  it("runs claude -p with stream-json, the model and the limits, in the worktree", async () => {
    await claude("success", "claude-sonnet-4-5").run(
      sampleTask(),
      harness().workspace,
      { wallClockMs: 20_000, maxTurns: 30, maxCostUsd: 2.5 },
      signal,
    );
    const call = harness().call();
    expect(call.cwd).toBe(harness().workspace.path);
    expect(call.argv[0]).toBe("-p");
    expect(call.argv[1]).toContain("A service that keeps todos.");
    expect(call.argv.slice(2)).toEqual([
      "--output-format",
      "stream-json",
      "--verbose",
      "--permission-mode",
      "acceptEdits",
      "--model",
      "claude-sonnet-4-5",
      "--max-turns",
      "30",
      "--max-budget-usd",
      "2.5",
      "--append-system-prompt",
      "Be brief.",
    ]);
    expect(call.env.GIT_DIR).toBeUndefined();
  });

  it("reads the result event: turns, tokens, its cost and ours, and commits what it wrote", async () => {
    const run = await claude().run(sampleTask(), harness().workspace, noLimits, signal);
    expect(AgentRun.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      agent: "claude",
      model: "claude-sonnet-4-5-20250929",
      status: "succeeded",
      summary: "I wrote the service in src/server.js.",
      filesChanged: ["src/server.js"],
      turns: 2,
      // Anthropic counts cache reads (1500) and writes (1700) apart from input (10).
      tokens: { inputTokens: 3210, cachedInputTokens: 1500, outputTokens: 200, reasoningTokens: 0 },
      reportedCostMicroUsd: 12346,
      // 1710 × $3 + 1500 × $0.30 + 200 × $15 per million tokens.
      computedCostMicroUsd: 8580,
      durationMs: 3500,
    });
    expect(harness().repository.git(["rev-parse", harness().workspace.branch]).trim()).toBe(
      run.commit,
    );
    const transcript = readFileSync(run.transcript, "utf8").trim().split("\n");
    expect(transcript).toHaveLength(5);
    expect(JSON.parse(transcript[4] ?? "{}")).toMatchObject({ type: "result", subtype: "success" });
    expect(run.transcript.startsWith(harness().workspace.artifactsFolder)).toBe(true);
  });

  it("gives the feedback of the previous attempt in the prompt", async () => {
    const feedback = {
      decision: "regenerate" as const,
      reason: "edge cases fail",
      categories: [],
      errorClusters: [],
      examples: [{ title: "Deleting a missing todo", error: "status 500, expected 404" }],
    };
    await claude().run(sampleTask({ attempt: 2, feedback }), harness().workspace, noLimits, signal);
    const prompt = harness().call().argv[1] ?? "";
    expect(prompt).toContain("attempt 2");
    expect(prompt).toContain('"Deleting a missing todo": status 500, expected 404');
  });

  it("fails with the subtype when the result is an error, keeping what it spent", async () => {
    const run = await claude("error").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run).toMatchObject({ status: "failed", reportedCostMicroUsd: 12346, turns: 2 });
    expect(run.summary).toContain("error_during_execution");
    expect(run.filesChanged).toEqual(["src/server.js"]);
  });

  it("says the turn limit was reached, and reports the budget as over-budget", async () => {
    const turns = await claude("max-turns").run(
      sampleTask(),
      harness().workspace,
      noLimits,
      signal,
    );
    expect(turns).toMatchObject({ status: "failed" });
    expect(turns.summary).toContain("turn limit");
    const other = await createAdapterHarness("r2");
    try {
      const budget = await createClaudeAgent({
        environment: other.environment("budget"),
        now: other.clock().now,
      }).run(sampleTask(), other.workspace, noLimits, signal);
      expect(budget.status).toBe("over-budget");
    } finally {
      other.remove();
    }
  });

  it("fails with stderr's words when it exits without a result", async () => {
    const run = await claude("exit").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run.status).toBe("failed");
    expect(run.summary).toContain("exited with code 1");
    expect(run.summary).toContain("authentication_error");
    expect(run.commit).toBeUndefined();
    expect(run.filesChanged).toEqual([]);
    expect(AgentRun.parse(run)).toEqual(run);
  });

  it("keeps going past malformed lines", async () => {
    const run = await claude("malformed").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run).toMatchObject({
      status: "succeeded",
      summary: "Done despite the noise.",
      turns: 2,
    });
    expect(readFileSync(run.transcript, "utf8")).toContain("not json at all");
  });

  it("says how to install claude when it is missing", async () => {
    const agent = createClaudeAgent({ environment: { PATH: "/nowhere" }, now: () => 0 });
    await expect(agent.run(sampleTask(), harness().workspace, noLimits, signal)).rejects.toThrow(
      "claude is not installed (not found on PATH): npm install -g @anthropic-ai/claude-code",
    );
  });
});
