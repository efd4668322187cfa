/**
 * Runs scenarios against a build the way `shopfloor test` does: they are written as a suite file, read
 * back by the real suite loader, and executed by the real step runners: a spec model's worked examples.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ModelExample, Spec } from "../../../src/contracts/spec.js";
import type { TrialResult } from "../../../src/contracts/trial-result.js";
import { CliStepRunner } from "../../../src/runners/cli/cli-step-runner.js";
import { HttpStepRunner } from "../../../src/runners/http/http-step-runner.js";
import { runSuite } from "../../../src/runners/run-suite.js";
import { NoSandbox } from "../../../src/runners/sandbox/no-sandbox.js";
import type { StepRunner } from "../../../src/runners/step-runner.js";
import { loadSuite } from "../../../src/scenarios/load-suite.js";

export type ScenarioTarget =
  | { kind: "http"; baseUrl: string }
  | { kind: "cli"; buildFolder: string; command: string[] };

/** Each worked example of the model as a scenario covering its criteria; one trial each. */
export function runModelExamples(
  spec: Spec,
  examples: readonly ModelExample[],
  target: ScenarioTarget,
): Promise<TrialResult[]> {
  const header = {
    name: `${spec.frontMatter.name}-examples`,
    version: "1",
    target: target.kind,
    ...(target.kind === "cli" ? { defaults: { command: target.command } } : {}),
    criteria: spec.criteria.map(({ id, text }) => ({ id, text })),
  };
  const scenarios = examples.map((example, index) => ({
    id: `example-${index + 1}`,
    category: example.category,
    title: example.title,
    covers: example.criteria,
    steps: example.steps,
  }));
  return runSuiteFile({ suite: header, scenarios }, target);
}

async function runSuiteFile(content: unknown, target: ScenarioTarget): Promise<TrialResult[]> {
  const folder = await mkdtemp(join(tmpdir(), "shopfloor-example-suite-"));
  const stepRunner = createRunner(target);
  try {
    const file = join(folder, "suite.json");
    await writeFile(file, JSON.stringify(content));
    const suite = await loadSuite(file);
    const summary = await runSuite({
      suite,
      stepRunner,
      concurrency: 4,
      runId: "examples",
      now: () => performance.now(),
    });
    return summary.results;
  } finally {
    await stepRunner.close();
    await rm(folder, { recursive: true, force: true });
  }
}

function createRunner(target: ScenarioTarget): StepRunner {
  const now = () => performance.now();
  if (target.kind === "http") {
    return new HttpStepRunner({
      target: { baseUrl: target.baseUrl },
      defaultHeaders: {},
      connections: 4,
      now,
    });
  }
  return new CliStepRunner({
    sandbox: new NoSandbox(),
    suiteFolder: target.buildFolder,
    defaultCommand: target.command,
    now,
  });
}
