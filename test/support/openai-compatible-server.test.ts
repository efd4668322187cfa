import { afterEach, describe, expect, it } from "vitest";
import {
  jsonReply,
  type OpenAiCompatibleServer,
  rateLimitedReply,
  startOpenAiCompatibleServer,
} from "./openai-compatible-server.js";

let server: OpenAiCompatibleServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface CompletionBody {
  choices: { message: { content: string | null }; finish_reason: string }[];
}

async function completion(response: Response): Promise<CompletionBody> {
  return (await response.json()) as CompletionBody;
}

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${server?.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("startOpenAiCompatibleServer", () => {
  it("answers chat completions in OpenAI's shape, with the usage details, and records requests", async () => {
    server = await startOpenAiCompatibleServer([
      jsonReply(
        { ok: true },
        { promptTokens: 100, completionTokens: 20, cachedTokens: 64, reasoningTokens: 8 },
      ),
    ]);
    const response = await post("/chat/completions", { model: "local-model", messages: [] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      object: "chat.completion",
      model: "local-model",
      choices: [
        { index: 0, message: { role: "assistant", content: '{"ok":true}' }, finish_reason: "stop" },
      ],
      usage: {
        prompt_tokens: 100,
        completion_tokens: 20,
        total_tokens: 120,
        prompt_tokens_details: { cached_tokens: 64 },
        completion_tokens_details: { reasoning_tokens: 8 },
      },
    });
    expect(server.requests).toEqual([
      expect.objectContaining({
        path: "/v1/chat/completions",
        body: { model: "local-model", messages: [] },
      }),
    ]);
  });

  it("answers tool calls with their arguments as JSON text", async () => {
    server = await startOpenAiCompatibleServer([
      { kind: "completion", toolCalls: [{ name: "lookup", arguments: { id: 7 } }] },
    ]);
    const body = await completion(await post("/chat/completions", { model: "m" }));
    expect(body.choices[0]).toMatchObject({
      message: {
        content: null,
        tool_calls: [{ type: "function", function: { name: "lookup", arguments: '{"id":7}' } }],
      },
      finish_reason: "tool_calls",
    });
  });

  it("answers a scripted 429 with OpenAI's error body and a retry-after-ms header", async () => {
    server = await startOpenAiCompatibleServer([rateLimitedReply()]);
    const response = await post("/chat/completions", { model: "m" });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after-ms")).toBe("0");
    expect(await response.json()).toMatchObject({ error: { code: "rate_limit_exceeded" } });
  });

  it("answers 404 off the route and 500 past the end of the script", async () => {
    server = await startOpenAiCompatibleServer([]);
    expect((await post("/embeddings", {})).status).toBe(404);
    const response = await post("/chat/completions", { model: "m" });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { message: /no reply #1/ } });
  });

  it("can answer from a function of the request", async () => {
    server = await startOpenAiCompatibleServer((request, index) =>
      jsonReply({ index, model: (request.body as { model: string }).model }),
    );
    const body = await completion(await post("/chat/completions", { model: "echo" }));
    expect(JSON.parse(body.choices[0]?.message.content ?? "")).toEqual({ index: 0, model: "echo" });
  });
});
