/**
 * The llm agent over the real OpenAI chat-completions protocol, against the local OpenAI-compatible
 * test server: the tools go out as function definitions, the tool calls come back and their results go
 * in as tool messages, usage figures (cached and reasoning tokens included) are summed, and a 429 is
 * retried by the AI SDK.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentTask, Workspace } from "../../src/agents/agent.js";
import { LlmAgent } from "../../src/agents/llm/llm-agent.js";
import { AgentRun } from "../../src/contracts/agent-run.js";
import { createLanguageModel } from "../../src/models/create-language-model.js";
import { NoSandbox } from "../../src/runners/sandbox/no-sandbox.js";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../fixtures/agents/temporary-repository.js";
import { bareSpec } from "../support/bare-spec.js";
import {
  type ChatReply,
  type OpenAiCompatibleServer,
  rateLimitedReply,
  startOpenAiCompatibleServer,
} from "../support/openai-compatible-server.js";

const task: AgentTask = {
  workItem: "greeting",
  spec: bareSpec("greeting", "cli"),
  specText: "# Greeting\n\ngreet.sh prints hello.\n",
  instructions: "Write greet.sh.",
  attempt: 1,
};

interface ChatRequestBody {
  model: string;
  tools?: { type: string; function: { name: string } }[];
  messages: { role: string; content?: unknown; tool_call_id?: string }[];
}

function toolReply(name: string, input: unknown, completionTokens = 40): ChatReply {
  return {
    kind: "completion",
    toolCalls: [{ name, arguments: input }],
    usage: { promptTokens: 500, completionTokens, cachedTokens: 100, reasoningTokens: 15 },
  };
}

let temporary: TemporaryRepository;
let workspace: Workspace;
let server: OpenAiCompatibleServer | undefined;
beforeEach(async () => {
  temporary = createTemporaryRepository();
  workspace = await temporary.manager.create({ workItem: "greeting", run: "r1" });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  temporary.remove();
});

describe("LlmAgent over the OpenAI-compatible protocol", () => {
  it("calls tools over the wire, sums the usage, and retries a 429", async () => {
    server = await startOpenAiCompatibleServer([
      rateLimitedReply(),
      toolReply("write_file", { path: "greet.sh", content: "echo hello\n" }),
      toolReply("run_command", { argv: ["sh", "greet.sh"] }),
      toolReply("finish", { summary: "greet.sh prints hello" }),
    ]);
    const model = createLanguageModel(
      { provider: "openai-compatible", model: "coder", baseUrl: server.baseUrl },
      {},
    );
    const agent = new LlmAgent({
      model,
      modelName: "openai-compatible/coder",
      sandbox: new NoSandbox(),
      checkCommand: ["sh", "-c", 'test "$(sh greet.sh)" = hello'],
      now: () => 0,
      prices: { coder: { inputUsdPerMillion: 1, outputUsdPerMillion: 2 } },
    });
    const result = AgentRun.parse(
      await agent.run(task, workspace, { wallClockMs: 60_000 }, new AbortController().signal),
    );

    expect(result).toMatchObject({
      status: "succeeded",
      summary: "greet.sh prints hello",
      model: "openai-compatible/coder",
      filesChanged: ["greet.sh"],
      turns: 3,
      tokens: {
        inputTokens: 1_500,
        cachedInputTokens: 300,
        outputTokens: 120,
        reasoningTokens: 45,
      },
    });
    // 1500 input tokens at $1/M (cached at the input price too) + 120 output at $2/M.
    expect(result.computedCostMicroUsd).toBe(1_740);
    expect(readFileSync(join(workspace.path, "greet.sh"), "utf8")).toBe("echo hello\n");

    const bodies = server.requests.map((request) => request.body as ChatRequestBody);
    expect(bodies).toHaveLength(4);
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[1]?.model).toBe("coder");
    expect(bodies[1]?.tools?.map((tool) => tool.function.name).sort()).toEqual([
      "edit_file",
      "finish",
      "list_files",
      "read_file",
      "run_command",
      "search",
      "write_file",
    ]);
    expect(bodies[1]?.messages.map((message) => message.role)).toEqual(["system", "user"]);
    const toolMessages = bodies[3]?.messages.filter((message) => message.role === "tool") ?? [];
    expect(toolMessages.map((message) => message.tool_call_id)).toEqual(["call_1_0", "call_2_0"]);
    expect(JSON.stringify(toolMessages[1]?.content)).toContain("hello");
  });
});
