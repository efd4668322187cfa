import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { ShopfloorError } from "../../contracts/errors.js";
import { type Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { HttpServiceModel, type Spec, SpecFrontMatter } from "../../contracts/spec.js";
import { scenarioSchemaFor } from "../scenario-schema.js";
import {
  generateScenariosWithModel,
  type ModelScenarioRequest,
  planBatches,
} from "./generate-with-model.js";

type GenerateResult = Awaited<ReturnType<MockLanguageModelV3["doGenerate"]>>;

function answer(text: string): GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 1000, noCache: 200, cacheRead: 800, cacheWrite: 0 },
      outputTokens: { total: 300, text: 250, reasoning: 50 },
    },
    warnings: [],
  };
}

const scenariosAnswer = (scenarios: unknown[]) => answer(JSON.stringify({ scenarios }));

const spec: Spec = {
  source: "specs/todo.md",
  hash: "sha256:1",
  frontMatter: SpecFrontMatter.parse({ name: "todo", kind: "http-service" }),
  title: "Todo service",
  prose: [{ text: "A service that keeps a list of todos.", line: 5, section: "" }],
  criteria: [
    { id: "AC1", text: "Creating a todo returns it with an id", line: 12, examples: [] },
    { id: "AC2", text: "A missing todo answers 404", line: 13, examples: [] },
  ],
  model: {
    kind: "http-service",
    model: HttpServiceModel.parse({
      entities: { todo: { fields: { title: { type: "string", required: true, maxLength: 200 } } } },
    }),
  },
};
const header = SuiteHeader.parse({ name: "todo", version: "1", target: "http" });

const existing: Scenario = {
  id: "llm/normal/creates-a-todo",
  category: "normal",
  title: "Lists todos",
  tags: [],
  covers: ["AC1"],
  steps: [{ request: { method: "GET", path: "/todos" }, expect: [{ status: 200 }] }],
};

function proposal(title: string, changes: Record<string, unknown> = {}) {
  return {
    category: "normal",
    title,
    covers: ["AC1"],
    steps: [
      { request: { method: "POST", path: "/todos", json: { title } }, expect: [{ status: 201 }] },
    ],
    ...changes,
  };
}

function request(model: MockLanguageModelV3, changes: Partial<ModelScenarioRequest> = {}) {
  return {
    spec,
    header,
    model,
    wanted: { normal: 3, edge: 1, malicious: 0 },
    existing: [existing],
    focusCriteria: spec.criteria,
    ...changes,
  };
}

const text = (model: MockLanguageModelV3, call: number) =>
  JSON.stringify(model.doGenerateCalls[call]?.prompt);

describe("generateScenariosWithModel", () => {
  it("asks with the spec, the format, existing titles, the focus and the counts, for structured output", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [scenariosAnswer([proposal("Creates a todo")])],
    });
    await generateScenariosWithModel(request(model));
    const call = model.doGenerateCalls[0];
    expect(call?.responseFormat).toMatchObject({ type: "json", name: "scenarios" });
    expect(call?.tools).toBeUndefined();
    const prompt = text(model, 0);
    for (const part of [
      "holdout suite",
      "# The spec: Todo service",
      "- AC2: A missing todo answers 404",
      "maxLength: 200",
      "# The scenario format (a http suite)",
      "- Lists todos",
      "AC2 (no scenario yet)",
      "Write 3 normal, 1 edge scenarios",
      'write \\\\{{, in JSON \\"\\\\\\\\{{\\"',
    ]) {
      expect(prompt).toContain(part);
    }
  });

  it("validates every proposal, repairs the invalid ones once and counts what became of each", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        scenariosAnswer([
          proposal("Creates a todo"),
          proposal("Creates a todo with a long title", { covers: ["AC1", "AC7"] }),
          proposal("Updates a todo", { steps: [{ request: { method: "FETCH", path: "/todos" } }] }),
          proposal("Probes templates", {
            category: "edge",
            steps: [{ request: { method: "GET", path: "/{{ 7*7 }}" } }],
          }),
        ]),
        scenariosAnswer([
          proposal("Updates a todo", {
            steps: [{ request: { method: "PATCH", path: "/todos/1", json: {} } }],
          }),
          proposal("Probes templates", {
            category: "edge",
            steps: [{ request: { method: "GET", path: "/{{ 7*8 }}" } }],
          }),
        ]),
      ],
    });
    const result = await generateScenariosWithModel(request(model));
    expect(result).toMatchObject({ proposed: 4, accepted: 1, repaired: 2, dropped: 1 });
    expect(result.scenarios.map((scenario) => scenario.id)).toEqual([
      "llm/normal/creates-a-todo-2",
      "llm/normal/creates-a-todo-with-a-long-title",
      "llm/normal/updates-a-todo",
    ]);
    expect(result.scenarios[1]?.covers).toEqual(["AC1"]);
    expect(result.droppedReasons).toEqual([
      expect.stringMatching(
        /^"Probes templates": steps\[0\]\.request\.path: template "\{\{ 7\*8 \}\}"/,
      ),
    ]);
    const repair = text(model, 1);
    expect(repair).toContain("These 2 scenarios are invalid");
    expect(repair).toContain("steps[0].request.method: Invalid option");
    expect(model.doGenerateCalls[1]?.prompt.map((message) => message.role)).toEqual([
      "system",
      "user",
      "assistant",
      "user",
    ]);
    expect(result.usage).toEqual({
      inputTokens: 2000,
      cachedInputTokens: 1600,
      outputTokens: 600,
      reasoningTokens: 100,
      calls: 2,
    });
    for (const scenario of result.scenarios) {
      expect(scenarioSchemaFor(header).safeParse(scenario).success).toBe(true);
    }
  });

  it("drops what is still invalid without a repair round, and what the repair does not return", async () => {
    const broken = proposal("Broken", { steps: [] });
    const noRepair = new MockLanguageModelV3({ doGenerate: [scenariosAnswer([broken])] });
    const result = await generateScenariosWithModel(request(noRepair, { maximumRepairRounds: 0 }));
    expect(result).toMatchObject({
      proposed: 1,
      accepted: 0,
      repaired: 0,
      dropped: 1,
      scenarios: [],
    });
    expect(noRepair.doGenerateCalls).toHaveLength(1);
    const shortRepair = new MockLanguageModelV3({
      doGenerate: [scenariosAnswer([broken]), scenariosAnswer([])],
    });
    const repaired = await generateScenariosWithModel(request(shortRepair));
    expect(repaired.droppedReasons).toEqual([
      expect.stringMatching(/^"Broken": the repair did not return it; steps: /),
    ]);
  });

  it("refuses a repeated title and keeps no more than asked for per category", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        scenariosAnswer([
          proposal("lists TODOS"),
          proposal("One"),
          proposal("Two"),
          proposal("One"),
          proposal("Three"),
          proposal("Four"),
        ]),
        scenariosAnswer([proposal("Lists todos again"), proposal("one")]),
      ],
    });
    const result = await generateScenariosWithModel(request(model));
    expect(result.scenarios.map((scenario) => scenario.title)).toEqual([
      "Lists todos again",
      "One",
      "Two",
    ]);
    expect(result).toMatchObject({ proposed: 6, accepted: 2, repaired: 1, dropped: 3 });
    expect(result.droppedReasons).toEqual([
      '"one": title: "one" is the title of a scenario already written; write a different scenario',
      '"Three": more normal scenarios than the 3 asked for',
      '"Four": more normal scenarios than the 3 asked for',
    ]);
  });

  it("asks again once when the answer is not JSON, and salvages valid scenarios from a refused answer", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        answer("Here are your scenarios!"),
        answer(
          `\`\`\`json\n${JSON.stringify({ scenarios: [proposal("Creates a todo"), { title: 5 }] })}\n\`\`\``,
        ),
      ],
    });
    const result = await generateScenariosWithModel(request(model, { maximumRepairRounds: 1 }));
    expect(text(model, 1)).toContain("Your answer could not be read as the JSON asked for");
    expect(result).toMatchObject({ proposed: 2, accepted: 1, dropped: 1 });
    expect(result.usage.calls).toBe(2);

    const never = new MockLanguageModelV3({ doGenerate: [answer("no")] });
    const nothing = await generateScenariosWithModel(request(never, { maximumRepairRounds: 0 }));
    expect(nothing).toMatchObject({ proposed: 0, dropped: 0, scenarios: [] });
    expect(nothing.droppedReasons).toEqual([
      expect.stringMatching(/^the model's answer could not be read: /),
    ]);
  });

  it("asks in batches, each seeing the titles written before it", async () => {
    let call = 0;
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        call += 1;
        return scenariosAnswer([proposal(`Batch ${call} first`), proposal(`Batch ${call} second`)]);
      },
    });
    const result = await generateScenariosWithModel(
      request(model, { wanted: { normal: 3, edge: 0, malicious: 0 }, batchSize: 2 }),
    );
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(text(model, 0)).toContain("Write 2 normal scenarios");
    expect(text(model, 1)).toContain("Write 1 normal scenarios");
    expect(text(model, 1)).toContain("- Batch 1 second");
    expect(result.scenarios.map((scenario) => scenario.title)).toEqual([
      "Batch 1 first",
      "Batch 1 second",
      "Batch 2 first",
    ]);
    expect(result.dropped).toBe(1);
  });

  it("makes no call when nothing is wanted, and reports a failed call as an io-error", async () => {
    const idle = new MockLanguageModelV3({ doGenerate: [] });
    const none = await generateScenariosWithModel(
      request(idle, { wanted: { normal: 0, edge: 0, malicious: 0 } }),
    );
    expect(none).toMatchObject({ proposed: 0, scenarios: [], usage: { calls: 0 } });
    expect(idle.doGenerateCalls).toHaveLength(0);

    const failing = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error("connection refused");
      },
    });
    const error = await generateScenariosWithModel(request(failing, { maxRetries: 0 })).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(ShopfloorError);
    expect(error).toMatchObject({
      code: "io-error",
      message: "the language model did not answer: connection refused",
    });
  });
});

describe("planBatches", () => {
  it("splits the counts into batches of at most the size, categories in order", () => {
    expect(planBatches({ normal: 5, edge: 2, malicious: 4 }, 4)).toEqual([
      { normal: 4, edge: 0, malicious: 0 },
      { normal: 1, edge: 2, malicious: 1 },
      { normal: 0, edge: 0, malicious: 3 },
    ]);
    expect(planBatches({ normal: 0, edge: 0, malicious: 0 }, 20)).toEqual([]);
    expect(planBatches({ normal: 2, edge: 0, malicious: 0 }, 0)).toHaveLength(2);
  });
});
