import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { LintReport } from "../../contracts/lint.js";
import { parseSpec } from "../parse-spec.js";
import { lintSpec } from "./lint-spec.js";
import { lintSpecWithModel } from "./model-review.js";

type GenerateResult = Awaited<ReturnType<MockLanguageModelV3["doGenerate"]>>;

function answer(text: string): GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 900, noCache: 100, cacheRead: 800, cacheWrite: 0 },
      outputTokens: { total: 120, text: 100, reasoning: 20 },
    },
    warnings: [],
  };
}

const markdown = [
  "---",
  "name: todo",
  "kind: http-service",
  "---",
  "",
  "# Todo",
  "",
  "Todos are archived after the retention period. The page should be quick.", // 8
  "",
  "## Acceptance criteria",
  "",
  '- Creating a todo answers 201: `POST /todos {"title": "Milk"}` → 201.', // 12
  "- A title over 20 characters is refused with 400.",
].join("\n");

const finding = (line: number, text: string, severity = "warning") => ({
  line,
  text,
  severity,
  message: "the retention period is never given",
  suggestion: "say how long: 'after 30 days'",
});

async function lint(model?: MockLanguageModelV3, signal?: AbortSignal) {
  const spec = await parseSpec(markdown, "todo.md");
  return lintSpecWithModel(spec, markdown, {
    minimumScore: 75,
    ...(model === undefined ? {} : { model, maxRetries: 0 }),
    ...(signal === undefined ? {} : { signal }),
  });
}

describe("lintSpecWithModel", () => {
  it("is the deterministic lint when no model is given", async () => {
    const spec = await parseSpec(markdown, "todo.md");
    expect(await lint()).toEqual(lintSpec(spec, { minimumScore: 75, markdown }));
  });

  it("asks for structured output with the numbered spec, and keeps the valid findings", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        answer(
          JSON.stringify({
            findings: [
              finding(8, "retention period"),
              finding(8, "archived after the retention period forever"),
              finding(40, "retention period"),
            ],
          }),
        ),
      ],
    });
    const report = await lint(model);
    const call = model.doGenerateCalls[0];
    expect(call?.responseFormat).toMatchObject({ type: "json", name: "review" });
    expect(JSON.stringify(call?.prompt)).toContain(
      " 8 | Todos are archived after the retention period.",
    );
    expect(JSON.stringify(call?.prompt)).toContain("should");
    expect(LintReport.parse(report)).toEqual(report);
    expect(report.llm).toEqual({
      model: "mock-provider/mock-model-id",
      findings: 1,
      dropped: 2,
      usage: {
        inputTokens: 900,
        cachedInputTokens: 800,
        outputTokens: 120,
        reasoningTokens: 20,
        calls: 1,
      },
    });
    const reviewed = report.findings.filter((entry) => entry.rule === "llm-review");
    expect(reviewed).toEqual([
      {
        rule: "llm-review",
        severity: "warning",
        line: 8,
        text: "retention period",
        message: "the retention period is never given",
        suggestion: "say how long: 'after 30 days'",
      },
    ]);
    const deterministic = await lint();
    expect(report.score).toBe(deterministic.score - 5);
  });

  it("salvages the valid findings of an answer with one malformed finding", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        answer(JSON.stringify({ findings: [finding(8, "retention period"), { line: "eight" }] })),
      ],
    });
    const report = await lint(model);
    expect(report.llm).toMatchObject({ findings: 1, dropped: 1 });
  });

  it("counts an answer that is not JSON as one dropped, and keeps the rules' findings", async () => {
    const model = new MockLanguageModelV3({ doGenerate: [answer("I think the spec is fine.")] });
    const report = await lint(model);
    expect(report.llm).toMatchObject({ findings: 0, dropped: 1 });
    expect(report.findings).toEqual((await lint()).findings);
  });

  it("reports a model that does not answer, and keeps the deterministic report", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error("connection refused");
      },
    });
    const report = await lint(model);
    expect(report.llm?.error).toContain("connection refused");
    expect(report.llm?.findings).toBe(0);
    expect(report.score).toBe((await lint()).score);
  });

  it("throws when the caller aborts", async () => {
    const controller = new AbortController();
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        controller.abort();
        throw new Error("aborted");
      },
    });
    await expect(lint(model, controller.signal)).rejects.toThrow();
  });
});
