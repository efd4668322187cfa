/**
 * Calibrating the gate end to end: the todo-api example goes through the line to approval (the
 * scaffold agent, the real trial executor without a sandbox, a temporary home); then `shopfloor
 * calibrate ITEM --mutants 6` makes six mutants of the approved build, each with one injected fault,
 * runs the suite that approved it against each (real processes) and reports the share caught with its
 * interval. The report is stored as an artifact, announced by a `calibration.end` event and printed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { processIo } from "../../src/cli/cli-io.js";
import type { CommandContext } from "../../src/cli/command-context.js";
import { calibrateCommand } from "../../src/cli/commands/calibrate.js";
import { exitCodes } from "../../src/cli/exit-codes.js";
import { ShopfloorError } from "../../src/contracts/errors.js";
import type { CalibrationReport } from "../../src/line/calibrate/index.js";
import { calibrateInHome } from "../../src/line/calibrate/index.js";
import { NoSandbox } from "../../src/runners/sandbox/no-sandbox.js";
import { type LineHome, openLineHome, scaffoldLineUp, todoSpec } from "./support/line-home.js";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let setup: LineHome;
let approved: string;

beforeAll(async () => {
  setup = await openLineHome();
  const item = await setup.line.submit({ specPath: todoSpec, lineUp: scaffoldLineUp() });
  await setup.line.run();
  approved = item.id;
});
afterAll(() => setup.remove());

/** Runs `shopfloor calibrate` in process, with the line's trials outside any sandbox. */
async function calibrateCli(argv: readonly string[]) {
  let stdout = "";
  let stderr = "";
  const context: CommandContext = {
    io: {
      ...processIo,
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      workingDirectory: setup.home,
      environment: { PATH: process.env.PATH },
      progress: { isTTY: false, write: () => true },
    },
    exitCode: exitCodes.success,
  };
  const command = calibrateCommand(context, {
    calibrate: (options, request) =>
      calibrateInHome({ ...options, sandbox: new NoSandbox() }, request),
    interrupt: () => ({ signal: new AbortController().signal, dispose: () => undefined }),
    now: () => new Date(),
  });
  command.exitOverride();
  try {
    await command.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (!(error instanceof ShopfloorError)) throw error;
    return { exitCode: exitCodes.usage, stdout, stderr: `${stderr}error: ${error.message}\n` };
  }
  return { exitCode: context.exitCode, stdout, stderr };
}

function storedReport(hash: string): CalibrationReport {
  const path = join(setup.home, "artifacts", hash.slice(0, 2), hash);
  return JSON.parse(readFileSync(path, "utf8")) as CalibrationReport;
}

describe("shopfloor calibrate on the todo-api example", () => {
  it("reports the share of six injected faults the gate caught, with its interval", async () => {
    const item = await setup.line.history(approved);
    expect(item.item.state).toBe("approved");

    const run = await calibrateCli([approved, "--mutants", "6", "--home", setup.home]);
    expect(run.exitCode, run.stderr).toBe(0);

    const history = await setup.line.history(approved);
    const event = history.events.at(-1);
    if (event?.type !== "calibration.end") throw new Error(`last event: ${event?.type}`);
    const report = storedReport(event.payload.report);
    expect(report).toMatchObject({
      workItem: approved,
      build: item.item.approvedBuild,
      suite: item.item.suite,
      profile: "admin",
      mutants: 6,
    });
    expect(report.injected + report.notInjected.length).toBe(6);
    expect(report.injected).toBeGreaterThan(0);
    expect(report.caught).toBeLessThanOrEqual(report.injected);
    expect(report.share).toBe(report.caught / report.injected);
    expect(report.interval.lower).toBeLessThanOrEqual(report.share ?? -1);
    expect(report.interval.upper).toBeGreaterThanOrEqual(report.share ?? 2);
    expect(report.misses).toHaveLength(report.injected - report.caught);
    expect(report.kinds.reduce((sum, kind) => sum + kind.injected, 0)).toBe(report.injected);
    for (const outcome of report.outcomes) {
      if (outcome.injected) expect(outcome.trials).toBe(180);
    }
    expect(event.payload).toMatchObject({
      build: report.build,
      mutants: report.injected,
      caught: report.caught,
      lower: report.interval.lower,
      upper: report.interval.upper,
    });

    expect(run.stdout).toContain(`Calibrated ${report.build} `);
    expect(run.stdout).toContain(
      `The gate caught ${report.caught} of ${report.injected} injected fault`,
    );
    expect(run.stdout).toContain(`artifact ${event.payload.report.slice(0, 12)}`);
    // Charged to testing, under the calibrate station.
    expect(history.costs.byStation.calibrate).toBe(report.costMicroUsd);
    console.info(run.stdout);
  });

  it("refuses an item that is not approved", async () => {
    const waiting = await setup.line.submit({ specPath: todoSpec, lineUp: scaffoldLineUp() });
    const run = await calibrateCli([waiting.id, "--home", setup.home]);
    expect(run.exitCode).toBe(exitCodes.usage);
    expect(run.stderr).toContain(`${waiting.id} is intake, not approved`);
    expect(run.stdout).toBe("");
  });
});
