/**
 * Calibrating the gate through the API, on a real line whose agent writes a service with validation
 * code (sites for faults) and whose fake trials fail every edge scenario of a mutant, so each injected
 * fault is caught. The mutants' trials wait for the test, so the calibration is seen running: answered
 * 202 with its first mutant under way, a second request for the item refused with 409, then its report,
 * which the item's history also shows as a `calibration.end` event. Then the refusals.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeTrialExecutor, InstantAgent } from "../../../../test/line/support/line-fakes.js";
import { historyOf, submitSmallSpec } from "../../../../test/support/console/console-calls.js";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import type { Agent, AgentLimits, AgentTask, Workspace } from "../../../agents/agent.js";
import { commitWorkspace } from "../../../agents/workspace/commit-workspace.js";
import type { AgentRun } from "../../../contracts/agent-run.js";
import type {
  TrialExecution,
  TrialExecutor,
  TrialUsage,
} from "../../../line/trials/trial-executor.js";
import { calibrateRoute, calibrationRoute, calibrationsRoute } from "./factory-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const startedSchema = answerSchema(calibrateRoute, 202);
const calibrationSchema = answerSchema(calibrationRoute, 200);
const listSchema = answerSchema(calibrationsRoute, 200);

/** The instant agent's build, plus a title check: guards and comparisons to inject faults into. */
class ValidatingAgent implements Agent {
  readonly name = "validating";
  readonly #inner = new InstantAgent({ name: "validating" });

  async run(
    task: AgentTask,
    workspace: Workspace,
    limits: AgentLimits,
    signal: AbortSignal,
  ): Promise<AgentRun> {
    const result = await this.#inner.run(task, workspace, limits, signal);
    const check = [
      "export function checkTitle(title) {",
      '  if (typeof title !== "string") return "title must be text";',
      '  if (title.length > 200) return "title too long";',
      "  return undefined;",
      "}",
      "",
    ].join("\n");
    await writeFile(join(workspace.path, "check-title.mjs"), check);
    const committed = await commitWorkspace(workspace, "the title check");
    return { ...result, commit: committed.commit ?? result.commit };
  }
}

/** Passes every trial of a real build; a mutant's trials wait for `release()`, then fail every edge one. */
class HeldMutantTrials implements TrialExecutor {
  readonly #trials = new FakeTrialExecutor({
    passes: (scenario, build) => !isMutant(build) || scenario.category !== "edge",
  });
  #release = () => {};
  readonly #released = new Promise<void>((resolve) => {
    this.#release = resolve;
  });

  async run(execution: TrialExecution): Promise<TrialUsage> {
    if (isMutant(execution.build.id)) await this.#released;
    return this.#trials.run(execution);
  }

  release(): void {
    this.#release();
  }
}

function isMutant(build: string): boolean {
  return build.includes(".mutant-");
}

let harness: ConsoleHarness;
let trials: HeldMutantTrials;
let approved: string;

beforeAll(async () => {
  trials = new HeldMutantTrials();
  harness = await consoleHarness({ agent: new ValidatingAgent(), trialExecutor: trials });
  const item = await submitSmallSpec(harness);
  await harness.work();
  approved = item.id;
});
afterAll(async () => {
  trials?.release();
  await harness?.remove();
});

const calibrate = (id: string, json?: unknown, token = harness.tokens.operator) =>
  harness.request("POST", `/api/items/${id}/calibrate`, {
    token,
    ...(json === undefined ? {} : { json }),
  });

describe("POST /api/items/{id}/calibrate", () => {
  it("refuses what calibrate refuses, at once: unknown and unapproved items, bad counts", async () => {
    const history = await historyOf(harness, approved);
    expect(history.item.state).toBe("approved");
    const waiting = await submitSmallSpec(harness);

    await expectError(await calibrate("no-such-item"), 404, { code: "not-found" });
    const unapproved = await expectError(await calibrate(waiting.id), 400, { field: "id" });
    expect(unapproved.message).toContain("is intake, not approved");
    await expectError(await calibrate(approved, { mutants: 0 }), 400, { field: "mutants" });
    await expectError(await calibrate(approved, { mutants: 5000 }), 400, { field: "mutants" });
    await expectError(await calibrate(approved, { mutants: 2, by: "someone" }), 400, {
      code: "invalid-request",
    });
    const { calibrations } = await parsedAnswer(
      await harness.request("GET", "/api/calibrations"),
      200,
      listSchema,
    );
    expect(calibrations).toEqual([]);
  });

  it("needs a token that may operate", async () => {
    await expectError(await calibrate(approved, { mutants: 2 }, harness.tokens.reader), 403, {
      code: "forbidden",
    });
    const anonymous = await harness.request("POST", `/api/items/${approved}/calibrate`, {
      token: null,
      json: { mutants: 2 },
    });
    await expectError(anonymous, 401);
  });

  it("runs a calibration in the background, one per item, and keeps its report", async () => {
    const started = await parsedAnswer(
      await calibrate(approved.slice(0, -2), { mutants: 2, seed: 3 }),
      202,
      startedSchema,
    );
    expect(started).toMatchObject({
      workItem: approved,
      by: "operator",
      mutants: 2,
      seed: 3,
      state: "running",
      progress: { done: 0, current: { mutant: 1, seed: 4 } },
    });

    const again = await expectError(await calibrate(approved), 409, { code: "conflict" });
    expect(again.message).toContain(started.id);
    const running = await parsedAnswer(
      await harness.request("GET", `/api/calibrations/${started.id}`, {
        token: harness.tokens.reader,
      }),
      200,
      calibrationSchema,
    );
    expect(running.state).toBe("running");

    trials.release();
    await harness.services.calibrations.settled(started.id);
    const done = await parsedAnswer(
      await harness.request("GET", `/api/calibrations/${started.id}`, {
        token: harness.tokens.reader,
      }),
      200,
      calibrationSchema,
    );

    expect(done).toMatchObject({
      state: "done",
      progress: { done: 2, injected: 2, caught: 2 },
      report: { workItem: approved, mutants: 2, seed: 3, injected: 2, caught: 2, share: 1 },
    });
    expect(done.report?.misses).toEqual([]);
    const history = await historyOf(harness, approved);
    expect(history.events.at(-1)).toMatchObject({
      sequence: done.event,
      type: "calibration.end",
      payload: { mutants: 2, caught: 2, report: done.artifact },
    });
    const { calibrations } = await parsedAnswer(
      await harness.request("GET", "/api/calibrations", { token: harness.tokens.reader }),
      200,
      listSchema,
    );
    expect(calibrations.map((each) => [each.id, each.state])).toEqual([[started.id, "done"]]);
  });

  it("answers 404 for a calibration this server did not start", async () => {
    await expectError(await harness.request("GET", "/api/calibrations/calibration-00000000"), 404, {
      field: "id",
    });
    await expectError(
      await harness.request("GET", "/api/calibrations/calibration-00000000", { token: null }),
      401,
    );
  });
});
