/**
 * The factory writes its own tests, and they hold: for each example spec, `shopfloor scenarios generate`
 * stores a 100/50/30 suite in the holdout store, and `shopfloor test` runs it against the example build
 * written to the spec, in the sandbox, and approves it under the admin profile with every acceptance
 * criterion met. Against the deliberately faulty build, each fault alone is caught and never approved.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { parseJsonLines, TrialResult } from "../../src/contracts/index.js";
import { describeWithBubblewrap } from "../support/describe-with-bubblewrap.js";
import { runInMemory } from "../support/memory-io.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
// 180 sandboxed trials take a few seconds on two busy cores: more than vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });
let home: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-generated-"));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function shopfloor(argv: readonly string[], environment: Record<string, string> = {}) {
  return runInMemory([...argv, "--home", home], {}, "", root, environment);
}

async function generate(spec: string): Promise<string> {
  const run = await shopfloor(["scenarios", "generate", spec, "--seed", "7", "--json"]);
  expect(run.stderr).toBe("");
  expect(run.exitCode).toBe(0);
  const report = JSON.parse(run.stdout) as {
    reference: string;
    coverage: { id: string; scenarios: string[] }[];
  };
  expect(report.coverage.filter((criterion) => criterion.scenarios.length === 0)).toEqual([]);
  return report.reference;
}

function results(name: string): string {
  return join(home, `${name}.jsonl`);
}

function trialResults(path: string): TrialResult[] {
  return parseJsonLines(readFileSync(path, "utf8"), TrialResult, path);
}

const httpExamples = [
  { name: "todo-api", build: "examples/todo-api/build/server.mjs" },
  { name: "inventory-api", build: "examples/inventory-api/build/server.mjs" },
];

describeWithBubblewrap("generated suites against the example builds", () => {
  for (const example of httpExamples) {
    it(`approves the ${example.name} build under admin, every criterion met`, async () => {
      const reference = await generate(`examples/${example.name}/spec.md`);
      const run = await shopfloor([
        "test",
        reference,
        "--start",
        `node ${example.build}`,
        "--ready",
        "/health",
        "--results",
        results(example.name),
      ]);
      expect(run.stdout).toMatch(/^decision: approve$/m);
      expect(run.stdout).toMatch(/normal\s.*\b100\b/);
      expect(run.stdout).toMatch(/Acceptance criteria: \d+ criteria, \d+ met, 0 not met\n/);
      expect(run.exitCode).toBe(0);
    });
  }

  it("approves the tempconv cli build under admin, every criterion met", async () => {
    const reference = await generate("examples/tempconv/spec.md");
    const run = await shopfloor([
      "test",
      reference,
      "--build",
      "examples/tempconv/build",
      "--results",
      results("tempconv"),
    ]);
    expect(run.stdout).toMatch(/^decision: approve$/m);
    expect(run.stdout).toMatch(/Acceptance criteria: \d+ criteria, \d+ met, 0 not met\n/);
    expect(run.exitCode).toBe(0);
  });

  const faults = [
    { fault: "missing-validation", evidence: /expected status 400, got 201/ },
    { fault: "quote-crash", evidence: /got 500; body: .*SyntaxError: unterminated string literal/ },
    { fault: "wrong-status", evidence: /expected status 409, got 400; body: .*not enough stock/ },
  ];
  for (const { fault, evidence } of faults) {
    it(`catches the faulty inventory build's ${fault} and does not approve it`, async () => {
      const reference = await generate("examples/inventory-api/spec.md");
      const run = await shopfloor([
        "test",
        reference,
        "--start",
        `FAULTS=${fault} node examples/inventory-api/faulty-build/server.mjs`,
        "--ready",
        "/health",
        "--results",
        results(`faulty-${fault}`),
      ]);
      expect(run.stdout).not.toMatch(/^decision: approve$/m);
      expect(run.stdout).toMatch(/Acceptance criteria: .*[1-9]\d* not met/);
      expect([1, 3]).toContain(run.exitCode);
      const failures = trialResults(results(`faulty-${fault}`)).filter((trial) => !trial.pass);
      expect(failures.some((trial) => evidence.test(trial.error ?? ""))).toBe(true);
    });
  }
});
