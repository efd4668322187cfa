/**
 * The line's own cost (issue 8): work items of the todo-api spec through the real stations, store,
 * queue and ledger on a database file, with a no-op trial executor (every scenario passes at once) and
 * an instant agent (writes one file and commits it). The holdout suite is generated once and frozen, so
 * no item pays for generation, under a profile that approves 20 passing scenarios on the first round.
 * Each part of the line is timed two ways (see PartClock): its own time on the main thread, and the
 * wall time during which at least one of its calls was running. The parts: the control plane (store
 * with its events, queue, ledger), artifacts, suites, git (the item's repository and worktrees, and the
 * agent's commit), and the rest (spec parsing, lint, gate, checks, and waiting on git's processes).
 * `BENCH=line npm run bench` runs only this section.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Agent, AgentTask, Workspace } from "../src/agents/agent.js";
import { commitWorkspace } from "../src/agents/workspace/commit-workspace.js";
import { packageRoot } from "../src/cli/package-root.js";
import { AgentRun, noAgentTokens } from "../src/contracts/agent-run.js";
import { Config } from "../src/contracts/config.js";
import type { TrialResult } from "../src/contracts/trial-result.js";
import { stationNames } from "../src/contracts/work-item.js";
import { FactoryLineSession } from "../src/line/factory-line-session.js";
import { openLineServices } from "../src/line/line-services.js";
import type {
  TrialExecution,
  TrialExecutor,
  TrialUsage,
} from "../src/line/trials/trial-executor.js";
import { loadSpec } from "../src/requirements/load-spec.js";
import { NoSandbox } from "../src/runners/sandbox/no-sandbox.js";
import { generateSuite } from "../src/scenarios/generate/generate-suite.js";
import { closeFactoryDatabase } from "../src/store/open-factory-database.js";
import { type Part, PartClock, parts } from "./line-clock.js";

type Print = (line: string) => void;

/** The target for the control plane's overhead per trial. */
const targetMsPerTrial = 1;

/**
 * `admin` with thresholds a flawless build clears on 20 scenarios (10 normal, 6 edge, 4 malicious
 * passing give lower bounds of 74%, 61% and 47% at 95%): every item is approved on its first round.
 */
const benchProfile = {
  extends: "admin",
  categories: {
    normal: { threshold: 0.7 },
    edge: { threshold: 0.5 },
    malicious: { threshold: 0.4 },
  },
};
const lineUp = { pattern: "single" as const, agent: { agent: "instant" } };

/** Every scenario passes, all delivered in one batch: the line's work without any trial's. */
class NoopTrialExecutor implements TrialExecutor {
  async run(execution: TrialExecution): Promise<TrialUsage> {
    const results = execution.scenarios.map(
      (scenario): TrialResult => ({
        scenario: scenario.id,
        category: scenario.category,
        pass: true,
        durationMs: 0,
        attempt: 1,
      }),
    );
    await execution.onResults(results);
    return { cpuSeconds: 0, wallSeconds: 0 };
  }
}

/** Writes one file and commits it, with a one-line transcript: the cheapest agent that builds. */
class InstantAgent implements Agent {
  readonly name = "instant";

  async run(task: AgentTask, workspace: Workspace): Promise<AgentRun> {
    const transcript = join(workspace.artifactsFolder, "transcript.txt");
    await mkdir(workspace.artifactsFolder, { recursive: true });
    await writeFile(transcript, `attempt ${task.attempt}\n`);
    await writeFile(join(workspace.path, "server.mjs"), `// ${task.workItem}\n`);
    const committed = await commitWorkspace(workspace, "instant build");
    return AgentRun.parse({
      agent: this.name,
      status: "succeeded",
      summary: "Wrote one file.",
      filesChanged: committed.filesChanged,
      commit: committed.commit,
      turns: 1,
      tokens: noAgentTokens,
      durationMs: 0,
      transcript,
    });
  }
}

interface Run {
  items: number;
  scenarios: number;
  /** Each item submitted and run to its end before the next, one job at a time: the parts add up. */
  oneAtATime: boolean;
}

interface Measure extends Run {
  milliseconds: number;
  submitMs: number;
  busy: Record<Part, number>;
  own: Record<Part, number>;
}

interface Bench {
  session: FactoryLineSession;
  clock: PartClock;
  submit(): Promise<unknown>;
  close(): Promise<void>;
}

/** A factory home whose spec asks for `run.scenarios` scenarios, its suite generated and frozen. */
async function openBench(run: Run): Promise<Bench> {
  const folder = mkdtempSync(join(tmpdir(), "shopfloor-bench-line-"));
  const specPath = join(folder, "spec.md");
  const edge = Math.round(run.scenarios * 0.3);
  const malicious = Math.round(run.scenarios * 0.2);
  const counts = { normal: run.scenarios - edge - malicious, edge, malicious };
  const todo = readFileSync(join(packageRoot(), "examples/todo-api/spec.md"), "utf8");
  const asked = `profile: admin\nscenarios: ${JSON.stringify(counts)}\n`;
  writeFileSync(specPath, todo.replace("profile: admin\n", asked));
  const oneJobEach = Object.fromEntries(stationNames.map((station) => [station, 1]));
  const clock = new PartClock();
  const agent = new InstantAgent();
  clock.watch("agent", agent);
  const { services } = await openLineServices({
    home: join(folder, "home"),
    config: Config.parse({
      line: run.oneAtATime ? { concurrency: oneJobEach } : {},
      // The line's own overhead up to the gate: deploys (real processes) are measured on their own.
      deploy: { enabled: false },
      profiles: { bench: benchProfile },
    }),
    environment: process.env,
    projectFolder: folder,
    sandbox: new NoSandbox(),
    trialExecutor: new NoopTrialExecutor(),
    createAgent: async () => agent,
  });
  const close = async () => {
    await closeFactoryDatabase(services.database);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const stored = await services.suites.save(
      generateSuite(await loadSpec(specPath), { seed: 1, counts }),
    );
    await services.suites.freeze(`${stored.name}@${stored.version}`);
    if (stored.scenarioCount !== run.scenarios) {
      throw new Error(
        `the bench suite has ${stored.scenarioCount} scenarios, not ${run.scenarios}`,
      );
    }
  } catch (error) {
    await close();
    throw error;
  }
  for (const part of ["store", "queue", "ledger", "artifacts", "suites"] as const) {
    clock.watch(part, services[part]);
  }
  clock.watch("git", services.repositories);
  const session = new FactoryLineSession(services, {
    projectFolder: folder,
    workerId: `bench:${process.pid}`,
  });
  const submit = () => session.submit({ specPath, profile: "bench", lineUp });
  return { session, clock, submit, close };
}

/** Runs one item first (modules loaded, statements prepared, git warm), then the measured ones. */
async function measure(run: Run): Promise<Measure> {
  const bench = await openBench(run);
  const approvedOf = (summary: { items: { state: string }[] }) =>
    summary.items.filter((item) => item.state === "approved").length;
  try {
    await bench.submit();
    await bench.session.run();
    let approved = 0;
    let submitMs = 0;
    if (!run.oneAtATime) {
      const submitStart = performance.now();
      for (let index = 0; index < run.items; index += 1) await bench.submit();
      submitMs = performance.now() - submitStart;
    }
    bench.clock.start();
    const start = performance.now();
    if (run.oneAtATime) {
      for (let index = 0; index < run.items; index += 1) {
        await bench.submit();
        approved += approvedOf(await bench.session.run());
      }
    } else {
      approved = approvedOf(await bench.session.run());
    }
    const milliseconds = performance.now() - start;
    bench.clock.stop();
    if (approved !== run.items) {
      throw new Error(`only ${approved} of ${run.items} bench items were approved`);
    }
    const { busy, own } = bench.clock;
    return { ...run, milliseconds, submitMs, busy: { ...busy }, own: { ...own } };
  } finally {
    await bench.close();
  }
}

const figure = (milliseconds: number) =>
  milliseconds >= 100 ? milliseconds.toFixed(0) : milliseconds.toPrecision(2);

export async function runLineBenchmark(print: Print): Promise<void> {
  print("");
  print("the line: no-op trial executor, instant agent (one file, one commit), frozen suite");
  const runs = [
    await measure({ items: 40, scenarios: 20, oneAtATime: true }),
    await measure({ items: 10, scenarios: 200, oneAtATime: true }),
    await measure({ items: 500, scenarios: 20, oneAtATime: false }),
  ];
  for (const run of runs) {
    const trials = run.items * run.scenarios;
    const controlPlane = (clock: Record<Part, number>) =>
      figure((clock.store + clock.queue + clock.ledger) / trials);
    const how = run.oneAtATime ? "one at a time" : "at the default concurrency";
    print(
      `${run.items} items × ${run.scenarios} scenarios, ${how}: ${seconds(run.milliseconds)}, ${figure(run.milliseconds / run.items)} ms/item, ` +
        `${figure(run.milliseconds / trials)} ms/trial; control plane (store, queue, ledger) ` +
        `${controlPlane(run.own)} ms/trial of its own time (target < ${targetMsPerTrial} ms), ` +
        `${controlPlane(run.busy)} ms/trial busy`,
    );
    print(`  own ms/item: ${breakdown(run, run.own)}`);
    print(`  busy ms/item${run.oneAtATime ? "" : ", overlapping"}: ${breakdown(run, run.busy)}`);
    if (run.submitMs > 0) print(`  submitting the items first: ${seconds(run.submitMs)}`);
  }
  const [small, large] = runs;
  if (small !== undefined && large !== undefined) {
    const perItem = (measure: Measure) => measure.milliseconds / measure.items;
    const marginal = (perItem(large) - perItem(small)) / (large.scenarios - small.scenarios);
    print(`one more scenario in the suite adds ${figure(marginal)} ms to an item`);
  }
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

/** Per part, ms per item; one at a time, also the rest of the wall time (other code, waiting). */
function breakdown(measure: Measure, clock: Record<Part, number>): string {
  const { items } = measure;
  const each = parts.map(
    (part) => `${part === "agent" ? "agent commit" : part} ${figure(clock[part] / items)}`,
  );
  if (!measure.oneAtATime) return each.join(", ");
  const known = parts.reduce((sum, part) => sum + clock[part], 0);
  const rest = Math.max(measure.milliseconds - known, 0) / items;
  return `${each.join(", ")}, the rest ${figure(rest)}`;
}
