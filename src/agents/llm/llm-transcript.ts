/**
 * The llm agent's transcript: a JSON Lines file with the prompt, every step (its text, its tool calls
 * with their inputs, their results cut to a few KB, its tokens), every nudge, and how the run ended.
 * Lines are appended as the run goes, so a run that is killed still leaves what it did. A write that
 * fails does not stop the run: the first failure is kept and reported with the run's summary.
 */
import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { StepResult, ToolSet } from "ai";
import { cutMiddle } from "./run-sandboxed-command.js";

/** A tool's result is cut to this many characters in the transcript. */
export const maximumTranscriptResultCharacters = 4_000;

export class LlmTranscript {
  readonly path: string;
  readonly #now: () => number;
  #problem: string | undefined;

  constructor(path: string, now: () => number) {
    this.path = path;
    this.#now = now;
  }

  /** Why the transcript is incomplete, when a write failed. */
  get problem(): string | undefined {
    return this.#problem;
  }

  async start(entry: Record<string, unknown>): Promise<void> {
    try {
      await mkdir(dirname(this.path), { recursive: true });
    } catch (error) {
      this.#remember(error);
    }
    await this.write({ type: "start", ...entry });
  }

  step(step: StepResult<ToolSet>): Promise<void> {
    return this.write({
      type: "step",
      step: step.stepNumber,
      finishReason: step.finishReason,
      text: step.text,
      ...(step.reasoningText === undefined ? {} : { reasoning: step.reasoningText }),
      toolCalls: step.toolCalls.map((call) => ({
        id: call.toolCallId,
        tool: call.toolName,
        input: call.input,
      })),
      toolResults: step.content.flatMap((part): Record<string, unknown>[] => {
        if (part.type === "tool-result") {
          return [{ id: part.toolCallId, tool: part.toolName, output: cutResult(part.output) }];
        }
        if (part.type === "tool-error") {
          return [{ id: part.toolCallId, tool: part.toolName, error: errorText(part.error) }];
        }
        return [];
      }),
      usage: {
        inputTokens: step.usage.inputTokens,
        cachedInputTokens: step.usage.inputTokenDetails?.cacheReadTokens,
        outputTokens: step.usage.outputTokens,
        reasoningTokens: step.usage.outputTokenDetails?.reasoningTokens,
      },
    });
  }

  note(entry: Record<string, unknown>): Promise<void> {
    return this.write(entry);
  }

  async write(entry: Record<string, unknown>): Promise<void> {
    try {
      await appendFile(this.path, `${JSON.stringify({ at: this.#now(), ...entry })}\n`, "utf8");
    } catch (error) {
      this.#remember(error);
    }
  }

  #remember(error: unknown): void {
    this.#problem ??= error instanceof Error ? error.message : String(error);
  }
}

function cutResult(output: unknown): unknown {
  if (typeof output === "string") return cutMiddle(output, maximumTranscriptResultCharacters);
  const text = JSON.stringify(output) ?? "null";
  return text.length <= maximumTranscriptResultCharacters
    ? output
    : cutMiddle(text, maximumTranscriptResultCharacters);
}

/** The message of a tool's error, as the model was shown it. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
