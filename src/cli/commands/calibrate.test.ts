import { Command, CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { ShopfloorError } from "../../contracts/index.js";
import type { LineEvent } from "../../contracts/line-event.js";
import {
  type CalibrationProgress,
  type CalibrationRequest,
  type HomeCalibration,
  type MutantOutcome,
  summarizeCalibration,
} from "../../line/calibrate/index.js";
import type { FactoryLineOptions } from "../../line/factory-line.js";
import type { CliIo } from "../cli-io.js";
import type { CommandContext } from "../command-context.js";
import { exitCodes } from "../exit-codes.js";
import { calibrateCommand } from "./calibrate.js";

const item = "todo-api-3f9c2a";
const build = `${item}.1.1`;

function outcome(mutant: number, caught: boolean): MutantOutcome {
  return {
    mutant,
    seed: mutant + 1,
    branch: `shopfloor/${item}/${build}.mutant-${mutant + 1}`,
    commit: "b".repeat(40),
    injected: true,
    fault: {
      kind: caught ? "drop-validation" : "flip-comparison",
      file: "src/server.ts",
      line: 40 + mutant,
      description: caught ? 'removed the guard "if (problem)"' : 'flipped "a < b" to "a <= b"',
    },
    decision: caught ? "regenerate" : "approve",
    caught,
    reason: caught ? "edge: 41/50" : "every gated category clears its threshold",
    trials: 180,
    failedTrials: caught ? 9 : 0,
    cpuSeconds: 1.5,
    costMicroUsd: 21,
  };
}

const outcomes: MutantOutcome[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map((mutant) => outcome(mutant, true)),
  outcome(8, false),
  ...[9, 10].map((mutant) => outcome(mutant, true)),
  {
    mutant: 11,
    seed: 12,
    branch: "b",
    injected: false,
    reason: "No fault injected: the inner run did not succeed.",
  },
];

function sampleCalibration(): HomeCalibration {
  const report = summarizeCalibration(
    {
      workItem: item,
      build,
      commit: "a".repeat(40),
      suite: "todo-api@2",
      profile: "admin",
      seed: 1,
      mutants: 11,
    },
    outcomes,
    { startedAt: "2026-11-24T15:00:00.000Z", endedAt: "2026-11-24T15:01:00.000Z" },
  );
  const event: LineEvent = {
    sequence: 9,
    at: "2026-11-24T15:01:00.000Z",
    workItem: item,
    type: "calibration.end",
    payload: {
      build,
      mutants: 10,
      caught: 9,
      lower: report.interval.lower,
      upper: report.interval.upper,
      report: "c".repeat(64),
    },
  };
  return { report, artifact: "c".repeat(64), event };
}

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
  progress: string;
  calls: { options: FactoryLineOptions; request: CalibrationRequest }[];
}

async function runCalibrate(
  argv: readonly string[],
  behaviour: (request: CalibrationRequest, abort: () => void) => Promise<HomeCalibration>,
  isTTY = false,
): Promise<Run> {
  const run: Run = { exitCode: 0, stdout: "", stderr: "", progress: "", calls: [] };
  const io: CliIo = {
    stdout: (text) => {
      run.stdout += text;
    },
    stderr: (text) => {
      run.stderr += text;
    },
    readText: async (path) => {
      throw new ShopfloorError("io-error", `cannot read ${path}: no such file`, { path });
    },
    exists: async () => false,
    workingDirectory: "/project",
    environment: {},
    progress: {
      isTTY,
      write: (text: string) => {
        run.progress += text;
      },
    },
  };
  const controller = new AbortController();
  const context: CommandContext = { io, exitCode: exitCodes.success };
  const command = calibrateCommand(context, {
    calibrate: async (options, request) => {
      run.calls.push({ options, request });
      return behaviour(request, () => controller.abort(new Error("interrupted")));
    },
    interrupt: () => ({ signal: controller.signal, dispose: () => undefined }),
    now: () => new Date("2026-11-24T15:00:00.000Z"),
  });
  const program = new Command("shopfloor").addCommand(command);
  for (const each of [program, command]) {
    each.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    run.exitCode = context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) run.exitCode = exitCodes.usage;
    else if (error instanceof ShopfloorError) {
      run.stderr += `error: ${error.message}\n`;
      run.exitCode = exitCodes.usage;
    } else throw error;
  }
  return run;
}

describe("shopfloor calibrate", () => {
  it("calibrates the item in the home and prints the share caught with its interval", async () => {
    const run = await runCalibrate(
      ["calibrate", item, "--mutants", "11", "--seed", "1", "--home", "factory"],
      async () => sampleCalibration(),
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.calls[0]?.options.home).toBe("/project/factory");
    expect(run.calls[0]?.request).toMatchObject({ workItem: item, mutants: 11, seed: 1 });
    expect(run.stdout).toContain(
      `Calibrated ${build} (commit aaaaaaaaaaaa) with suite todo-api@2 under profile admin, seed 1.`,
    );
    expect(run.stdout).toContain(
      "The gate caught 9 of 10 injected faults: 90.0% (95% interval 55.5%–99.75%, Clopper–Pearson).",
    );
    expect(run.stdout).toMatch(/drop-validation\s+9\s+9\s+9/);
    expect(run.stdout).toMatch(/flip-comparison\s+1\s+0\s+0/);
    expect(run.stdout).toContain(
      'mutant 8 (seed 9): flip-comparison at src/server.ts:48: flipped "a < b" to "a <= b"',
    );
    expect(run.stdout).toContain("mutant 11 (seed 12): No fault injected: the inner run did not");
    expect(run.stdout).toContain("1,800 trials, 15.0 CPU-seconds, $0.00021 charged to testing.");
    expect(run.progress).toBe("");
  });

  it("prints the report, its artifact and its event as JSON", async () => {
    const run = await runCalibrate(["calibrate", item, "--json"], async () => sampleCalibration());
    const parsed = JSON.parse(run.stdout);
    const expected = sampleCalibration();
    expect(parsed).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(run.calls[0]?.request.mutants).toBeUndefined();
  });

  it("shows each mutant's progress on a terminal", async () => {
    const run = await runCalibrate(
      ["calibrate", item, "--mutants", "1"],
      async (request) => {
        const steps: CalibrationProgress[] = [
          { type: "mutant.start", mutant: 1, mutants: 1, seed: 2 },
          { type: "mutant.trials", mutant: 1, mutants: 1, done: 20, total: 180 },
          { type: "mutant.end", mutant: 1, mutants: 1, outcome: outcome(1, true) },
        ];
        for (const step of steps) request.onProgress?.(step);
        return sampleCalibration();
      },
      true,
    );
    expect(run.progress).toContain("mutant 1/1 (seed 2): replaying the build…");
    expect(run.progress).toContain("mutant 1/1: 20/180 trials");
    expect(run.progress).toContain(
      "mutant 1/1: caught drop-validation at src/server.ts:41 (regenerate, 9 of 180 trials failed)\n",
    );
  });

  it("rejects bad counts and reports what the line refuses", async () => {
    const zero = await runCalibrate(["calibrate", item, "--mutants", "0"], async () =>
      sampleCalibration(),
    );
    expect(zero.exitCode).toBe(exitCodes.usage);
    expect(zero.stderr).toContain("expected a whole number, 1 or more");
    expect(zero.calls).toHaveLength(0);
    const refused = await runCalibrate(["calibrate", item], async () => {
      throw new ShopfloorError("invalid-argument", `${item} is exception, not approved`);
    });
    expect(refused.exitCode).toBe(exitCodes.usage);
    expect(refused.stderr).toBe(`error: ${item} is exception, not approved\n`);
  });

  it("says it was interrupted and exits 1 when Ctrl-C stops it", async () => {
    const run = await runCalibrate(["calibrate", item], async (_request, abort) => {
      abort();
      throw new Error("interrupted");
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe("Interrupted: the calibration stopped and recorded nothing.\n");
    expect(run.stdout).toBe("");
  });
});
