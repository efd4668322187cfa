import { describe, expect, it } from "vitest";
import { createOpencodeAgent } from "../../src/agents/cli/opencode-agent.js";
import { AgentRun } from "../../src/contracts/agent-run.js";
import { noLimits, sampleTask, useAdapterHarness } from "../fixtures/agents/adapter-harness.js";

const harness = useAdapterHarness();

const signal = new AbortController().signal;

function opencode(mode = "success", model: string | undefined = "anthropic/claude-sonnet-4-5") {
  return createOpencodeAgent({
    environment: harness().environment(mode),
    now: harness().clock().now,
    model,
  });
}

describe("the opencode adapter", { timeout: 20_000 }, () => {
  it("runs opencode run --format json with provider/model", async () => {
    await opencode().run(sampleTask(), harness().workspace, noLimits, signal);
    const { argv } = harness().call();
    expect(argv.slice(0, -1)).toEqual([
      "run",
      "--format",
      "json",
      "--model",
      "anthropic/claude-sonnet-4-5",
    ]);
    expect(argv.at(-1)).toContain("A service that keeps todos.");
  });

  it("sums the step_finish parts' cost and tokens, one turn per step", async () => {
    const run = await opencode().run(sampleTask(), harness().workspace, noLimits, signal);
    expect(AgentRun.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      agent: "opencode",
      model: "anthropic/claude-sonnet-4-5",
      status: "succeeded",
      summary: "Wrote index.ts.",
      filesChanged: ["index.ts"],
      turns: 2,
      // Input 1200 + 400, cache reads 800 + 2000 and writes 100; output 300 + 60 and reasoning 50.
      tokens: {
        inputTokens: 4500,
        cachedInputTokens: 2800,
        outputTokens: 410,
        reasoningTokens: 50,
      },
      reportedCostMicroUsd: 4300,
    });
    // 1700 × $3 + 2800 × $0.30 + 410 × $15 per million tokens.
    expect(run.computedCostMicroUsd).toBe(12090);
  });

  it("fails with the error event's message", async () => {
    const run = await opencode("error").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run).toMatchObject({
      status: "failed",
      summary: "opencode failed: No API key for anthropic",
      filesChanged: [],
    });
  });

  it("stops it as over-budget once the cost it reports passes the budget", async () => {
    const run = await opencode().run(
      sampleTask(),
      harness().workspace,
      { wallClockMs: 20_000, maxCostUsd: 0.003 },
      signal,
    );
    expect(run.status).toBe("over-budget");
    expect(run.summary).toBe("opencode was stopped: it passed the budget of $0.003");
    // What it printed before the stop took effect is counted: it was spent.
    expect(run.reportedCostMicroUsd).toBeGreaterThanOrEqual(3100);
  });

  it("keeps going past malformed lines", async () => {
    const run = await opencode("malformed").run(
      sampleTask(),
      harness().workspace,
      noLimits,
      signal,
    );
    expect(run).toMatchObject({ status: "succeeded", turns: 2 });
  });
});
