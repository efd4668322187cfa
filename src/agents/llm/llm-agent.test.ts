import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { APICallError } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../../../test/fixtures/agents/temporary-repository.js";
import { bareSpec } from "../../../test/support/bare-spec.js";
import { AgentRun } from "../../contracts/agent-run.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import type { Sandbox } from "../../runners/sandbox/sandbox.js";
import type { AgentLimits, AgentTask, Workspace } from "../agent.js";
import { LlmAgent, type LlmAgentOptions, maximumNudges } from "./llm-agent.js";
import type { Timers } from "./run-sandboxed-command.js";

type GenerateResult = Awaited<ReturnType<MockLanguageModelV3["doGenerate"]>>;
type CallOptions = Parameters<MockLanguageModelV3["doGenerate"]>[0];
type Call = [toolName: string, input: unknown];

let callCounter = 0;
function nextCallId(): string {
  callCounter += 1;
  return `call-${callCounter}`;
}

/** One answer of the model: tool calls, or text when given a string. */
function answer(reply: Call[] | string, outputTokens = 20): GenerateResult {
  const content =
    typeof reply === "string"
      ? [{ type: "text" as const, text: reply }]
      : reply.map(([toolName, input]) => ({
          type: "tool-call" as const,
          toolCallId: nextCallId(),
          toolName,
          input: JSON.stringify(input),
        }));
  return {
    content,
    finishReason:
      typeof reply === "string"
        ? { unified: "stop", raw: "stop" }
        : { unified: "tool-calls", raw: "tool_calls" },
    usage: {
      inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
    },
    warnings: [],
  };
}

/** Waits, as a slow provider would, until the call is aborted. */
function untilAborted(options: CallOptions): Promise<never> {
  return new Promise((_, fail) => {
    const signal = options.abortSignal;
    if (signal === undefined) return;
    if (signal.aborted) fail(signal.reason);
    signal.addEventListener("abort", () => fail(signal.reason), { once: true });
  });
}

function manualTimers(): Timers & { fire(milliseconds: number): void } {
  const scheduled = new Map<number, () => void>();
  return {
    setTimeout: (callback, milliseconds) => scheduled.set(milliseconds, callback),
    clearTimeout: () => undefined,
    fire: (milliseconds) => scheduled.get(milliseconds)?.(),
  };
}

const task: AgentTask = {
  workItem: "notes",
  spec: bareSpec("notes", "cli"),
  specText: "# Notes\n\nA file that says hello.\n",
  instructions: "Write hello.txt.",
  attempt: 1,
};
const check = ["sh", "-c", "grep -q hello hello.txt"];

let temporary: TemporaryRepository;
let workspace: Workspace;
beforeEach(async () => {
  temporary = createTemporaryRepository();
  workspace = await temporary.manager.create({ workItem: "notes", run: "r1" });
});
afterEach(() => temporary.remove());

function agent(model: MockLanguageModelV3, changes: Partial<LlmAgentOptions> = {}): LlmAgent {
  let clock = 0;
  return new LlmAgent({
    model,
    modelName: "openai/gpt-4.1",
    sandbox: new NoSandbox(),
    checkCommand: check,
    now: () => (clock += 10),
    maxRetries: 0,
    ...changes,
  });
}

function run(
  subject: LlmAgent,
  limits: Partial<AgentLimits> = {},
  signal = new AbortController().signal,
) {
  return subject.run(task, workspace, { wallClockMs: 60_000, ...limits }, signal);
}

const writeHello: Call = ["write_file", { path: "hello.txt", content: "hello\n" }];
const look: Call = ["list_files", {}];

describe("LlmAgent limits", () => {
  it("fails when the step limit is reached before the checks passed", async () => {
    const model = new MockLanguageModelV3({ doGenerate: async () => answer([look]) });
    const result = AgentRun.parse(await run(agent(model), { maxTurns: 3 }));
    expect(result).toMatchObject({
      status: "failed",
      summary: "the step limit (3) was reached before the checks passed",
      turns: 3,
    });
    expect(model.doGenerateCalls).toHaveLength(3);
  });

  it("stops over budget once the output tokens pass the limit", async () => {
    const model = new MockLanguageModelV3({ doGenerate: async () => answer([look], 20) });
    const result = AgentRun.parse(await run(agent(model), { maxOutputTokens: 50 }));
    expect(result).toMatchObject({
      status: "over-budget",
      summary: "the output-token limit (50) was passed: 60 output tokens spent",
      turns: 3,
      tokens: { inputTokens: 300, outputTokens: 60 },
    });
  });

  it("stops over budget once our computed cost passes maxCostUsd", async () => {
    // gpt-4.1: each step costs 100 × $2/M + 20 × $8/M = 360 micro-dollars.
    const model = new MockLanguageModelV3({ doGenerate: async () => answer([look]) });
    const result = AgentRun.parse(await run(agent(model), { maxCostUsd: 0.001 }));
    expect(result).toMatchObject({ status: "over-budget", turns: 3, computedCostMicroUsd: 1_080 });
    expect(result.summary).toBe("the cost limit ($0.0010) was passed: $0.0011 spent");
  });

  it("is cancelled when the caller aborts, and commits what was written", async () => {
    const controller = new AbortController();
    const model = new MockLanguageModelV3({
      doGenerate: async (options) => {
        if (model.doGenerateCalls.length === 1) return answer([writeHello]);
        controller.abort();
        return untilAborted(options);
      },
    });
    const result = AgentRun.parse(await run(agent(model), {}, controller.signal));
    expect(result).toMatchObject({
      status: "cancelled",
      summary: "the run was cancelled",
      turns: 1,
      filesChanged: ["hello.txt"],
    });
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it("times out at the wall clock while the model thinks", async () => {
    const timers = manualTimers();
    const model = new MockLanguageModelV3({
      doGenerate: async (options) => {
        timers.fire(5_000);
        return untilAborted(options);
      },
    });
    const result = AgentRun.parse(await run(agent(model, { timers }), { wallClockMs: 5_000 }));
    expect(result).toMatchObject({
      status: "timed-out",
      summary: "the wall-clock limit (5000 ms) was reached before the checks passed",
      turns: 0,
    });
  });

  it("times out at the wall clock while a command runs, and kills it", async () => {
    const timers = manualTimers();
    const inner = new NoSandbox();
    const sandbox: Sandbox = {
      name: "none",
      isolating: false,
      prepare: async (request) => {
        const prepared = await inner.prepare(request);
        timers.fire(5_000);
        return prepared;
      },
    };
    const model = new MockLanguageModelV3({
      doGenerate: [answer([["run_command", { argv: ["sleep", "30"] }]])],
    });
    const subject = agent(model, { timers, sandbox });
    const result = AgentRun.parse(await run(subject, { wallClockMs: 5_000 }));
    expect(result).toMatchObject({ status: "timed-out", turns: 1 });
    const transcript = readFileSync(result.transcript, "utf8");
    expect(transcript).toContain("killed: the run was stopped");
  });

  it("fails with the model's error when the model cannot be reached", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new APICallError({
          message: "Unauthorized: the key is not valid",
          url: "https://api.example.com/v1/chat/completions",
          requestBodyValues: {},
          statusCode: 401,
          isRetryable: false,
        });
      },
    });
    const result = AgentRun.parse(await run(agent(model)));
    expect(result).toMatchObject({
      status: "failed",
      summary: "the language model did not answer: Unauthorized: the key is not valid",
      turns: 0,
      filesChanged: [],
    });
    expect(result.commit).toBeUndefined();
  });

  it("tells a model that stops talking to go on, then fails it if it keeps stopping", async () => {
    const nudged = new MockLanguageModelV3({
      doGenerate: [
        answer("I will write the file now."),
        answer([writeHello]),
        answer([["finish", { summary: "wrote hello" }]]),
      ],
    });
    const result = AgentRun.parse(await run(agent(nudged)));
    expect(result).toMatchObject({ status: "succeeded", summary: "wrote hello", turns: 3 });
    const secondPrompt = JSON.stringify(nudged.doGenerateCalls[1]?.prompt);
    expect(secondPrompt).toContain("You stopped without calling finish");

    const silent = new MockLanguageModelV3({ doGenerate: async () => answer("Done, I think.") });
    const stopped = AgentRun.parse(await run(agent(silent)));
    expect(stopped).toMatchObject({
      status: "failed",
      summary: "the model stopped without finishing: Done, I think.",
      turns: maximumNudges + 1,
    });
  });

  it("answers a malformed or unknown tool call with an error, and goes on", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        answer([
          ["write_file", { path: "hello.txt" }],
          ["delete_everything", {}],
        ]),
        answer([writeHello]),
        answer([["finish", { summary: "wrote hello" }]]),
      ],
    });
    const result = AgentRun.parse(await run(agent(model)));
    expect(result).toMatchObject({ status: "succeeded", turns: 3, filesChanged: ["hello.txt"] });
    const secondPrompt = JSON.stringify(model.doGenerateCalls[1]?.prompt);
    expect(secondPrompt).toContain("error-text");
    expect(secondPrompt).toMatch(/delete_everything/);
  });

  it("without checks, finish ends the run", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [answer([writeHello, ["finish", { summary: "done" }]])],
    });
    const result = AgentRun.parse(await run(agent(model, { checkCommand: undefined })));
    expect(result).toMatchObject({ status: "succeeded", summary: "done", turns: 1 });
  });

  it("never throws when the workspace cannot be committed: the run fails and says why", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [answer([writeHello, ["finish", { summary: "done" }]])],
    });
    const broken: Workspace = { ...workspace, path: join(temporary.root, "not-a-repository") };
    const subject = agent(model, { checkCommand: undefined });
    const result = AgentRun.parse(
      await subject.run(task, broken, { wallClockMs: 60_000 }, new AbortController().signal),
    );
    expect(result.status).toBe("failed");
    expect(result.summary).toMatch(/^done; what it changed could not be committed: /);
    expect(existsSync(result.transcript)).toBe(true);
  });
});
