import { generateText } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import {
  type OpenAiCompatibleServer,
  rateLimitedReply,
  startOpenAiCompatibleServer,
  textReply,
} from "../../test/support/openai-compatible-server.js";
import { ShopfloorError } from "../contracts/errors.js";
import { addUsage, noUsage } from "../contracts/token-usage.js";
import { createLanguageModel, modelLabel } from "./create-language-model.js";

let server: OpenAiCompatibleServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A fetch that records what it was asked and refuses, so no request leaves the machine. */
function recordingFetch() {
  const calls: { url: string; headers: Headers }[] = [];
  const fetchImplementation = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    throw new TypeError("offline");
  }) as typeof fetch;
  return { calls, fetchImplementation };
}

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("createLanguageModel", () => {
  it("refuses an OpenAI or Anthropic model without its key, naming the variable to set", () => {
    const openai = caught(() =>
      createLanguageModel({ provider: "openai", model: "gpt-4.1-mini" }, {}),
    );
    expect(openai).toBeInstanceOf(ShopfloorError);
    expect(openai).toMatchObject({ code: "invalid-config" });
    expect((openai as Error).message).toMatch(
      /^openai\/gpt-4.1-mini needs an API key: set the environment variable OPENAI_API_KEY \(or name another/,
    );
    expect(() =>
      createLanguageModel(
        { provider: "anthropic", model: "claude-sonnet-4-5" },
        { OPENAI_API_KEY: "x" },
      ),
    ).toThrow(/set the environment variable ANTHROPIC_API_KEY/);
    expect(() =>
      createLanguageModel(
        { provider: "openai", model: "gpt-4.1", apiKeyEnv: "TEAM_OPENAI_KEY" },
        { OPENAI_API_KEY: "not this one", TEAM_OPENAI_KEY: " " },
      ),
    ).toThrow(/set the environment variable TEAM_OPENAI_KEY$/);
  });

  it("sends the key from the environment it is given to the configured address", async () => {
    const { calls, fetchImplementation } = recordingFetch();
    const model = createLanguageModel(
      { provider: "openai", model: "gpt-4.1-mini", baseUrl: "http://127.0.0.1:9/v1" },
      { OPENAI_API_KEY: "sk-from-environment" },
      fetchImplementation,
    );
    await expect(generateText({ model, prompt: "hi", maxRetries: 0 })).rejects.toThrow();
    expect(calls[0]?.url).toBe("http://127.0.0.1:9/v1/responses");
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer sk-from-environment");

    const anthropic = recordingFetch();
    const claude = createLanguageModel(
      { provider: "anthropic", model: "claude-sonnet-4-5", apiKeyEnv: "CLAUDE_KEY" },
      { CLAUDE_KEY: "sk-ant-test" },
      anthropic.fetchImplementation,
    );
    await expect(generateText({ model: claude, prompt: "hi", maxRetries: 0 })).rejects.toThrow();
    expect(anthropic.calls[0]?.url).toBe("https://api.anthropic.com/v1/messages");
    expect(anthropic.calls[0]?.headers.get("x-api-key")).toBe("sk-ant-test");
  });

  it("talks to an OpenAI-compatible server without a key, and reports its usage figures", async () => {
    server = await startOpenAiCompatibleServer([
      textReply("Hello.", {
        promptTokens: 1200,
        completionTokens: 90,
        cachedTokens: 1024,
        reasoningTokens: 60,
      }),
    ]);
    const model = createLanguageModel(
      { provider: "openai-compatible", model: "qwen3:8b", baseUrl: server.baseUrl },
      {},
    );
    const result = await generateText({ model, prompt: "Say hello.", maxRetries: 0 });
    expect(result.text).toBe("Hello.");
    expect(addUsage(noUsage, result.usage)).toEqual({
      inputTokens: 1200,
      cachedInputTokens: 1024,
      outputTokens: 90,
      reasoningTokens: 60,
      calls: 1,
    });
    const [request] = server.requests;
    expect(request?.body).toMatchObject({
      model: "qwen3:8b",
      messages: [{ role: "user", content: "Say hello." }],
    });
    expect(request?.headers.authorization).toBeUndefined();
  });

  it("sends the key named by apiKeyEnv to an OpenAI-compatible server, and needs it set", async () => {
    server = await startOpenAiCompatibleServer([textReply("ok")]);
    const reference = {
      provider: "openai-compatible" as const,
      model: "llama",
      baseUrl: server.baseUrl,
      apiKeyEnv: "VLLM_KEY",
    };
    expect(() => createLanguageModel(reference, {})).toThrow(
      /set the environment variable VLLM_KEY/,
    );
    await generateText({
      model: createLanguageModel(reference, { VLLM_KEY: "local-secret" }),
      prompt: "x",
    });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer local-secret");
  });

  it("retries after a 429 and succeeds", async () => {
    server = await startOpenAiCompatibleServer([rateLimitedReply(), textReply("after the wait")]);
    const model = createLanguageModel(
      { provider: "openai-compatible", model: "m", baseUrl: server.baseUrl },
      {},
    );
    const result = await generateText({ model, prompt: "x", maxRetries: 2 });
    expect(result.text).toBe("after the wait");
    expect(server.requests).toHaveLength(2);
  });
});

describe("modelLabel", () => {
  it("is the provider and the model", () => {
    expect(modelLabel({ provider: "openai", model: "gpt-4.1-mini" })).toBe("openai/gpt-4.1-mini");
  });
});
