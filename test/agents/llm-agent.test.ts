/**
 * The llm agent end to end against a scripted model (MockLanguageModelV3): a real git worktree from the
 * WorkspaceManager, real files, real commands; the model writes a file, runs a command, tries a path
 * outside the workspace, finishes with failing checks, fixes the file, and finishes again.
 */
import { readFileSync } from "node:fs";
import { MockLanguageModelV3 } from "ai/test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentTask, Workspace } from "../../src/agents/agent.js";
import { LlmAgent } from "../../src/agents/llm/llm-agent.js";
import { AgentRun, type FeedbackReport } from "../../src/contracts/agent-run.js";
import { NoSandbox } from "../../src/runners/sandbox/no-sandbox.js";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../fixtures/agents/temporary-repository.js";
import { bareSpec } from "../support/bare-spec.js";

type GenerateResult = Awaited<ReturnType<MockLanguageModelV3["doGenerate"]>>;
type Call = [toolName: string, input: unknown];

let callCounter = 0;
function nextCallId(): string {
  callCounter += 1;
  return `call-${callCounter}`;
}

function toolCalls(
  calls: Call[],
  tokens = { input: 1_000, cached: 200, output: 50 },
): GenerateResult {
  return {
    content: calls.map(([toolName, input]) => ({
      type: "tool-call" as const,
      toolCallId: nextCallId(),
      toolName,
      input: JSON.stringify(input),
    })),
    finishReason: { unified: "tool-calls", raw: "tool_calls" },
    usage: {
      inputTokens: {
        total: tokens.input,
        noCache: tokens.input - tokens.cached,
        cacheRead: tokens.cached,
        cacheWrite: 0,
      },
      outputTokens: { total: tokens.output, text: tokens.output - 10, reasoning: 10 },
    },
    warnings: [],
  };
}

/** The text of everything the model was sent on its `index`th call. */
function promptOf(model: MockLanguageModelV3, index: number): string {
  return JSON.stringify(model.doGenerateCalls[index]?.prompt);
}

const feedback: FeedbackReport = {
  decision: "regenerate",
  reason: "edge scenarios pass 50.0%, below 90.0%",
  categories: [{ category: "edge", passed: 1, failed: 1, passRate: 0.5, threshold: 0.9 }],
  errorClusters: [],
  examples: [{ title: "Greets the world", error: "expected 'hello world'" }],
};

const task: AgentTask = {
  workItem: "greeting",
  spec: bareSpec("greeting", "cli"),
  specText: "# Greeting\n\nhello.txt says hello world.\n",
  instructions: "Write hello.txt as the spec says.",
  attempt: 2,
  feedback,
};

let temporary: TemporaryRepository;
let workspace: Workspace;
beforeEach(async () => {
  temporary = createTemporaryRepository();
  workspace = await temporary.manager.create({ workItem: "greeting", run: "r1" });
});
afterEach(() => temporary.remove());

describe("LlmAgent with a scripted model", () => {
  it("writes, runs, is refused outside, finishes after the checks pass, and commits", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        toolCalls([
          ["list_files", {}],
          ["write_file", { path: "hello.txt", content: "hello\n" }],
        ]),
        toolCalls([["run_command", { argv: ["cat", "hello.txt"] }]]),
        toolCalls([["read_file", { path: "../../../repository/README.md" }]]),
        toolCalls([["finish", { summary: "wrote hello.txt" }]]),
        toolCalls([["edit_file", { path: "hello.txt", search: "hello", replace: "hello world" }]]),
        toolCalls([["finish", { summary: "hello.txt says hello world" }]]),
      ],
    });
    let clock = 1_000;
    const agent = new LlmAgent({
      model,
      modelName: "openai/gpt-4.1",
      sandbox: new NoSandbox(),
      checkCommand: ["grep", "-q", "hello world", "hello.txt"],
      now: () => (clock += 100),
    });
    const result = AgentRun.parse(
      await agent.run(task, workspace, { wallClockMs: 60_000 }, new AbortController().signal),
    );

    expect(result).toMatchObject({
      agent: "llm",
      model: "openai/gpt-4.1",
      status: "succeeded",
      summary: "hello.txt says hello world",
      filesChanged: ["hello.txt"],
      turns: 6,
      tokens: {
        inputTokens: 6_000,
        cachedInputTokens: 1_200,
        outputTokens: 300,
        reasoningTokens: 60,
      },
      injectedFaults: [],
    });
    // Per step: 800 × $2/M + 200 × $0.50/M + 50 × $8/M = 2100 micro-dollars.
    expect(result.computedCostMicroUsd).toBe(12_600);
    expect(result.durationMs).toBeGreaterThan(0);

    // The commit is on the workspace's branch and holds the fixed file.
    expect(result.commit).toBe(temporary.git(["rev-parse", workspace.branch]).trim());
    expect(temporary.git(["show", `${result.commit}:hello.txt`])).toBe("hello world\n");

    // What the model saw: the task with the gate's feedback, the command's output, the refusal,
    // and the failing checks.
    expect(promptOf(model, 0)).toContain("Greets the world");
    expect(promptOf(model, 0)).toContain("hello.txt says hello world.");
    expect(promptOf(model, 2)).toContain("exit code 0\\n--- stdout ---\\nhello\\n");
    expect(promptOf(model, 3)).toMatch(/is outside the workspace/);
    expect(promptOf(model, 4)).toContain("The checks failed; the run goes on");

    // The transcript: the start, every step, the end.
    expect(result.transcript).toBe(`${workspace.artifactsFolder}/llm-transcript.jsonl`);
    const entries = readFileSync(result.transcript, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; toolCalls?: { tool: string }[] });
    expect(entries.map((entry) => entry.type)).toEqual(["start", ...Array(6).fill("step"), "end"]);
    expect(entries[1]?.toolCalls?.map((call) => call.tool)).toEqual(["list_files", "write_file"]);
  });

  it("leaves no commit when the model changed nothing", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [toolCalls([["finish", { summary: "nothing to do" }]])],
    });
    const agent = new LlmAgent({
      model,
      modelName: "openai-compatible/local-model",
      sandbox: new NoSandbox(),
      now: () => 0,
    });
    const result = AgentRun.parse(
      await agent.run(task, workspace, { wallClockMs: 60_000 }, new AbortController().signal),
    );
    expect(result).toMatchObject({ status: "succeeded", filesChanged: [], turns: 1 });
    expect(result.commit).toBeUndefined();
    expect(result.computedCostMicroUsd).toBeUndefined();
  });
});
