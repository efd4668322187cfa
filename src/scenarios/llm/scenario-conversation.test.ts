import { afterEach, describe, expect, it } from "vitest";
import {
  jsonReply,
  type OpenAiCompatibleServer,
  rateLimitedReply,
  startOpenAiCompatibleServer,
  textReply,
} from "../../../test/support/openai-compatible-server.js";
import { SuiteHeader } from "../../contracts/scenario.js";
import { type Spec, SpecFrontMatter } from "../../contracts/spec.js";
import { createLanguageModel } from "../../models/create-language-model.js";
import { generateScenariosWithModel } from "./generate-with-model.js";
import { ScenarioConversation } from "./scenario-conversation.js";

let server: OpenAiCompatibleServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function localModel(baseUrl: string) {
  return createLanguageModel({ provider: "openai-compatible", model: "qwen3:8b", baseUrl }, {});
}

const spec: Spec = {
  source: "specs/greet.md",
  hash: "sha256:2",
  frontMatter: SpecFrontMatter.parse({ name: "greet", kind: "cli" }),
  title: "Greet",
  prose: [{ text: "Greets the person named with --name.", line: 4, section: "" }],
  criteria: [{ id: "AC1", text: "greet --name Ada prints Hello, Ada!", line: 8, examples: [] }],
};
const header = SuiteHeader.parse({
  name: "greet",
  version: "1",
  target: "cli",
  defaults: { command: ["node", "greet.mjs"] },
});

const greets = {
  category: "normal",
  title: "Greets Ada",
  covers: ["AC1"],
  steps: [
    { run: { args: ["--name", "Ada"] }, expect: [{ exitCode: 0 }, { stdoutContains: "Ada" }] },
  ],
};

describe("ScenarioConversation through an OpenAI-compatible server", () => {
  it("asks for a json_schema response without tools, retries a 429, and counts cached and reasoning tokens", async () => {
    server = await startOpenAiCompatibleServer([
      rateLimitedReply(),
      jsonReply(
        { scenarios: [greets] },
        { promptTokens: 3000, completionTokens: 400, cachedTokens: 2048, reasoningTokens: 120 },
      ),
    ]);
    const conversation = new ScenarioConversation({ model: localModel(server.baseUrl) });
    expect(await conversation.ask("Write 1 normal scenario.")).toEqual({ proposals: [greets] });
    expect(server.requests).toHaveLength(2);
    const body = server.requests[1]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      model: "qwen3:8b",
      messages: [
        { role: "system", content: expect.stringContaining("holdout suite") },
        { role: "user", content: "Write 1 normal scenario." },
      ],
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "scenarios",
          strict: false,
          schema: { type: "object", required: ["scenarios"] },
        },
      },
    });
    expect(body.tools).toBeUndefined();
    expect(conversation.usage).toEqual({
      inputTokens: 3000,
      cachedInputTokens: 2048,
      outputTokens: 400,
      reasoningTokens: 120,
      calls: 1,
    });
  });

  it("sends the earlier answer back with a follow-up", async () => {
    server = await startOpenAiCompatibleServer([
      textReply("not json"),
      jsonReply({ scenarios: [] }),
    ]);
    const conversation = new ScenarioConversation({ model: localModel(server.baseUrl) });
    expect(await conversation.ask("first")).toEqual({ unreadable: expect.any(String) });
    expect(await conversation.ask("again")).toEqual({ proposals: [] });
    expect(server.requests[1]?.body).toHaveProperty("messages", [
      expect.objectContaining({ role: "system" }),
      { role: "user", content: "first" },
      { role: "assistant", content: "not json" },
      { role: "user", content: "again" },
    ]);
    expect(conversation.usage.calls).toBe(2);
  });

  it("reports a server that keeps refusing as an io-error once the retries are spent", async () => {
    server = await startOpenAiCompatibleServer(() => rateLimitedReply());
    const conversation = new ScenarioConversation({
      model: localModel(server.baseUrl),
      maxRetries: 1,
    });
    await expect(conversation.ask("x")).rejects.toMatchObject({
      code: "io-error",
      message: expect.stringMatching(/^the language model did not answer: .*Rate limit reached/),
    });
    expect(server.requests).toHaveLength(2);
  });
});

describe("generateScenariosWithModel through an OpenAI-compatible server", () => {
  it("turns the server's answer into validated scenarios of the suite's kind", async () => {
    server = await startOpenAiCompatibleServer([
      jsonReply({
        scenarios: [
          greets,
          {
            ...greets,
            title: "Runs another program",
            steps: [{ run: { command: ["sh"], args: [] } }],
          },
        ],
      }),
      jsonReply({
        scenarios: [
          { ...greets, title: "Greets Grace", steps: [{ run: { args: ["--name", "Grace"] } }] },
        ],
      }),
    ]);
    const result = await generateScenariosWithModel({
      spec,
      header,
      model: localModel(server.baseUrl),
      wanted: { normal: 2, edge: 0, malicious: 0 },
      existing: [],
      focusCriteria: spec.criteria,
    });
    expect(result).toMatchObject({ proposed: 2, accepted: 1, repaired: 1, dropped: 0 });
    expect(result.scenarios.map((scenario) => [scenario.id, scenario.steps[0]])).toEqual([
      [
        "llm/normal/greets-ada",
        { run: { args: ["--name", "Ada"] }, expect: [{ exitCode: 0 }, { stdoutContains: "Ada" }] },
      ],
      ["llm/normal/greets-grace", { run: { args: ["--name", "Grace"] }, expect: [] }],
    ]);
    const repair = JSON.stringify(server.requests[1]?.body);
    expect(repair).toContain("steps[0].run.command: leave it out");
    expect(result.usage.calls).toBe(2);
  });
});
