/**
 * Fakes of the line's ports, for tests: a trial executor that passes or fails scenarios by a rule and
 * records what it ran, and an instant agent that commits a small service and records its tasks. Both
 * implement the real ports, so the line cannot tell them from the real ones.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../../../src/agents/agent.js";
import { commitWorkspace } from "../../../src/agents/workspace/commit-workspace.js";
import { AgentRun, type AgentRunStatus, noAgentTokens } from "../../../src/contracts/agent-run.js";
import type { Scenario } from "../../../src/contracts/scenario.js";
import type { TrialResult } from "../../../src/contracts/trial-result.js";
import type {
  TrialExecution,
  TrialExecutor,
  TrialUsage,
} from "../../../src/line/trials/trial-executor.js";

export interface ExecutedTrials {
  build: string;
  scenarios: string[];
}

export class FakeTrialExecutor implements TrialExecutor {
  readonly runs: ExecutedTrials[] = [];
  readonly #passes: (scenario: Scenario, build: string) => boolean;
  readonly #cpuSeconds: number;
  /** Throws after this many results of a run have been delivered (a crash mid-run). */
  readonly #crashAfter: number | undefined;
  readonly #batchSize: number;

  constructor(
    options: {
      passes?: (scenario: Scenario, build: string) => boolean;
      cpuSecondsPerTrial?: number;
      crashAfter?: number;
      batchSize?: number;
    } = {},
  ) {
    this.#passes = options.passes ?? (() => true);
    this.#batchSize = options.batchSize ?? 20;
    this.#cpuSeconds = options.cpuSecondsPerTrial ?? 0;
    this.#crashAfter = options.crashAfter;
  }

  async run(execution: TrialExecution): Promise<TrialUsage> {
    const build = execution.build.id;
    this.runs.push({ build, scenarios: execution.scenarios.map((scenario) => scenario.id) });
    let delivered = 0;
    for (let start = 0; start < execution.scenarios.length; start += this.#batchSize) {
      execution.signal.throwIfAborted();
      if (this.#crashAfter !== undefined && delivered >= this.#crashAfter) {
        throw new Error(`the fake executor crashed after ${delivered} trials`);
      }
      const batch = execution.scenarios.slice(start, start + this.#batchSize).map(
        (scenario): TrialResult => ({
          scenario: scenario.id,
          category: scenario.category,
          pass: this.#passes(scenario, build),
          durationMs: 1,
          attempt: 1,
          ...(this.#passes(scenario, build) ? {} : { error: "expected status 400, got 201" }),
        }),
      );
      await execution.onResults(batch);
      delivered += batch.length;
    }
    const cpuSeconds = execution.scenarios.length * this.#cpuSeconds;
    return { cpuSeconds, wallSeconds: cpuSeconds };
  }
}

export interface InstantAgentOptions {
  name?: string;
  status?: AgentRunStatus | ((task: AgentTask) => AgentRunStatus);
  costMicroUsd?: number;
  /** Waits for this before it writes anything (to hold a build open in a test). */
  gate?: Promise<void>;
  /** What a failed run says about trying again. */
  retryable?: boolean;
}

/** Commits a package.json and a server file; records every task it was given. */
export class InstantAgent implements Agent {
  readonly name: string;
  readonly tasks: AgentTask[] = [];
  readonly #options: InstantAgentOptions;

  constructor(options: InstantAgentOptions = {}) {
    this.name = options.name ?? "instant";
    this.#options = options;
  }

  async run(
    task: AgentTask,
    workspace: Workspace,
    _limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun> {
    this.tasks.push(task);
    await this.#options.gate;
    signal.throwIfAborted();
    const status =
      typeof this.#options.status === "function"
        ? this.#options.status(task)
        : (this.#options.status ?? "succeeded");
    const transcript = join(workspace.artifactsFolder, `${this.name}-transcript.txt`);
    await mkdir(dirname(transcript), { recursive: true });
    await writeFile(transcript, `attempt ${task.attempt}: ${status}\n`);
    if (status !== "succeeded") {
      const failed = run(
        this.name,
        status,
        "The instant agent gave up.",
        transcript,
        [],
        undefined,
      );
      const { retryable } = this.#options;
      return retryable === undefined ? failed : { ...failed, retryable };
    }
    await writeFile(
      join(workspace.path, "package.json"),
      `${JSON.stringify({ scripts: { start: "node server.mjs" } }, null, 2)}\n`,
    );
    await writeFile(join(workspace.path, "server.mjs"), `// attempt ${task.attempt}\n`);
    const committed = await commitWorkspace(workspace, `instant build, attempt ${task.attempt}`);
    return {
      ...run(
        this.name,
        status,
        "Wrote the service.",
        transcript,
        committed.filesChanged,
        committed.commit,
      ),
      ...(this.#options.costMicroUsd === undefined
        ? {}
        : { reportedCostMicroUsd: this.#options.costMicroUsd }),
    };
  }
}

function run(
  agent: string,
  status: AgentRunStatus,
  summary: string,
  transcript: string,
  filesChanged: string[],
  commit: string | undefined,
): AgentRun {
  return AgentRun.parse({
    agent,
    status,
    summary,
    filesChanged,
    ...(commit === undefined ? {} : { commit }),
    turns: 1,
    tokens: noAgentTokens,
    durationMs: 1,
    transcript,
  });
}

/**
 * Writes a real service (a node http server answering 200 with its release's name); with `brokenWhile`
 * set, one that exits at start while that file exists (a setting production lacks, for a while).
 */
export class ServiceAgent implements Agent {
  readonly name = "service";
  brokenWhile: string | undefined;
  /** The start script left out of package.json: nothing says how to start the service. */
  withoutStartScript = false;
  readonly #inner = new InstantAgent({ name: "service" });

  async run(
    task: AgentTask,
    workspace: Workspace,
    limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun> {
    const server = [
      'import { existsSync } from "node:fs";',
      'import { createServer } from "node:http";',
      `if (existsSync(${JSON.stringify(this.brokenWhile ?? "")})) {`,
      '  console.error("cannot read my settings");',
      "  process.exit(3);",
      "}",
      "createServer((request, response) => {",
      '  response.writeHead(200, { "content-type": "application/json" });',
      "  response.end(JSON.stringify({ release: process.env.SHOPFLOOR_RELEASE }));",
      "}).listen(Number(process.env.PORT), process.env.HOST);",
      "",
    ].join("\n");
    // The instant agent writes package.json (`node server.mjs`) and commits; the server is ours.
    const result = await this.#inner.run(task, workspace, limits, signal);
    await writeFile(join(workspace.path, "server.mjs"), server);
    if (this.withoutStartScript) await writeFile(join(workspace.path, "package.json"), "{}\n");
    const committed = await commitWorkspace(workspace, "the service");
    return { ...result, commit: committed.commit ?? result.commit };
  }
}
