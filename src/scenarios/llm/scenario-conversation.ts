/**
 * One conversation with a model about one batch of scenarios: the request, then follow-ups (repairs)
 * that see the earlier answers. Each answer is structured output (`{ scenarios: [...] }`); one the SDK
 * cannot read as a whole is salvaged scenario by scenario when it is still JSON. Tokens are summed over
 * every answered call, read or not. A call that fails (after the SDK's retries) is a `ShopfloorError`.
 */
import {
  generateText,
  type LanguageModel,
  type ModelMessage,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
} from "ai";
import { ShopfloorError } from "../../contracts/errors.js";
import { addUsage, noUsage, type TokenUsage } from "../../contracts/token-usage.js";
import { ProposedScenarios, salvageProposals } from "./check-proposal.js";
import { scenarioSystemPrompt } from "./scenario-prompt.js";

export type ScenarioAnswer = { proposals: unknown[] } | { unreadable: string };

export interface ScenarioConversationOptions {
  model: LanguageModel;
  signal?: AbortSignal;
  maxRetries?: number;
}

const scenariosOutput = Output.object({ schema: ProposedScenarios, name: "scenarios" });

// Steps are free-form JSON, which strict structured-output modes refuse; the schema is a guide here and
// every scenario is validated afterwards anyway.
const providerOptions = {
  openai: { strictJsonSchema: false },
  openaiCompatible: { strictJsonSchema: false },
};

export class ScenarioConversation {
  readonly #options: ScenarioConversationOptions;
  readonly #messages: ModelMessage[] = [];
  #usage: TokenUsage = noUsage;

  constructor(options: ScenarioConversationOptions) {
    this.#options = options;
  }

  get usage(): TokenUsage {
    return this.#usage;
  }

  async ask(text: string): Promise<ScenarioAnswer> {
    this.#messages.push({ role: "user", content: text });
    const { model, signal, maxRetries } = this.#options;
    const answer = await generateText({
      model,
      system: scenarioSystemPrompt,
      messages: [...this.#messages],
      output: scenariosOutput,
      providerOptions,
      ...(maxRetries === undefined ? {} : { maxRetries }),
      ...(signal === undefined ? {} : { abortSignal: signal }),
    }).then(
      (result) => ({ usage: result.usage, text: result.text, read: readScenarios(result) }),
      (error: unknown) => {
        if (NoObjectGeneratedError.isInstance(error)) {
          return { usage: error.usage, text: error.text ?? "", read: readFailure(error) };
        }
        throw callFailure(error, signal);
      },
    );
    this.#usage = addUsage(this.#usage, answer.usage);
    this.#messages.push({ role: "assistant", content: answer.text });
    if ("proposals" in answer.read) return answer.read;
    const salvaged = salvageProposals(answer.text);
    return salvaged === undefined ? answer.read : { proposals: salvaged };
  }
}

function readScenarios(result: { output: { scenarios: unknown[] } }): ScenarioAnswer {
  try {
    return { proposals: result.output.scenarios };
  } catch (error) {
    if (NoOutputGeneratedError.isInstance(error)) return { unreadable: "the answer was empty" };
    throw error;
  }
}

function readFailure(error: NoObjectGeneratedError): ScenarioAnswer {
  const cause = error.cause instanceof Error ? error.cause.message : error.message;
  const firstLine = cause.split("\n")[0] ?? cause;
  return { unreadable: firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine };
}

function callFailure(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ShopfloorError("io-error", `the language model did not answer: ${message}`, {
    retryable: true,
    cause: error,
  });
}
