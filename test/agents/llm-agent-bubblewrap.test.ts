/**
 * The llm agent with the real bubblewrap sandbox: its commands and checks run isolated, with the
 * workspace readable but not writable, so files change only through the agent's own file tools.
 */
import { chmodSync } from "node:fs";
import { MockLanguageModelV3 } from "ai/test";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { AgentTask, Workspace } from "../../src/agents/agent.js";
import { LlmAgent } from "../../src/agents/llm/llm-agent.js";
import { AgentRun } from "../../src/contracts/agent-run.js";
import { BubblewrapSandbox } from "../../src/runners/sandbox/bubblewrap-sandbox.js";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../fixtures/agents/temporary-repository.js";
import { bareSpec } from "../support/bare-spec.js";
import { describeWithBubblewrap } from "../support/describe-with-bubblewrap.js";

type GenerateResult = Awaited<ReturnType<MockLanguageModelV3["doGenerate"]>>;

let callCounter = 0;
function nextCallId(): string {
  callCounter += 1;
  return `call-${callCounter}`;
}

function toolCall(toolName: string, input: unknown): GenerateResult {
  return {
    content: [
      {
        type: "tool-call",
        toolCallId: nextCallId(),
        toolName,
        input: JSON.stringify(input),
      },
    ],
    finishReason: { unified: "tool-calls", raw: "tool_calls" },
    usage: {
      inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 5, text: 5, reasoning: 0 },
    },
    warnings: [],
  };
}

const task: AgentTask = {
  workItem: "greeting",
  spec: bareSpec("greeting", "cli"),
  specText: "# Greeting\n",
  instructions: "Write greet.sh.",
  attempt: 1,
};

let temporary: TemporaryRepository;
let workspace: Workspace;
beforeEach(async () => {
  temporary = createTemporaryRepository();
  // Under root the sandbox runs as nobody, who must be able to reach the worktree.
  chmodSync(temporary.root, 0o755);
  workspace = await temporary.manager.create({ workItem: "greeting", run: "r1" });
});
afterEach(() => temporary.remove());

describeWithBubblewrap("LlmAgent in bubblewrap", () => {
  it("runs commands and checks in the sandbox, where the workspace is read-only", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        toolCall("run_command", { argv: ["sh", "-c", "echo sneaky > made-by-command.txt"] }),
        toolCall("write_file", { path: "greet.sh", content: "echo hello\n" }),
        toolCall("finish", { summary: "greet.sh prints hello" }),
      ],
    });
    const agent = new LlmAgent({
      model,
      modelName: "openai/gpt-4.1",
      sandbox: new BubblewrapSandbox(),
      checkCommand: ["sh", "-c", 'test "$(sh greet.sh)" = hello'],
      now: () => 0,
    });
    const result = AgentRun.parse(
      await agent.run(task, workspace, { wallClockMs: 60_000 }, new AbortController().signal),
    );
    expect(result).toMatchObject({
      status: "succeeded",
      filesChanged: ["greet.sh"],
      turns: 3,
    });
    const commandResult = JSON.stringify(model.doGenerateCalls[1]?.prompt);
    expect(commandResult).toMatch(/Read-only file system|Permission denied/);
  });
});
