/**
 * `shopfloor test` with llmJudge assertions: the judge is the model the config names, reached over the
 * OpenAI-compatible protocol (here a local fake server); without a model the suite is refused before
 * any trial runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runInMemory } from "../support/memory-io.js";
import {
  jsonReply,
  type OpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from "../support/openai-compatible-server.js";

let folder: string;
let server: OpenAiCompatibleServer | undefined;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-judge-"));
  writeFileSync(
    join(folder, "suite.yaml"),
    `suite: { name: greeting, version: 1, target: cli, defaults: { command: [echo] } }
scenarios:
  - id: normal/polite
    category: normal
    title: The greeting is polite
    steps:
      - run: { args: ["Good morning, dear user"] }
        expect: [{ exitCode: 0 }, { llmJudge: "the output is a polite greeting" }]
`,
  );
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function configFor(baseUrl: string): Record<string, string> {
  return {
    [join(folder, "shopfloor.config.yaml")]:
      `models:\n  judge: { provider: openai-compatible, model: judge-model, baseUrl: "${baseUrl}" }\n`,
  };
}

function normalCategory(stdout: string): { passed: number; failed: number } {
  const verdict = JSON.parse(stdout) as {
    categories: { category: string; passed: number; failed: number }[];
  };
  const normal = verdict.categories.find((category) => category.category === "normal");
  if (normal === undefined) throw new Error(`no normal category in ${stdout}`);
  return normal;
}

function test(files: Record<string, string>) {
  return runInMemory(
    ["test", "suite.yaml", "--no-sandbox", "--results", "results.jsonl", "--json"],
    files,
    "",
    folder,
  );
}

describe("shopfloor test with llmJudge assertions", () => {
  it("asks the configured model and passes the trial on its verdict", async () => {
    server = await startOpenAiCompatibleServer([
      jsonReply({ pass: true, reason: "it wishes a good morning" }),
    ]);
    const run = await test(configFor(server.baseUrl));
    expect(normalCategory(run.stdout)).toMatchObject({ passed: 1, failed: 0 });
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(server.requests[0]?.body)).toContain("Good morning, dear user");
  });

  it("fails the trial with the judge's reason", async () => {
    server = await startOpenAiCompatibleServer([jsonReply({ pass: false, reason: "it is curt" })]);
    const run = await test(configFor(server.baseUrl));
    expect(normalCategory(run.stdout)).toMatchObject({ passed: 0, failed: 1 });
    expect(run.stdout).toContain("it is curt");
  });

  it("refuses the suite before any trial when no model is configured", async () => {
    const run = await test({});
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("no model is configured to judge them: add models.judge");
  });
});
