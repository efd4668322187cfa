import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type LineFixture, lineFixture } from "../../../test/line/support/line-fixture.js";
import { todoSpec } from "../../../test/line/support/line-home.js";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../../agents/agent.js";
import { commitWorkspace } from "../../agents/workspace/commit-workspace.js";
import { type AgentRun, noAgentTokens } from "../../contracts/agent-run.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import type { TrialExecution, TrialExecutor, TrialUsage } from "../trials/trial-executor.js";
import { type CalibrationProgress, calibrateWorkItem } from "./calibrate-work-item.js";

/** The suite (in the fake executor) checks `checkTitle` (lines 1-5) and never `pageSize` (7-10). */
const server = [
  "export function checkTitle(title) {",
  '  if (typeof title !== "string") return "title must be text";',
  '  if (title.length > 200) return "title too long";',
  "  return undefined;",
  "}",
  "",
  "export function pageSize(limit) {",
  "  if (limit < 1) return 1;",
  "  return limit > 100 ? 100 : limit;",
  "}",
  "",
].join("\n");
const checkedLines = 5;

// Each mutant is a worktree, two commits and a parse of the source: about half a second.
vi.setConfig({ testTimeout: 60_000 });

/** Commits the service above. */
class ServiceAgent implements Agent {
  readonly name = "service";

  async run(
    _task: AgentTask,
    workspace: Workspace,
    _limits: AgentLimits,
    _signal: AbortSignal,
  ): Promise<AgentRun> {
    await writeFile(join(workspace.path, "server.mjs"), server);
    const committed = await commitWorkspace(workspace, "the service");
    const transcript = join(workspace.artifactsFolder, "service.txt");
    await mkdir(dirname(transcript), { recursive: true });
    await writeFile(transcript, "wrote server.mjs\n");
    return {
      agent: this.name,
      status: "succeeded",
      summary: "Wrote the service.",
      ...(committed.commit === undefined ? {} : { commit: committed.commit }),
      filesChanged: committed.filesChanged,
      turns: 1,
      tokens: noAgentTokens,
      durationMs: 1,
      transcript,
      injectedFaults: [],
    };
  }
}

/** Fails every edge scenario when `checkTitle` is not as written; records each build's worktree. */
class CheckingExecutor implements TrialExecutor {
  readonly runs: { build: string; workspacePath: string }[] = [];
  stopAfterFirstBatch: AbortController | undefined;

  async run(execution: TrialExecution): Promise<TrialUsage> {
    const { workspacePath, id } = execution.build;
    this.runs.push({ build: id, workspacePath });
    const text = readFileSync(join(workspacePath, "server.mjs"), "utf8");
    const intact =
      text.split("\n").slice(0, checkedLines).join("\n") ===
      server.split("\n").slice(0, checkedLines).join("\n");
    const results = execution.scenarios.map(
      (scenario): TrialResult => ({
        scenario: scenario.id,
        category: scenario.category,
        pass: intact || scenario.category !== "edge",
        durationMs: 1,
        attempt: 1,
      }),
    );
    for (let start = 0; start < results.length; start += 50) {
      execution.signal.throwIfAborted();
      await execution.onResults(results.slice(start, start + 50));
      this.stopAfterFirstBatch?.abort(new Error("stopped by the test"));
    }
    return { cpuSeconds: results.length * 0.2, wallSeconds: 1 };
  }
}

let fixture: LineFixture;
afterEach(() => fixture.remove());

async function approvedItem(executor: CheckingExecutor) {
  fixture = await lineFixture({ agent: new ServiceAgent(), trialExecutor: executor });
  const item = await fixture.session.submit({ specPath: todoSpec });
  for (const station of ["intake", "build", "scenarios", "trials", "gate"] as const) {
    await fixture.runNext(station);
  }
  const approved = await fixture.services.store.workItem(item.id);
  expect(approved?.state).toBe("approved");
  return approved ?? item;
}

describe("calibrateWorkItem", () => {
  it("judges mutants of the approved build and reports the share of faults caught", async () => {
    const executor = new CheckingExecutor();
    const item = await approvedItem(executor);
    const progress: CalibrationProgress[] = [];
    const result = await calibrateWorkItem(fixture.services, {
      workItem: item.id.slice(0, 12),
      mutants: 8,
      onProgress: (each) => progress.push(each),
    });
    const { report } = result;
    expect(report).toMatchObject({
      workItem: item.id,
      build: `${item.id}.1.1`,
      suite: item.suite,
      profile: "admin",
      seed: 1,
      mutants: 8,
      injected: 8,
      notInjected: [],
    });
    // Caught exactly when the fault is in the code the suite checks.
    for (const outcome of report.outcomes) {
      if (!outcome.injected) throw new Error(`mutant ${outcome.mutant} got no fault`);
      expect(outcome.fault.file).toBe("server.mjs");
      expect(outcome.caught).toBe(outcome.fault.line <= checkedLines);
      expect(outcome.decision).toBe(outcome.caught ? "regenerate" : "approve");
    }
    expect(report.caught).toBeGreaterThan(0);
    expect(report.misses.length).toBe(8 - report.caught);
    expect(report.misses.length).toBeGreaterThan(0);
    expect(report.share).toBe(report.caught / 8);
    expect(report.interval.lower).toBeLessThan(report.share ?? 0);
    expect(report.interval.upper).toBeGreaterThan(report.share ?? 1);
    expect(report.outcomes.map((outcome) => outcome.seed)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);

    // Each mutant ran the whole suite in its own worktree, removed after; its branch stays.
    const mutantRuns = executor.runs.slice(1);
    expect(mutantRuns.map((run) => run.build)).toEqual(
      report.outcomes.map((outcome) => `${item.id}.1.1.mutant-${outcome.seed}`),
    );
    for (const run of mutantRuns) expect(existsSync(run.workspacePath)).toBe(false);
    expect(existsSync(join(fixture.home, "worktrees", item.id))).toBe(false);
    const repository = fixture.services.repositories.repositoryPath(item.id);
    const [first] = report.outcomes;
    const branchHead = execFileSync("git", ["rev-parse", first?.branch ?? ""], {
      cwd: repository,
      encoding: "utf8",
    }).trim();
    expect(branchHead).toBe(first?.commit);

    // Stored, announced and charged.
    expect(JSON.parse(await fixture.services.artifacts.readText(result.artifact))).toEqual(report);
    expect(result.event).toMatchObject({
      workItem: item.id,
      type: "calibration.end",
      payload: {
        build: `${item.id}.1.1`,
        mutants: 8,
        caught: report.caught,
        lower: report.interval.lower,
        upper: report.interval.upper,
        report: result.artifact,
      },
    });
    const charges = await fixture.services.database
      .selectFrom("cost_event")
      .select(["category", "station", "run", "amount_micro_usd", "work_item"])
      .where("station", "=", "calibrate")
      .execute();
    expect(charges).toHaveLength(8);
    expect(new Set(charges.map((charge) => charge.work_item))).toEqual(new Set([item.id]));
    expect(charges.every((charge) => charge.category === "testing")).toBe(true);
    expect(charges.reduce((sum, charge) => sum + charge.amount_micro_usd, 0)).toBe(
      report.costMicroUsd,
    );
    expect(report.costMicroUsd).toBeGreaterThan(0);

    expect(progress.filter((each) => each.type === "mutant.end")).toHaveLength(8);
    expect(progress.slice(0, 3).map((each) => each.type)).toEqual([
      "mutant.start",
      "mutant.injected",
      "mutant.trials",
    ]);
  });

  it("refuses an item that is not approved, naming its state", async () => {
    fixture = await lineFixture({ agent: new ServiceAgent() });
    const item = await fixture.session.submit({ specPath: todoSpec });
    await expect(calibrateWorkItem(fixture.services, { workItem: item.id })).rejects.toThrow(
      `${item.id} is intake, not approved`,
    );
    await expect(
      calibrateWorkItem(fixture.services, { workItem: item.id, mutants: 0 }),
    ).rejects.toThrow("mutants must be a whole number from 1 to 1000, got 0");
  });

  it("stops when the budget refuses the testing, with a budget.exceeded event", async () => {
    const item = await approvedItem(new CheckingExecutor());
    await fixture.services.ledger.changeBudget({ by: "test", reason: "test", dailyUsd: 0.000001 });
    await expect(
      calibrateWorkItem(fixture.services, { workItem: item.id, mutants: 2 }),
    ).rejects.toThrow(/the testing budget refused mutant 1 of the calibration/);
    const events = await fixture.services.store.events({ workItem: item.id });
    expect(events.at(-1)).toMatchObject({
      type: "budget.exceeded",
      payload: { category: "testing", station: "calibrate" },
    });
    expect(events.some((event) => event.type === "calibration.end")).toBe(false);
    expect(existsSync(join(fixture.home, "worktrees", item.id))).toBe(false);
  });

  it("gives the reservation back and removes the worktree when it is stopped", async () => {
    const executor = new CheckingExecutor();
    const item = await approvedItem(executor);
    const controller = new AbortController();
    executor.stopAfterFirstBatch = controller;
    await expect(
      calibrateWorkItem(fixture.services, {
        workItem: item.id,
        mutants: 3,
        signal: controller.signal,
      }),
    ).rejects.toThrow("stopped by the test");
    expect(executor.runs).toHaveLength(2);
    expect(existsSync(executor.runs[1]?.workspacePath ?? "")).toBe(false);
    const open = await fixture.services.database
      .selectFrom("reservation")
      .select("state")
      .where("station", "=", "calibrate")
      .execute();
    expect(open.map((reservation) => reservation.state)).toEqual(["released"]);
  });
});
