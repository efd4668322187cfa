/**
 * A configured model reference turned into an AI SDK language model. Keys come from the environment the
 * caller passes (never from the config file, never from globals), and `fetch` can be injected so tests
 * and proxies see every request.
 */
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { ModelReference } from "../contracts/config.js";
import { ShopfloorError } from "../contracts/errors.js";

export type Environment = Readonly<Record<string, string | undefined>>;

const defaultKeyVariables = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
} as const;

export function createLanguageModel(
  reference: ModelReference,
  environment: Environment,
  fetchImplementation?: typeof fetch,
): LanguageModel {
  const common = {
    ...(reference.baseUrl === undefined ? {} : { baseURL: reference.baseUrl }),
    ...(fetchImplementation === undefined ? {} : { fetch: fetchImplementation }),
  };
  switch (reference.provider) {
    case "openai": {
      const apiKey = requiredKey(reference, environment, defaultKeyVariables.openai);
      return createOpenAI({ ...common, apiKey })(reference.model);
    }
    case "anthropic": {
      const apiKey = requiredKey(reference, environment, defaultKeyVariables.anthropic);
      return createAnthropic({ ...common, apiKey })(reference.model);
    }
    case "openai-compatible": {
      if (reference.baseUrl === undefined) {
        throw new ShopfloorError(
          "invalid-config",
          `${modelLabel(reference)} needs baseUrl, e.g. http://127.0.0.1:11434/v1 for Ollama`,
          { field: "baseUrl" },
        );
      }
      // A local server needs no key; one named in apiKeyEnv is sent, and must then be set.
      const apiKey =
        reference.apiKeyEnv === undefined
          ? undefined
          : requiredKey(reference, environment, reference.apiKeyEnv);
      return createOpenAICompatible({
        ...common,
        baseURL: reference.baseUrl,
        name: "openai-compatible",
        ...(apiKey === undefined ? {} : { apiKey }),
        // Ollama, vLLM and LM Studio accept response_format json_schema.
        supportsStructuredOutputs: true,
      }).chatModel(reference.model);
    }
  }
}

/** How a model is named in reports and provenance: `openai/gpt-4.1-mini`. */
export function modelLabel(reference: ModelReference): string {
  return `${reference.provider}/${reference.model}`;
}

function requiredKey(
  reference: ModelReference,
  environment: Environment,
  defaultVariable: string,
): string {
  const variable = reference.apiKeyEnv ?? defaultVariable;
  const key = environment[variable];
  if (key !== undefined && key.trim() !== "") return key;
  throw new ShopfloorError(
    "invalid-config",
    `${modelLabel(reference)} needs an API key: set the environment variable ${variable}` +
      (reference.apiKeyEnv === undefined
        ? " (or name another variable with apiKeyEnv in the model's entry of shopfloor.config.yaml)"
        : ""),
    { field: "apiKeyEnv" },
  );
}
