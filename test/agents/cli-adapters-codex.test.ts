import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCodexAgent } from "../../src/agents/cli/codex-agent.js";
import { AgentRun } from "../../src/contracts/agent-run.js";
import { noLimits, sampleTask, useAdapterHarness } from "../fixtures/agents/adapter-harness.js";

const harness = useAdapterHarness();

const signal = new AbortController().signal;

function codex(mode = "success", model: string | null = "gpt-4.1") {
  return createCodexAgent({
    environment: harness().environment(mode),
    now: harness().clock().now,
    model: model ?? undefined,
  });
}

describe("the codex adapter", { timeout: 20_000 }, () => {
  it("runs codex exec --json in a workspace-write sandbox with the model, the prompt last", async () => {
    await codex().run(sampleTask(), harness().workspace, noLimits, signal);
    const { argv, cwd } = harness().call();
    expect(cwd).toBe(harness().workspace.path);
    expect(argv.slice(0, -1)).toEqual([
      "exec",
      "--json",
      "--sandbox",
      "workspace-write",
      "--skip-git-repo-check",
      "--model",
      "gpt-4.1",
    ]);
    expect(argv.at(-1)).toContain("# Work item todo-api, attempt 1");
  });

  it("reads turn.completed usage and the last agent message, and prices the tokens itself", async () => {
    const run = await codex().run(sampleTask(), harness().workspace, noLimits, signal);
    expect(AgentRun.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      agent: "codex",
      model: "gpt-4.1",
      status: "succeeded",
      summary: "Added server.py with the service.",
      filesChanged: ["server.py"],
      turns: 1,
      tokens: {
        inputTokens: 24763,
        cachedInputTokens: 24448,
        outputTokens: 122,
        reasoningTokens: 0,
      },
      durationMs: 3500,
    });
    expect(run.reportedCostMicroUsd).toBeUndefined();
    // 315 × $2 + 24448 × $0.50 + 122 × $8 per million tokens.
    expect(run.computedCostMicroUsd).toBe(13830);
    expect(run.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it("leaves our cost out when no model is known", async () => {
    const run = await codex("success", null).run(
      sampleTask(),
      harness().workspace,
      noLimits,
      signal,
    );
    expect(run.computedCostMicroUsd).toBeUndefined();
    expect(run.model).toBeUndefined();
  });

  it("fails with turn.failed's message, keeping what it changed", async () => {
    const run = await codex("error").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run.status).toBe("failed");
    expect(run.summary).toBe(
      "codex failed: exceeded retry limit, last status: 429 Too Many Requests",
    );
    expect(run.filesChanged).toEqual(["server.py"]);
  });

  it("fails with the error event's message on a non-zero exit", async () => {
    const run = await codex("exit").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run.status).toBe("failed");
    expect(run.summary).toContain("exited with code 1");
    expect(run.summary).toContain("401 Unauthorized");
  });

  it("keeps going past malformed lines, and keeps them in the transcript", async () => {
    const run = await codex("malformed").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run.status).toBe("succeeded");
    expect(readFileSync(run.transcript, "utf8")).toContain("thinking…");
  });

  it("stops it, as failed, when it passes the turn limit (codex has no flag for it)", async () => {
    const run = await codex().run(
      sampleTask(),
      harness().workspace,
      { wallClockMs: 20_000, maxTurns: 0 },
      signal,
    );
    expect(run.status).toBe("failed");
    expect(run.summary).toBe("codex was stopped: it passed the limit of 0 turns");
  });
});
