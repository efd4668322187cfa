/**
 * `shopfloor lint`: the findings a person reads, the score against the profile's intake minimum, the
 * decision and its exit code; the parser's own errors for a spec that does not parse; and the review of
 * a configured model, reached over the OpenAI-compatible protocol (a local fake server).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LintReport } from "../../src/contracts/lint.js";
import { runInMemory } from "../support/memory-io.js";
import {
  jsonReply,
  type OpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from "../support/openai-compatible-server.js";

const root = join(import.meta.dirname, "../..");
const todoSpec = readFileSync(join(root, "examples/todo-api/spec.md"), "utf8");
const vagueSpec = readFileSync(
  join(root, "test/fixtures/requirements-corpus/vague-shop.md"),
  "utf8",
);
/** Four vague words and nothing else: 100 − 20 = 80. */
const eightyPoints = [
  "---",
  "name: notes",
  "kind: cli",
  "---",
  "",
  "# Notes",
  "",
  "A fast, robust, flexible and seamless command for notes.",
  "",
  "## Acceptance criteria",
  "",
  "- `notes add milk` prints `1` and exits 0.",
  "- An unknown option exits 2 with a message on stderr.",
].join("\n");

let server: OpenAiCompatibleServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("shopfloor lint", () => {
  it("passes a clear spec with exit 0, against the intake minimum of the spec's profile", async () => {
    const run = await runInMemory(["lint", "todo.md"], { "todo.md": todoSpec });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      "todo.md: no findings\n\nscore 100 / minimum 60 (profile admin)\ndecision: pass\n",
    );
    expect(run.stderr).toBe("");
  });

  it("prints a vague spec's findings by severity with their lines and suggestions, and exits 1", async () => {
    const run = await runInMemory(["lint", "specs/shop.md"], { "specs/shop.md": vagueSpec });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^specs\/shop\.md: 3 errors, \d+ warnings, 2 info$/m);
    expect(run.stdout).toContain(
      'specs/shop.md:9 warning vague-word "fast": "fast" cannot be checked: two people would read it differently  → state a time:',
    );
    expect(run.stdout).toContain('specs/shop.md:12 error model-contradiction "customer":');
    expect(run.stdout).toContain('specs/shop.md:28 warning unconstrained-field "notes":');
    const headings = ["errors", "warnings", "info"].map((heading) =>
      run.stdout.indexOf(`\n${heading}\n`),
    );
    expect(headings).toEqual([...headings].sort((left, right) => left - right));
    expect(headings.every((index) => index > 0)).toBe(true);
    expect(run.stdout).toMatch(
      /^score 0 \/ minimum 75 \(profile standard\)\ndecision: clarify\n$/m,
    );
  });

  it("decides against the minimum of the profile asked for: admin 60, standard 75, payments 85", async () => {
    const decisions: [string, number, string][] = [];
    for (const profile of ["admin", "standard", "payments"]) {
      const run = await runInMemory(["lint", "notes.md", "--profile", profile], {
        "notes.md": eightyPoints,
      });
      const minimum = /minimum (\d+)/.exec(run.stdout)?.[1] ?? "";
      decisions.push([profile, run.exitCode, minimum]);
    }
    expect(decisions).toEqual([
      ["admin", 0, "60"],
      ["standard", 0, "75"],
      ["payments", 1, "85"],
    ]);
  });

  it("reads the intake minimum of the config's own profiles", async () => {
    const config = [
      "defaultProfile: strict",
      "profiles:",
      "  strict: { extends: admin, intake: { minimumScore: 90 } }",
      "  cards: { extends: payments }",
      "  mine: { categories: { normal: { threshold: 0.9 } } }",
    ].join("\n");
    const files = { "notes.md": eightyPoints, "/project/shopfloor.config.yaml": config };
    const minimum = async (argv: string[]) =>
      /minimum (\d+) \(profile (\w+)\)/
        .exec((await runInMemory(["lint", "notes.md", ...argv], files)).stdout)
        ?.slice(1);
    expect(await minimum([])).toEqual(["90", "strict"]);
    expect(await minimum(["--profile", "cards"])).toEqual(["85", "cards"]);
    expect(await minimum(["--profile", "mine"])).toEqual(["75", "mine"]);
  });

  it("prints the report as one JSON object that matches the contract", async () => {
    const run = await runInMemory(["lint", "notes.md", "--json"], { "notes.md": eightyPoints });
    const report = LintReport.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({
      spec: "notes.md",
      score: 80,
      minimumScore: 60,
      decision: "pass",
    });
    expect(report.findings.map((finding) => finding.text)).toEqual([
      "fast",
      "robust",
      "flexible",
      "seamless",
    ]);
    expect(report.llm).toBeUndefined();
  });

  it("exits 2 with the parser's own errors for a spec that does not parse, and for an unknown profile", async () => {
    const broken = await runInMemory(["lint", "bad.md"], {
      "bad.md": "---\nname: Bad Name\nkind: cli\n---\n# Bad\n",
    });
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toContain('bad.md:2: field "frontMatter.name"');
    expect(broken.stdout).toBe("");
    const unknown = await runInMemory(["lint", "todo.md", "--profile", "strict"], {
      "todo.md": todoSpec,
    });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('unknown quality profile "strict"');
  });
});

describe("shopfloor lint with a model", () => {
  const configFor = (baseUrl: string) => ({
    "/project/shopfloor.config.yaml": `models:\n  lint: { provider: openai-compatible, model: reviewer, baseUrl: "${baseUrl}" }\n`,
  });

  it("adds the review of the model configured for lint, and counts what it dropped", async () => {
    server = await startOpenAiCompatibleServer([
      jsonReply({
        findings: [
          {
            line: 10,
            text: "change their priority or due date",
            severity: "warning",
            message: "nothing says who may change the priority",
            suggestion: "say which client may change it",
          },
          {
            line: 10,
            text: "words that are not in the spec",
            severity: "info",
            message: "m",
            suggestion: "s",
          },
        ],
      }),
    ]);
    const run = await runInMemory(["lint", "todo.md"], {
      "todo.md": todoSpec,
      ...configFor(server.baseUrl),
    });
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(server.requests[0]?.body)).toContain("10 | A small HTTP service");
    expect(run.stdout).toContain(
      'todo.md:10 warning llm-review "change their priority or due date":',
    );
    expect(run.stdout).toMatch(
      /^model review \(openai-compatible\/reviewer\): 1 findings kept, 1 dropped, \d+ tokens$/m,
    );
    expect(run.stdout).toContain("score 95 / minimum 60");
    expect(run.exitCode).toBe(0);
  });

  it("asks no model with --no-llm", async () => {
    server = await startOpenAiCompatibleServer([jsonReply({ findings: [] })]);
    const run = await runInMemory(["lint", "todo.md", "--no-llm"], {
      "todo.md": todoSpec,
      ...configFor(server.baseUrl),
    });
    expect(server.requests).toHaveLength(0);
    expect(run.stdout).not.toContain("model review");
  });
});
