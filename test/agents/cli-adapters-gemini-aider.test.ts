import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAiderAgent, parseTokensReport } from "../../src/agents/cli/aider-agent.js";
import { createGeminiAgent } from "../../src/agents/cli/gemini-agent.js";
import { AgentRun } from "../../src/contracts/agent-run.js";
import { noLimits, sampleTask, useAdapterHarness } from "../fixtures/agents/adapter-harness.js";

const harness = useAdapterHarness();

const signal = new AbortController().signal;

const geminiPrices = {
  "gemini-2.5-pro": {
    inputUsdPerMillion: 1,
    cachedInputUsdPerMillion: 0.1,
    outputUsdPerMillion: 10,
  },
  "gemini-2.5-flash": { inputUsdPerMillion: 0.3, outputUsdPerMillion: 2.5 },
};

function gemini(mode = "success") {
  return createGeminiAgent({
    environment: harness().environment(mode),
    now: harness().clock().now,
    model: "gemini-2.5-pro",
    prices: geminiPrices,
  });
}

describe("the gemini adapter", { timeout: 20_000 }, () => {
  it("runs gemini -p with JSON output, edits approved, and the model", async () => {
    await gemini().run(sampleTask(), harness().workspace, noLimits, signal);
    const { argv } = harness().call();
    expect(argv[0]).toBe("-p");
    expect(argv.slice(2)).toEqual([
      "--output-format",
      "json",
      "--approval-mode",
      "auto_edit",
      "--model",
      "gemini-2.5-pro",
    ]);
  });

  it("reads the response and the per-model stats, and prices each model on its own", async () => {
    const run = await gemini().run(sampleTask(), harness().workspace, noLimits, signal);
    expect(AgentRun.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      agent: "gemini",
      model: "gemini-2.5-pro",
      status: "succeeded",
      summary: "I created main.go.",
      filesChanged: ["main.go"],
      turns: 4,
      tokens: {
        inputTokens: 25939,
        cachedInputTokens: 21263,
        outputTokens: 274,
        reasoningTokens: 154,
      },
    });
    // pro: 3676 × $1 + 21263 × $0.10 + 174 × $10 = 7542; flash: 1000 × $0.30 + 100 × $2.50 = 550.
    expect(run.computedCostMicroUsd).toBe(8092);
    expect(run.reportedCostMicroUsd).toBeUndefined();
  });

  it("reads its JSON after other output", async () => {
    const run = await gemini("malformed").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run).toMatchObject({ status: "succeeded", turns: 4 });
  });

  it("fails with the error object's message", async () => {
    const run = await gemini("error").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run).toMatchObject({
      status: "failed",
      summary: "gemini failed: Reached max session turns",
    });
  });

  it("fails with stderr on a non-zero exit without output", async () => {
    const run = await gemini("exit").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run.status).toBe("failed");
    expect(run.summary).toBe(
      "gemini exited with code 41: Please set an Auth method in your settings.json",
    );
  });
});

function aider(mode = "success") {
  return createAiderAgent({ environment: harness().environment(mode), now: harness().clock().now });
}

describe("the aider adapter", { timeout: 20_000 }, () => {
  it("runs aider in message mode, without its own commits, history kept out of the worktree", async () => {
    const agent = createAiderAgent({
      environment: harness().environment(),
      now: harness().clock().now,
      model: "sonnet",
    });
    await agent.run(sampleTask(), harness().workspace, noLimits, signal);
    const { argv } = harness().call();
    const artifacts = harness().workspace.artifactsFolder;
    expect(argv[0]).toBe("--message");
    expect(argv.slice(2)).toEqual([
      "--yes-always",
      "--no-auto-commits",
      "--no-gitignore",
      "--no-pretty",
      "--no-stream",
      "--no-check-update",
      "--chat-history-file",
      join(artifacts, "aider-chat-history.md"),
      "--input-history-file",
      join(artifacts, "aider-input-history"),
      "--model",
      "sonnet",
    ]);
  });

  it("reads the model and the Tokens lines, and commits its edits but not its cache", async () => {
    const run = await aider().run(sampleTask(), harness().workspace, noLimits, signal);
    expect(AgentRun.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      agent: "aider",
      model: "anthropic/claude-sonnet-4-20250514",
      status: "succeeded",
      filesChanged: ["app.py"],
      turns: 2,
      tokens: {
        inputTokens: 16400,
        cachedInputTokens: 8800,
        outputTokens: 1250,
        reasoningTokens: 0,
      },
      reportedCostMicroUsd: 40000,
    });
    // 7600 × $3 + 8800 × $0.30 + 1250 × $15 per million tokens.
    expect(run.computedCostMicroUsd).toBe(44190);
    expect(run.summary).toBe("aider finished after 2 model calls: Applied edit to app.py");
    expect(run.transcript.endsWith("aider-transcript.txt")).toBe(true);
    expect(readFileSync(run.transcript, "utf8")).toContain("Main model:");
  });

  it("fails with stderr on a non-zero exit", async () => {
    const run = await aider("exit").run(sampleTask(), harness().workspace, noLimits, signal);
    expect(run.status).toBe("failed");
    expect(run.summary).toContain("invalid x-api-key");
  });
});

describe("parseTokensReport", () => {
  it("reads aider's rounded counts", () => {
    expect(parseTokensReport("12k sent, 950 received")).toEqual({
      inputTokens: 12000,
      cachedInputTokens: 0,
      outputTokens: 950,
      reasoningTokens: 0,
    });
    expect(parseTokensReport("1.2M sent, 1.1M cache hit, 2.5k received").cachedInputTokens).toBe(
      1_100_000,
    );
  });
});
