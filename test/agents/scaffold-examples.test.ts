/**
 * The scaffold agent end to end on the example specs: run in a real worktree, its service started with
 * `node dist/server.js` (unsandboxed for speed, and once in the bubblewrap sandbox), its spec's full
 * generated suite (seed 1, 100/50/30) run against it, and the gate's verdict under the admin profile.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ScaffoldAgent } from "../../src/agents/scaffold/scaffold-agent.js";
import { defaultConfig } from "../../src/contracts/config.js";
import type { Spec } from "../../src/contracts/spec.js";
import { evaluateGate, resolveProfile } from "../../src/gate/index.js";
import { loadSpec } from "../../src/requirements/index.js";
import { BubblewrapSandbox } from "../../src/runners/sandbox/bubblewrap-sandbox.js";
import { NoSandbox } from "../../src/runners/sandbox/no-sandbox.js";
import type { Sandbox } from "../../src/runners/sandbox/sandbox.js";
import { runTrialSession } from "../../src/runners/trial-session.js";
import { generateSuite } from "../../src/scenarios/generate/generate-suite.js";
import { createTemporaryRepository } from "../fixtures/agents/temporary-repository.js";
import { describeWithBubblewrap } from "../support/describe-with-bubblewrap.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const repository = createTemporaryRepository();
afterAll(() => repository.remove());

/** The scaffold's build of the spec, in a worktree of its own: its folder. */
async function scaffold(spec: Spec, run: string): Promise<string> {
  const workspace = await repository.manager.create({ workItem: spec.frontMatter.name, run });
  const agentRun = await new ScaffoldAgent({ now: () => performance.now() }).run(
    {
      workItem: spec.frontMatter.name,
      spec,
      specText: "",
      instructions: "Build the service the spec describes.",
      attempt: 1,
    },
    workspace,
    { wallClockMs: 60_000 },
    new AbortController().signal,
  );
  expect(agentRun.status, agentRun.summary).toBe("succeeded");
  return workspace.path;
}

/** The spec's generated suite against the build, and the gate's verdict under `admin`. */
async function trial(spec: Spec, build: string, sandbox: Sandbox) {
  const generated = generateSuite(spec, {
    seed: 1,
    counts: { normal: 100, edge: 50, malicious: 30 },
  });
  const session = await runTrialSession({
    suite: { header: generated.header, scenarios: generated.scenarios, folder: build },
    sandbox,
    target: {
      kind: "start",
      command: "node dist/server.js",
      readyPath: spec.model?.kind === "http-service" ? spec.model.model.http.health : "/",
      readyTimeoutMs: 15_000,
      workDirectory: build,
      readOnlyPaths: [build],
    },
    runId: "scaffold",
    now: () => performance.now(),
  });
  const failures = session.summary.results
    .filter((result) => !result.pass)
    .map((result) => `${result.scenario}: ${result.error ?? ""}`);
  const verdict = evaluateGate(session.summary.results, resolveProfile("admin", defaultConfig));
  return { results: session.summary.results, failures, verdict, exit: session.unexpectedExit };
}

describe("the scaffolded example services", { timeout: 120_000 }, () => {
  for (const name of ["todo-api", "inventory-api"]) {
    it(`${name}: passes its full generated suite and the gate approves it`, async () => {
      const spec = await loadSpec(join(root, `examples/${name}/spec.md`));
      const build = await scaffold(spec, "unsandboxed");
      const outcome = await trial(spec, build, new NoSandbox());
      expect(outcome.results).toHaveLength(180);
      expect(outcome.failures).toEqual([]);
      expect(outcome.exit).toBeUndefined();
      expect(outcome.verdict.decision).toBe("approve");
    });
  }
});

describeWithBubblewrap("the scaffolded inventory service in the sandbox", () => {
  it("passes its full generated suite and the gate approves it", { timeout: 180_000 }, async () => {
    const spec = await loadSpec(join(root, "examples/inventory-api/spec.md"));
    const build = await scaffold(spec, "sandboxed");
    const outcome = await trial(spec, build, new BubblewrapSandbox());
    expect(outcome.failures).toEqual([]);
    expect(outcome.verdict.decision).toBe("approve");
  });
});
