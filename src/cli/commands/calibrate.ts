/**
 * `shopfloor calibrate ITEM [--mutants N]`: how far the gate can be trusted. Mutants of the item's
 * approved build, each with one injected fault, are judged by the suite and profile that approved it;
 * the report gives the share of faults caught with its 95% interval, per fault kind, and the faults the
 * gate missed. Progress on a terminal; `--json` prints the report, its artifact and its event.
 */
import { Command } from "commander";
import { percent } from "../../gate/percent.js";
import { formatUsdExact } from "../../ledger/money.js";
import type {
  CalibrationProgress,
  CalibrationReport,
  CalibrationRequest,
  HomeCalibration,
  MutantOutcome,
} from "../../line/calibrate/index.js";
import type { FactoryLineOptions } from "../../line/factory-line.js";
import type { CommandContext } from "../command-context.js";
import { exitCodes } from "../exit-codes.js";
import { factoryHome } from "../factory-home.js";
import { count, plural } from "../format.js";
import { lineConfigHelp, lineHomeHelp } from "../line-session.js";
import { findConfig } from "../load-config.js";
import { parseCount, parsePositiveCount } from "../option-parsers.js";
import type { ProgressOutput } from "../progress-line.js";
import { textTable } from "../text-table.js";
import { type Interrupt, interruptOn } from "./run/interrupt.js";

interface CalibrateOptions {
  mutants?: number;
  seed?: number;
  home?: string;
  config?: string;
  json?: boolean;
}

export interface CalibrateDependencies {
  calibrate(options: FactoryLineOptions, request: CalibrationRequest): Promise<HomeCalibration>;
  interrupt(): Interrupt;
  now(): Date;
}

export const defaultCalibrateDependencies: CalibrateDependencies = {
  // Loaded on first use, as the line is: the other commands start without it.
  calibrate: async (options, request) =>
    (await import("../../line/calibrate/calibrate-in-home.js")).calibrateInHome(options, request),
  interrupt: () => interruptOn(process),
  now: () => new Date(),
};

/** Interrupted: the report was not made and nothing was recorded. */
const interruptedExitCode = exitCodes.regenerate;

export function calibrateCommand(
  context: CommandContext,
  dependencies: CalibrateDependencies = defaultCalibrateDependencies,
): Command {
  return new Command("calibrate")
    .description("inject faults into an approved build and report the share the gate catches")
    .argument("<item>", "an approved work item's id, or the start of it when that is unique")
    .option(
      "--mutants <n>",
      "mutants to make and judge, one fault each (default 20)",
      parsePositiveCount,
    )
    .option("--seed <n>", "mutant i gets fault seed n + i (default 1)", parseCount)
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option("--json", "print one JSON object: the report, its artifact hash and its event")
    .addHelpText(
      "after",
      `
Each mutant replays the approved build on a fresh branch, gets one fault (a dropped validation, a
flipped comparison, a broken error path, an off-by-one bound), runs the suite that approved the build and
is judged by the same profile (the fixed-n gate). Testing is charged to the ledger as station calibrate.

Exit codes: 0 the report was made, 1 interrupted (nothing recorded), 2 bad input (an item that is not
approved, a budget that refuses the testing).

Examples:
  shopfloor calibrate todo-api-3f9c2a
  shopfloor calibrate todo-api-3f9c2a --mutants 50 --seed 7 --json`,
    )
    .action((item: string, options: CalibrateOptions) =>
      calibrate(context, item, options, dependencies),
    );
}

async function calibrate(
  context: CommandContext,
  item: string,
  options: CalibrateOptions,
  dependencies: CalibrateDependencies,
): Promise<void> {
  const { io } = context;
  const found = await findConfig(io, options.config, options.home);
  const progress = new CalibrationProgressPrinter(io.progress);
  const interrupt = dependencies.interrupt();
  let result: HomeCalibration;
  try {
    result = await dependencies.calibrate(
      {
        home: factoryHome(io, options.home),
        config: found.config,
        environment: io.environment,
        projectFolder: found.folder,
        now: dependencies.now,
      },
      {
        workItem: item,
        ...(options.mutants === undefined ? {} : { mutants: options.mutants }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        signal: interrupt.signal,
        onProgress: (each) => progress.show(each),
      },
    );
  } catch (error) {
    progress.clear();
    if (!interrupt.signal.aborted) throw error;
    io.stderr("Interrupted: the calibration stopped and recorded nothing.\n");
    context.exitCode = interruptedExitCode;
    return;
  } finally {
    interrupt.dispose();
  }
  progress.clear();
  if (result.sandboxWarning !== undefined) io.stderr(`note: ${result.sandboxWarning}\n`);
  if (options.json) {
    const { report, artifact, event } = result;
    io.stdout(`${JSON.stringify({ report, artifact, event }, null, 2)}\n`);
    return;
  }
  io.stdout(renderCalibration(result.report, result.artifact));
}

/** One line rewritten in place for the running mutant, and a line kept for each mutant done. */
export class CalibrationProgressPrinter {
  readonly #output: ProgressOutput;
  #drawn = false;

  constructor(output: ProgressOutput) {
    this.#output = output;
  }

  show(progress: CalibrationProgress): void {
    if (!this.#output.isTTY) return;
    const mutant = `mutant ${progress.mutant}/${progress.mutants}`;
    if (progress.type === "mutant.end") {
      this.clear();
      this.#output.write(`${mutant}: ${outcomeText(progress.outcome)}\n`);
      return;
    }
    this.#output.write(`\r\u001b[2K${mutant}${runningText(progress)}`);
    this.#drawn = true;
  }

  clear(): void {
    if (this.#drawn) this.#output.write("\r\u001b[2K");
    this.#drawn = false;
  }
}

function runningText(progress: Exclude<CalibrationProgress, { type: "mutant.end" }>): string {
  switch (progress.type) {
    case "mutant.start":
      return ` (seed ${progress.seed}): replaying the build…`;
    case "mutant.injected":
      return `: ${progress.fault.kind} at ${faultPlace(progress.fault)}`;
    case "mutant.trials":
      return `: ${count(progress.done)}/${count(progress.total)} trials`;
  }
}

function faultPlace(fault: { file: string; line: number }): string {
  return `${fault.file}:${fault.line}`;
}

function outcomeText(outcome: MutantOutcome): string {
  if (!outcome.injected) return `no fault, not counted (${outcome.reason})`;
  const verdict = outcome.caught ? "caught" : "MISSED";
  return `${verdict} ${outcome.fault.kind} at ${faultPlace(outcome.fault)} (${outcome.decision}, ${outcome.failedTrials} of ${plural(outcome.trials, "trial")} failed)`;
}

/** The report for a person: the figure and its interval first, then by kind, the misses, the cost. */
export function renderCalibration(report: CalibrationReport, artifact: string): string {
  const lines = [
    `Calibrated ${report.build} (commit ${report.commit.slice(0, 12)}) with suite ${report.suite} under profile ${report.profile}, seed ${report.seed}.`,
    "",
    ...headline(report),
  ];
  if (report.injected > 0) {
    const rows = report.kinds
      .filter((kind) => kind.injected > 0)
      .map((kind) => [kind.kind, count(kind.injected), count(kind.caught), count(kind.rejected)]);
    lines.push(
      "",
      textTable(["fault kind", "injected", "caught", "rejected"], rows, [
        "left",
        "right",
        "right",
        "right",
      ]),
    );
  }
  if (report.misses.length > 0) {
    lines.push("", "Missed (the gate approved these mutants):");
    for (const miss of report.misses) {
      lines.push(`  mutant ${miss.mutant} (seed ${miss.seed}): ${miss.description}`);
      lines.push(`    branch ${miss.branch}`);
    }
  }
  if (report.notInjected.length > 0) {
    lines.push("", "No fault injected (not counted):");
    for (const each of report.notInjected) {
      lines.push(`  mutant ${each.mutant} (seed ${each.seed}): ${each.reason}`);
    }
  }
  lines.push(
    "",
    `${plural(report.trials, "trial")}, ${report.cpuSeconds.toFixed(1)} CPU-seconds, ${formatUsdExact(report.costMicroUsd)} charged to testing.`,
    `Report: artifact ${artifact.slice(0, 12)}; \`shopfloor history ${report.workItem}\` shows the calibration.end event.`,
  );
  return `${lines.join("\n")}\n`;
}

function headline(report: CalibrationReport): string[] {
  if (report.share === null) {
    return [
      `No fault could be injected into ${plural(report.mutants, "mutant")}: the build has no site for any fault kind, so this says nothing about the gate.`,
    ];
  }
  const { lower, upper } = report.interval;
  const confidence = `${Math.round(report.interval.confidence * 100)}%`;
  return [
    `The gate caught ${report.caught} of ${plural(report.injected, "injected fault")}: ${percent(report.share)} (${confidence} interval ${percent(lower)}–${percent(upper)}, Clopper–Pearson).`,
    `So, with ${confidence} confidence, it catches between ${percent(lower)} and ${percent(upper)} of faults like these, for this suite and profile.`,
  ];
}
