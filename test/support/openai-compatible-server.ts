/**
 * Test support: a local server that speaks the OpenAI chat completions protocol (`POST
 * /v1/chat/completions`, non-streaming), as Ollama, vLLM and LM Studio do. It answers from a script of
 * replies (text, tool calls, usage with cached and reasoning tokens, or an error such as a 429 with
 * `retry-after-ms`) and records every request, so a test drives a real provider end to end.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReplyUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens?: number;
  reasoningTokens?: number;
}

export interface ToolCallReply {
  name: string;
  arguments: unknown;
}

/** One answer: a completion (content and/or tool calls), or an error status with an OpenAI error body. */
export type ChatReply =
  | {
      kind: "completion";
      content?: string | null;
      toolCalls?: ToolCallReply[];
      finishReason?: "stop" | "length" | "tool_calls" | "content_filter";
      usage?: ReplyUsage;
    }
  | {
      kind: "error";
      status: number;
      message: string;
      type?: string;
      code?: string;
      headers?: Record<string, string>;
    };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or the text when it was not JSON. */
  body: unknown;
}

export type ReplyScript =
  | readonly ChatReply[]
  | ((request: RecordedRequest, index: number) => ChatReply);

export interface OpenAiCompatibleServer {
  /** e.g. http://127.0.0.1:41234/v1, the `baseUrl` of an openai-compatible model reference. */
  baseUrl: string;
  /** Requests to /v1/chat/completions, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const defaultUsage: ReplyUsage = { promptTokens: 10, completionTokens: 5 };

/** A completion whose content is `value` as JSON: what a structured-output request expects. */
export function jsonReply(value: unknown, usage: ReplyUsage = defaultUsage): ChatReply {
  return { kind: "completion", content: JSON.stringify(value), usage };
}

export function textReply(content: string, usage: ReplyUsage = defaultUsage): ChatReply {
  return { kind: "completion", content, usage };
}

/** OpenAI's 429; `retry-after-ms: 0` lets the AI SDK retry at once instead of backing off. */
export function rateLimitedReply(): ChatReply {
  return {
    kind: "error",
    status: 429,
    message: "Rate limit reached for requests per minute. Please try again in 0ms.",
    type: "requests",
    code: "rate_limit_exceeded",
    headers: { "retry-after-ms": "0" },
  };
}

export async function startOpenAiCompatibleServer(
  script: ReplyScript,
): Promise<OpenAiCompatibleServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    readBody(request).then(
      (text) => handle(request, text, response, script, requests),
      () =>
        sendJson(
          response,
          400,
          errorBody("the request body could not be read", "invalid_request_error"),
        ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function handle(
  request: IncomingMessage,
  text: string,
  response: ServerResponse,
  script: ReplyScript,
  requests: RecordedRequest[],
): void {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  if (request.method !== "POST" || path !== "/v1/chat/completions") {
    sendJson(
      response,
      404,
      errorBody(`no route ${request.method} ${path}`, "invalid_request_error"),
    );
    return;
  }
  const recorded: RecordedRequest = {
    method: request.method,
    path,
    headers: request.headers,
    body: parseJson(text),
  };
  const index = requests.length;
  requests.push(recorded);
  const reply = typeof script === "function" ? script(recorded, index) : script[index];
  if (reply === undefined) {
    sendJson(response, 500, errorBody(`the test scripted no reply #${index + 1}`, "server_error"));
    return;
  }
  if (reply.kind === "error") {
    sendJson(
      response,
      reply.status,
      errorBody(reply.message, reply.type ?? "invalid_request_error", reply.code),
      reply.headers,
    );
    return;
  }
  const model = (recorded.body as { model?: unknown } | undefined)?.model;
  sendJson(
    response,
    200,
    completionBody(reply, typeof model === "string" ? model : "model", index),
  );
}

function completionBody(
  reply: Extract<ChatReply, { kind: "completion" }>,
  model: string,
  index: number,
): unknown {
  const usage = reply.usage ?? defaultUsage;
  const toolCalls = reply.toolCalls?.map((call, callIndex) => ({
    id: `call_${index}_${callIndex}`,
    type: "function",
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
  return {
    id: `chatcmpl-test-${index}`,
    object: "chat.completion",
    created: 1_700_000_000 + index,
    model,
    system_fingerprint: "fp_test",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: reply.content ?? null,
          refusal: null,
          ...(toolCalls === undefined ? {} : { tool_calls: toolCalls }),
        },
        logprobs: null,
        finish_reason: reply.finishReason ?? (toolCalls === undefined ? "stop" : "tool_calls"),
      },
    ],
    usage: {
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      total_tokens: usage.promptTokens + usage.completionTokens,
      prompt_tokens_details: { cached_tokens: usage.cachedTokens ?? 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: usage.reasoningTokens ?? 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
  };
}

function errorBody(message: string, type: string, code?: string): unknown {
  return { error: { message, type, param: null, code: code ?? null } };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
