/**
 * The session executor with builds that are not services: the tempconv example's command (a cli spec,
 * run as the model says from the build's folder) and a small library module (a function spec).
 */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type Scenario, type Suite, SuiteHeader } from "../../contracts/scenario.js";
import { LibraryModel, type Spec } from "../../contracts/spec.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { loadSpec } from "../../requirements/load-spec.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import { generateSuite } from "../../scenarios/generate/generate-suite.js";
import { SessionTrialExecutor } from "./session-trial-executor.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const executor = new SessionTrialExecutor({
  sandbox: new NoSandbox(),
  now: () => performance.now(),
});
const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function runAll(suite: Suite, scenarios: readonly Scenario[], spec: Spec, workspace: string) {
  const delivered: TrialResult[] = [];
  const usage = await executor.run({
    suite,
    scenarios,
    build: { id: `${spec.frontMatter.name}-000000.1.1`, spec, workspacePath: workspace },
    signal: new AbortController().signal,
    onResults: async (results) => {
      delivered.push(...results);
    },
  });
  return { delivered, usage };
}

describe("SessionTrialExecutor with other kinds of build", () => {
  it("runs the tempconv example's generated scenarios against its command", async () => {
    const spec = await loadSpec(join(root, "examples/tempconv/spec.md"));
    const generated = generateSuite(spec, {
      seed: 1,
      counts: { normal: 12, edge: 8, malicious: 6 },
    });
    // A stored suite whose header names another program: the spec's model says what the build runs.
    const header = {
      ...generated.header,
      defaults: { ...generated.header.defaults, command: ["false"] },
    };
    const suite: Suite = { header, scenarios: generated.scenarios, folder: "/nonexistent/suites" };
    const chosen = generated.scenarios.slice(0, 15);
    const { delivered, usage } = await runAll(
      suite,
      chosen,
      spec,
      join(root, "examples/tempconv/build"),
    );
    expect(delivered.map((result) => result.scenario).sort()).toEqual(
      chosen.map((item) => item.id).sort(),
    );
    expect(delivered.filter((result) => !result.pass)).toEqual([]);
    expect(usage.cpuSeconds).toBeGreaterThan(0);
  });

  it("runs a library build's module from its worktree", async () => {
    const workspace = await mkdtemp(join(tmpdir(), "shopfloor-library-"));
    folders.push(workspace);
    await chmod(workspace, 0o755);
    await writeFile(
      join(workspace, "index.mjs"),
      "export function double(value) { return value * 2; }\n",
    );
    const model = LibraryModel.parse({
      module: "./index.mjs",
      functions: { double: { parameters: [{ name: "value", type: "number" }] } },
    });
    const spec: Spec = {
      source: "double.md",
      hash: "h",
      frontMatter: { name: "double", kind: "library" },
      title: "double",
      prose: [],
      criteria: [],
      model: { kind: "library", model: model },
    };
    const scenarios: Scenario[] = [2, 5].map((value) => ({
      id: `double-${value}`,
      category: "normal",
      title: `double ${value}`,
      tags: [],
      steps: [{ call: { export: "double", args: [value] }, expect: [{ json: value * 2 }] }],
    }));
    const header = SuiteHeader.parse({ name: "double", version: "1", target: "function" });
    const suite: Suite = { header, scenarios, folder: "/nonexistent/suites" };
    const { delivered } = await runAll(suite, scenarios, spec, workspace);
    expect(delivered.map((result) => [result.scenario, result.pass])).toEqual(
      expect.arrayContaining([
        ["double-2", true],
        ["double-5", true],
      ]),
    );
    expect(delivered).toHaveLength(2);
  });
});
