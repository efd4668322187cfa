import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateText, type StepResult, type ToolSet, tool } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { LlmTranscript, maximumTranscriptResultCharacters } from "./llm-transcript.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-llm-transcript-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** One real step of the AI SDK: two tool calls, one answering a long text and one failing. */
async function recordedStep(): Promise<StepResult<ToolSet>> {
  const model = new MockLanguageModelV3({
    doGenerate: {
      content: [
        { type: "text", text: "Reading both." },
        { type: "tool-call", toolCallId: "c1", toolName: "long", input: '{"path":"a.txt"}' },
        { type: "tool-call", toolCallId: "c2", toolName: "broken", input: "{}" },
      ],
      finishReason: { unified: "tool-calls", raw: "tool_calls" },
      usage: {
        inputTokens: { total: 120, noCache: 100, cacheRead: 20, cacheWrite: 0 },
        outputTokens: { total: 30, text: 25, reasoning: 5 },
      },
      warnings: [],
    },
  });
  const steps: StepResult<ToolSet>[] = [];
  await generateText({
    model,
    prompt: "go",
    tools: {
      long: tool({
        inputSchema: z.object({ path: z.string() }),
        execute: async () => "x".repeat(10_000),
      }),
      broken: tool({
        inputSchema: z.object({}),
        execute: async (): Promise<string> => {
          throw new Error("refused: not today");
        },
      }),
    },
    onStepFinish: (step) => {
      steps.push(step);
    },
  });
  const [step] = steps;
  if (step === undefined) throw new Error("no step was recorded");
  return step;
}

function lines(path: string): Record<string, unknown>[] {
  return readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("LlmTranscript", () => {
  it("writes the start, each step with its calls and cut results, and notes, as JSON Lines", async () => {
    let clock = 1_000;
    const path = join(folder, "artifacts", "llm-transcript.jsonl");
    const transcript = new LlmTranscript(path, () => clock++);
    await transcript.start({ model: "openai/gpt-4.1", prompt: "Build it." });
    await transcript.step(await recordedStep());
    await transcript.note({ type: "end", status: "failed" });

    const [start, step, end] = lines(path);
    expect(start).toEqual({
      at: 1_000,
      type: "start",
      model: "openai/gpt-4.1",
      prompt: "Build it.",
    });
    expect(step).toMatchObject({
      at: 1_001,
      type: "step",
      step: 0,
      finishReason: "tool-calls",
      text: "Reading both.",
      toolCalls: [
        { id: "c1", tool: "long", input: { path: "a.txt" } },
        { id: "c2", tool: "broken", input: {} },
      ],
      toolResults: [
        { id: "c1", tool: "long" },
        { id: "c2", tool: "broken", error: "refused: not today" },
      ],
      usage: { inputTokens: 120, cachedInputTokens: 20, outputTokens: 30, reasoningTokens: 5 },
    });
    const results = (step?.toolResults ?? []) as { output?: string }[];
    const output = results[0]?.output ?? "";
    expect(output.length).toBeLessThan(maximumTranscriptResultCharacters + 100);
    expect(output).toContain("characters cut");
    expect(end).toEqual({ at: 1_002, type: "end", status: "failed" });
    expect(transcript.problem).toBeUndefined();
  });

  it("keeps going when it cannot write, and says why", async () => {
    const blocker = join(folder, "a-file");
    writeFileSync(blocker, "");
    const transcript = new LlmTranscript(join(blocker, "llm-transcript.jsonl"), () => 0);
    await transcript.start({});
    await transcript.note({ type: "end" });
    expect(transcript.problem).toMatch(/EEXIST|ENOTDIR/);
  });
});
