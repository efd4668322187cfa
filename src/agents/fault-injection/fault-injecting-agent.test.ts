import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../../../test/fixtures/agents/temporary-repository.js";
import { AgentRun, noAgentTokens } from "../../contracts/agent-run.js";
import type { Spec } from "../../contracts/spec.js";
import type { Agent, AgentTask, Workspace } from "../agent.js";
import { commitWorkspace } from "../workspace/commit-workspace.js";
import { FaultInjectingAgent, scrambleSeed } from "./fault-injecting-agent.js";
import { syntaxErrors } from "./source-syntax.js";

const server = [
  "export function create(response, body) {",
  "  if (body.quantity < 1) {",
  '    return send(response, 400, { error: "quantity must be at least 1" });',
  "  }",
  "  return send(response, 201, body);",
  "}",
  "",
].join("\n");

/** An inner agent that writes the given files, commits them and records its calls. */
class WritingAgent implements Agent {
  readonly name = "writer";
  readonly calls: string[] = [];
  constructor(
    private readonly files: Record<string, string>,
    private readonly status: AgentRun["status"] = "succeeded",
  ) {}

  async run(task: AgentTask, workspace: Workspace): Promise<AgentRun> {
    this.calls.push(task.workItem);
    for (const [file, text] of Object.entries(this.files)) {
      mkdirSync(dirname(join(workspace.path, file)), { recursive: true });
      writeFileSync(join(workspace.path, file), text);
    }
    const committed = await commitWorkspace(workspace, "build");
    return {
      agent: this.name,
      status: this.status,
      summary: "Wrote the service.",
      ...(committed.commit ? { commit: committed.commit } : {}),
      filesChanged: committed.filesChanged,
      turns: 1,
      tokens: noAgentTokens,
      durationMs: 1000,
      transcript: join(workspace.artifactsFolder, "writer-transcript.jsonl"),
      injectedFaults: [],
    };
  }
}

const task: AgentTask = {
  workItem: "w",
  spec: {} as Spec,
  specText: "",
  instructions: "build it",
  attempt: 1,
};
const limits = { wallClockMs: 60_000 };

let temporary: TemporaryRepository;
let runCount = 0;
beforeEach(() => {
  temporary = createTemporaryRepository();
});
afterEach(() => temporary.remove());

async function runWrapped(agent: Agent): Promise<{ run: AgentRun; workspace: Workspace }> {
  runCount++;
  const workspace = await temporary.manager.create({ workItem: "w", run: `r${runCount}` });
  const run = await agent.run(task, workspace, limits, new AbortController().signal);
  return { run: AgentRun.parse(run), workspace };
}

function clock(...times: number[]): () => number {
  return () => times.shift() ?? 0;
}

describe("FaultInjectingAgent", () => {
  it("injects one labelled fault, committed on its own after the inner agent's commit", async () => {
    const inner = new WritingAgent({ "src/server.mjs": server });
    const agent = new FaultInjectingAgent({
      inner,
      probability: 1,
      seed: 1,
      kinds: ["drop-validation"],
      now: clock(10, 35),
    });
    expect(agent.name).toBe("writer+faults");
    const { run, workspace } = await runWrapped(agent);
    const fault = {
      kind: "drop-validation",
      file: "src/server.mjs",
      line: 2,
      description:
        'removed the guard "if (body.quantity < 1)" that refused with "return send(response, 400, { error: "quantity mus…"',
    };
    expect(run).toMatchObject({
      agent: "writer+faults",
      status: "succeeded",
      filesChanged: ["src/server.mjs"],
      injectedFaults: [fault],
      durationMs: 1025,
    });
    expect(run.summary).toBe(
      `Wrote the service. Injected fault: drop-validation at src/server.mjs:2: ${fault.description}.`,
    );
    const mutated = readFileSync(join(workspace.path, "src/server.mjs"), "utf8");
    expect(mutated).not.toContain("quantity < 1");
    expect(syntaxErrors("server.mjs", mutated)).toEqual([]);
    expect(temporary.git(["log", "--format=%s", "-2", run.commit ?? ""], workspace.path)).toBe(
      "inject fault: drop-validation in src/server.mjs:2\nbuild\n",
    );
    expect(temporary.git(["status", "--porcelain"], workspace.path)).toBe("");
  });

  it("leaves the build untouched with probability 0", async () => {
    const agent = new FaultInjectingAgent({
      inner: new WritingAgent({ "server.mjs": server }),
      probability: 0,
      seed: 1,
    });
    const { run, workspace } = await runWrapped(agent);
    expect(run.injectedFaults).toEqual([]);
    expect(run.summary).toBe("Wrote the service. No fault injected (drawn with probability 0).");
    expect(readFileSync(join(workspace.path, "server.mjs"), "utf8")).toBe(server);
    expect(temporary.git(["rev-parse", "HEAD"], workspace.path).trim()).toBe(run.commit);
    expect(temporary.git(["log", "--format=%s", "-1"], workspace.path)).toBe("build\n");
  });

  it("says so when the code has no site for the kinds asked for", async () => {
    const agent = new FaultInjectingAgent({
      inner: new WritingAgent({ "server.mjs": "export const greeting = 'hello';\n" }),
      probability: 1,
      seed: 1,
    });
    const { run } = await runWrapped(agent);
    expect(run.injectedFaults).toEqual([]);
    expect(run.summary).toBe(
      "Wrote the service. No fault injected: no drop-validation, flip-comparison, " +
        "break-error-path, off-by-one site in the 1 source file(s) the run changed.",
    );
  });

  it("injects nothing into a run that did not succeed", async () => {
    const agent = new FaultInjectingAgent({
      inner: new WritingAgent({ "server.mjs": server }, "timed-out"),
      probability: 1,
      seed: 1,
    });
    const { run } = await runWrapped(agent);
    expect(run).toMatchObject({ status: "timed-out", injectedFaults: [] });
    expect(run.summary).toContain("No fault injected: the inner run did not succeed.");
  });

  it("mutates a TypeScript source and compiles its compiled file again from it", async () => {
    const source = server.replace("(response, body)", "(response: Response, body: Body)");
    const compiled = "export function create(response, body) {}\n";
    const agent = new FaultInjectingAgent({
      inner: new WritingAgent({ "src/server.ts": source, "dist/server.js": compiled }),
      probability: 1,
      seed: 1,
      kinds: ["flip-comparison"],
    });
    const { run, workspace } = await runWrapped(agent);
    expect(run.injectedFaults).toEqual([
      {
        kind: "flip-comparison",
        file: "src/server.ts",
        line: 2,
        description:
          'flipped "body.quantity < 1" to "body.quantity <= 1" (dist/server.js compiled again from it)',
      },
    ]);
    expect(readFileSync(join(workspace.path, "src/server.ts"), "utf8")).toContain(
      "(response: Response, body: Body) {\n  if (body.quantity <= 1) {",
    );
    const output = readFileSync(join(workspace.path, "dist/server.js"), "utf8");
    expect(output).toContain(
      "export function create(response, body) {\n    if (body.quantity <= 1) {",
    );
    expect(run.filesChanged).toEqual(["dist/server.js", "src/server.ts"]);
  });

  it("draws the same faults from the same seed, run after run", async () => {
    const faultsOf = async (seed: number) => {
      const agent = new FaultInjectingAgent({
        inner: new WritingAgent({ "server.mjs": server }),
        probability: 0.5,
        seed,
      });
      const runs = [];
      for (let index = 0; index < 4; index++) runs.push((await runWrapped(agent)).run);
      return runs.map((run) => run.injectedFaults[0]?.description ?? "none");
    };
    const first = await faultsOf(7);
    expect(await faultsOf(7)).toEqual(first);
    expect(first).toContain("none");
    expect(first.some((description) => description !== "none")).toBe(true);
  });

  it("injects nothing once the run is cancelled", async () => {
    const controller = new AbortController();
    const inner = new WritingAgent({ "server.mjs": server });
    const cancelling: Agent = {
      name: "cancelling",
      run: async (cancelledTask, cancelledWorkspace) => {
        const run = await inner.run(cancelledTask, cancelledWorkspace);
        controller.abort();
        return run;
      },
    };
    runCount++;
    const workspace = await temporary.manager.create({ workItem: "w", run: `r${runCount}` });
    const agent = new FaultInjectingAgent({ inner: cancelling, probability: 1, seed: 1 });
    const run = await agent.run(task, workspace, limits, controller.signal);
    expect(run.injectedFaults).toEqual([]);
    expect(run.summary).toBe("Wrote the service. No fault injected: the run was cancelled.");
    expect(readFileSync(join(workspace.path, "server.mjs"), "utf8")).toBe(server);
  });

  it("reports a failed run, not an exception, when the fault cannot be committed", async () => {
    const folder = join(temporary.root, "not-a-worktree");
    mkdirSync(folder);
    const workspace: Workspace = {
      path: folder,
      branch: "none",
      baseCommit: "0".repeat(40),
      artifactsFolder: folder,
    };
    const inner: Agent = {
      name: "plain",
      run: async () => {
        writeFileSync(join(folder, "server.mjs"), server);
        return {
          agent: "plain",
          status: "succeeded",
          summary: "Wrote the service.",
          filesChanged: ["server.mjs"],
          turns: 1,
          tokens: noAgentTokens,
          durationMs: 5,
          transcript: join(folder, "plain-transcript.jsonl"),
          injectedFaults: [],
        };
      },
    };
    const agent = new FaultInjectingAgent({ inner, probability: 1, seed: 1 });
    const run = AgentRun.parse(
      await agent.run(task, workspace, limits, new AbortController().signal),
    );
    expect(run.status).toBe("failed");
    expect(run.summary).toMatch(/^Wrote the service\. Fault injection failed: /);
    expect(run.injectedFaults).toEqual([]);
  });

  it("refuses a probability outside 0..1 and an unknown or empty list of kinds", () => {
    const inner = new WritingAgent({});
    expect(() => new FaultInjectingAgent({ inner, probability: 1.5, seed: 1 })).toThrow(
      "probability must be between 0 and 1 inclusive, got 1.5",
    );
    expect(() => new FaultInjectingAgent({ inner, probability: 1, seed: 1, kinds: [] })).toThrow(
      "kinds must be one or more of drop-validation, flip-comparison, break-error-path, off-by-one, " +
        "production-regression, got none",
    );
    const kinds = ["typo"] as unknown as ["off-by-one"];
    expect(() => new FaultInjectingAgent({ inner, probability: 1, seed: 1, kinds })).toThrow(
      /got typo/,
    );
  });
});

describe("scrambleSeed", () => {
  it("maps nearby seeds to far-apart ones, never two to the same", () => {
    const seeds = Array.from({ length: 1000 }, (_, index) => index);
    const scrambled = seeds.map(scrambleSeed);
    expect(new Set(scrambled).size).toBe(1000);
    expect(scrambled.every((value) => Number.isInteger(value) && Math.abs(value) < 2 ** 31)).toBe(
      true,
    );
    expect(Math.abs(scrambleSeed(2) - scrambleSeed(1))).toBeGreaterThan(2 ** 20);
    expect(scrambleSeed(0)).toBe(0);
  });
});
