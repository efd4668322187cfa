import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createTemporaryRepository,
  type TemporaryRepository,
} from "../../../test/fixtures/agents/temporary-repository.js";
import { AgentRun } from "../../contracts/agent-run.js";
import { loadSpec } from "../../requirements/load-spec.js";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import { TargetProcess } from "../../runners/target-process.js";
import type { Agent, AgentTask } from "../agent.js";
import { ScaffoldAgent } from "../scaffold/scaffold-agent.js";
import { commitWorkspace } from "../workspace/commit-workspace.js";
import { applyEdit } from "./fault-candidate.js";
import { FaultInjectingAgent } from "./fault-injecting-agent.js";
import {
  preloadedCommand,
  productionRegressionCandidate,
  productionRegressionDescription,
  productionRegressionModule,
  productionRegressionPreload,
} from "./production-regression.js";

vi.setConfig({ testTimeout: 60_000 });

const preload = "--require ./fault/production-regression.cjs";

describe("preloadedCommand", () => {
  it("adds the preload right after node, keeping the rest of the command", () => {
    expect(preloadedCommand("node server.js")).toBe(`node ${preload} server.js`);
    expect(preloadedCommand("node dist/server.js --verbose")).toBe(
      `node ${preload} dist/server.js --verbose`,
    );
    expect(preloadedCommand("exec node --enable-source-maps dist/server.js")).toBe(
      `exec node ${preload} --enable-source-maps dist/server.js`,
    );
    expect(preloadedCommand("NODE_ENV=production node server.js")).toBe(
      `NODE_ENV=production node ${preload} server.js`,
    );
  });

  it("gives nothing for a command not run by node, or one that already preloads the fault", () => {
    expect(preloadedCommand("npm start")).toBeUndefined();
    expect(preloadedCommand("nodemon server.js")).toBeUndefined();
    expect(preloadedCommand("python -m http.server")).toBeUndefined();
    expect(preloadedCommand(`node ${preload} server.js`)).toBeUndefined();
  });
});

describe("productionRegressionCandidate", () => {
  const manifest = `{\n  "name": "todo-api",\n  "scripts": {\n    "build": "tsc",\n    "start": "node dist/server.js"\n  }\n}\n`;

  it("edits only the start script's string, and adds the preload", () => {
    const candidate = productionRegressionCandidate(manifest);
    expect(candidate).toMatchObject({
      kind: "production-regression",
      file: "package.json",
      line: 5,
      description: productionRegressionDescription,
      addedFiles: [{ file: productionRegressionModule, text: productionRegressionPreload }],
    });
    const edited = applyEdit(manifest, candidate?.edit ?? { start: 0, end: 0, text: "" });
    expect(edited).toBe(
      manifest.replace('"node dist/server.js"', `"node ${preload} dist/server.js"`),
    );
    expect(JSON.parse(edited).scripts.start).toBe(`node ${preload} dist/server.js`);
  });

  it("gives nothing for a build that is not an http service run by node", () => {
    expect(productionRegressionCandidate('{ "name": "tool" }')).toBeUndefined();
    expect(productionRegressionCandidate('{ "scripts": { "start": 3 } }')).toBeUndefined();
    expect(productionRegressionCandidate('{ "scripts": { "start": "  " } }')).toBeUndefined();
    expect(productionRegressionCandidate('{ "scripts": { "start": "npm run serve" } }')).toBe(
      undefined,
    );
    expect(productionRegressionCandidate('{ "scripts": { "start": "node a.js" ')).toBeUndefined();
  });
});

interface Answer {
  status: number;
  body: string;
}

/** Starts `command` in `directory` with $PORT, sends `count` GETs to `path` once it is ready. */
async function answersOf(
  directory: string,
  command: string,
  env: Record<string, string>,
  path = "/health",
  count = 8,
): Promise<Answer[]> {
  const target = await TargetProcess.start({
    command,
    workDirectory: directory,
    sandbox: new NoSandbox(),
    readyPath: "/health",
    readyTimeoutMs: 15_000,
    env,
    now: () => performance.now(),
    sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
  });
  try {
    const answers: Answer[] = [];
    for (let index = 0; index < count; index++) {
      const response = await fetch(new URL(path, target.target.baseUrl));
      answers.push({ status: response.status, body: await response.text() });
    }
    return answers;
  } finally {
    await target.stop();
  }
}

const statuses = (answers: readonly Answer[]) => answers.map((answer) => answer.status);
/** The ready check took request 1 (which passes), so the requests counted here start at 2. */
const everySecondFails = [500, 200, 500, 200, 500, 200, 500, 200];
const noneFails = Array.from({ length: 8 }, () => 200);

describe("the preload, in a real process", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "shopfloor-production-regression-"));
    mkdirSync(join(folder, "fault"));
    writeFileSync(join(folder, productionRegressionModule), productionRegressionPreload);
    writeFileSync(
      join(folder, "server.js"),
      'require("node:http").createServer((request, response) => response.end("ok"))' +
        '.listen(Number(process.env.PORT), "127.0.0.1");\n',
    );
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const command = `node ${preload} server.js`;

  it("fails every second request of a release once its delay is up, with a JSON error", async () => {
    const env = { SHOPFLOOR_RELEASE: "todo-api-r1", SHOPFLOOR_FAULT_DELAY_MS: "0" };
    const answers = await answersOf(folder, command, env);
    expect(statuses(answers)).toEqual(everySecondFails);
    expect(JSON.parse(answers[0]?.body ?? "")).toEqual({
      error: "injected fault production-regression: every second request fails in production",
    });
    expect(answers[1]?.body).toBe("ok");
  });

  it("behaves as the build did outside a release: the trials cannot see it", async () => {
    const answers = await answersOf(folder, command, { SHOPFLOOR_FAULT_DELAY_MS: "0" });
    expect(statuses(answers)).toEqual(noneFails);
    expect(answers.every((answer) => answer.body === "ok")).toBe(true);
  });

  it("behaves as the build did until the release has been up for its delay", async () => {
    const env = { SHOPFLOOR_RELEASE: "todo-api-r1", SHOPFLOOR_FAULT_DELAY_MS: "600000" };
    expect(statuses(await answersOf(folder, command, env))).toEqual(noneFails);
  });
});

const root = fileURLToPath(new URL("../../..", import.meta.url));
const limits = { wallClockMs: 60_000 };

describe("the wrapper with production-regression", () => {
  let temporary: TemporaryRepository;
  let runCount = 0;
  beforeEach(() => {
    temporary = createTemporaryRepository();
  });
  afterEach(() => temporary.remove());

  async function runWrapped(inner: Agent, task: AgentTask) {
    runCount++;
    const workspace = await temporary.manager.create({ workItem: "w", run: `r${runCount}` });
    const agent = new FaultInjectingAgent({
      inner,
      probability: 1,
      seed: 1,
      kinds: ["production-regression"],
    });
    const run = await agent.run(task, workspace, limits, new AbortController().signal);
    return { run: AgentRun.parse(run), workspace };
  }

  it("puts it into a scaffold build of todo-api, which then fails only as a release", async () => {
    const specPath = join(root, "examples/todo-api/spec.md");
    const task: AgentTask = {
      workItem: "todo-api",
      spec: await loadSpec(specPath),
      specText: readFileSync(specPath, "utf8"),
      instructions: "Build the service the spec describes.",
      attempt: 1,
    };
    const inner = new ScaffoldAgent({ now: () => performance.now() });
    const { run, workspace } = await runWrapped(inner, task);
    const manifest = JSON.parse(readFileSync(join(workspace.path, "package.json"), "utf8"));
    expect(manifest.scripts.start).toBe(`node ${preload} dist/server.js`);
    const fault = run.injectedFaults[0];
    expect(run.injectedFaults).toEqual([
      {
        kind: "production-regression",
        file: "package.json",
        line: expect.any(Number),
        description: productionRegressionDescription,
      },
    ]);
    expect(run.summary).toContain(
      `Injected fault: production-regression at package.json:${fault?.line}: fails every second ` +
        "request in production, 2 s after it starts (SHOPFLOOR_RELEASE set): trials cannot see it.",
    );
    expect(run.filesChanged).toEqual(expect.arrayContaining([productionRegressionModule]));
    const subjects = temporary.git(["log", "--format=%s", "-2", run.commit ?? ""], workspace.path);
    expect(subjects.split("\n")[0]).toBe(
      `inject fault: production-regression in package.json:${fault?.line}`,
    );
    expect(temporary.git(["status", "--porcelain"], workspace.path)).toBe("");

    const release = { SHOPFLOOR_RELEASE: "todo-api-r1", SHOPFLOOR_FAULT_DELAY_MS: "0" };
    const asRelease = await answersOf(workspace.path, manifest.scripts.start, release, "/todos");
    expect(statuses(asRelease)).toEqual(everySecondFails);
    const inTrials = { SHOPFLOOR_FAULT_DELAY_MS: "0" };
    const asTrial = await answersOf(workspace.path, manifest.scripts.start, inTrials, "/todos");
    expect(statuses(asTrial)).toEqual(noneFails);
  });

  it("injects nothing into a build that is not an http service", async () => {
    const writer: Agent = {
      name: "writer",
      run: async (_task, workspace) => {
        const file = join(workspace.path, "src/tool.mjs");
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, "export const greeting = 'hello';\n");
        const committed = await commitWorkspace(workspace, "build");
        return AgentRun.parse({
          agent: "writer",
          status: "succeeded",
          summary: "Wrote the tool.",
          ...committed,
          turns: 1,
          tokens: { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 },
          durationMs: 1,
          transcript: join(workspace.artifactsFolder, "writer.jsonl"),
        });
      },
    };
    const task = { workItem: "w", attempt: 1, instructions: "" } as AgentTask;
    const { run, workspace } = await runWrapped(writer, task);
    expect(run.injectedFaults).toEqual([]);
    expect(run.summary).toBe(
      "Wrote the tool. No fault injected: no package.json whose scripts.start runs node " +
        "(for production-regression).",
    );
    expect(existsSync(join(workspace.path, productionRegressionModule))).toBe(false);
  });
});
