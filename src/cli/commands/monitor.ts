/**
 * `shopfloor monitor [--once]`: watches the live releases. Each cycle probes every live release (a
 * health check and a sample of its holdout suite) and lets the SLO test decide; a breach is rolled back
 * at once, recorded as an incident, and opens a fix item, which the command then works down the line
 * (printing its events as `shopfloor run` does) so that the fix is deployed. Then it waits the
 * interval and goes again, until Ctrl-C; `--once` runs one cycle and its fix work.
 */
import { setTimeout as delay } from "node:timers/promises";
import { Command, InvalidArgumentError as InvalidOptionValue } from "commander";
import type { WorkItem } from "../../contracts/index.js";
import type { MonitorCycleReport } from "../../line/factory-line.js";
import type { CommandContext } from "../command-context.js";
import { exitCodes } from "../exit-codes.js";
import { plural } from "../format.js";
import {
  defaultLineDependencies,
  type LineDependencies,
  type LineSession,
  lineConfigHelp,
  lineHomeHelp,
  withLine,
} from "../line-session.js";
import { breachesOf, fixItemsOf, renderMonitorCycle } from "../monitor-cycle-text.js";
import { type Interrupt, interruptOn } from "./run/interrupt.js";
import { RunPrinter } from "./run/run-printer.js";

interface MonitorOptions {
  once?: boolean;
  interval?: number;
  /** `--no-fix` sets it to false. */
  fix: boolean;
  home?: string;
  config?: string;
  json?: boolean;
}

export interface MonitorDependencies extends LineDependencies {
  interrupt(): Interrupt;
  /** Resolves after this many milliseconds, or as soon as the signal aborts. */
  wait(milliseconds: number, signal: AbortSignal): Promise<void>;
}

export const defaultMonitorDependencies: MonitorDependencies = {
  ...defaultLineDependencies,
  interrupt: () => interruptOn(process),
  wait: waitUnlessAborted,
};

export function monitorCommand(
  context: CommandContext,
  dependencies: MonitorDependencies = defaultMonitorDependencies,
): Command {
  return new Command("monitor")
    .description(
      "probe the live releases every interval; a breach of the SLO is rolled back and a fix goes down the line",
    )
    .option("--once", "run one cycle (and its fix work), then exit")
    .option(
      "--interval <seconds>",
      "seconds between cycles (default: the config's monitor.intervalSeconds)",
      parseSeconds,
    )
    .option("--no-fix", "leave the fix items a breach opens queued (`shopfloor run` works them)")
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option(
      "--json",
      "print each cycle as one JSON object per line (JSON Lines), the fix work's events as `shopfloor run --json` does",
    )
    .addHelpText(
      "after",
      `
Exit codes: with --once, 0 the cycle found no breach, 1 it found one (rolled back, incident recorded),
2 bad input. Without --once it runs until Ctrl-C and exits 0.

Examples:
  shopfloor monitor --once
  shopfloor monitor --interval 30
  shopfloor monitor --once --no-fix --json`,
    )
    .action((options: MonitorOptions) => runMonitor(context, options, dependencies));
}

interface MonitorRun {
  options: MonitorOptions;
  dependencies: MonitorDependencies;
  printer: RunPrinter;
  signal: AbortSignal;
  /** Events are printed while the line works fix items; a cycle's own events are in its report. */
  working: boolean;
}

async function runMonitor(
  context: CommandContext,
  options: MonitorOptions,
  dependencies: MonitorDependencies,
): Promise<void> {
  const printer = new RunPrinter(context.io, {
    json: options.json === true,
    timeZone: dependencies.timeZone,
  });
  const interrupt = dependencies.interrupt();
  const run: MonitorRun = {
    options,
    dependencies,
    printer,
    signal: interrupt.signal,
    working: false,
  };
  try {
    await withLine(
      context.io,
      options,
      dependencies,
      (session) => watch(context, session, run),
      (event) => {
        if (run.working) printer.print(event);
      },
    );
  } finally {
    printer.finish();
    interrupt.dispose();
  }
}

async function watch(
  context: CommandContext,
  session: LineSession,
  run: MonitorRun,
): Promise<void> {
  const { options, printer, signal } = run;
  const intervalSeconds = options.interval ?? session.config.monitor.intervalSeconds;
  if (options.fix && session.line.sandboxWarning !== undefined) {
    context.io.stderr(`note: ${session.line.sandboxWarning}\n`);
  }
  if (!options.once) {
    printer.note(`Watching the live releases every ${intervalSeconds} s; Ctrl-C stops.`);
  }
  // Under the "Watching…" line and between cycles, a blank line; JSON Lines have none.
  const separator = options.json || options.once ? "" : "\n";
  let cycles = 0;
  let breaches = 0;
  for (;;) {
    const report = await cycleOrNote(context, session, run, intervalSeconds);
    if (report === undefined) {
      await run.dependencies.wait(intervalSeconds * 1000, signal);
      if (signal.aborted) break;
      continue;
    }
    cycles += 1;
    breaches += breachesOf(report);
    printer.finish();
    context.io.stdout(
      options.json
        ? `${JSON.stringify(report)}\n`
        : `${separator}${renderMonitorCycle(report, { timeZone: run.dependencies.timeZone })}`,
    );
    await workFixes(session, run, fixItemsOf(report));
    if (options.once || signal.aborted) break;
    await run.dependencies.wait(intervalSeconds * 1000, signal);
    if (signal.aborted) break;
  }
  context.exitCode = options.once && breaches > 0 ? exitCodes.regenerate : exitCodes.success;
  if (!options.once) {
    const found =
      breaches === 0 ? "no breach" : `${breaches} ${breaches === 1 ? "breach" : "breaches"}`;
    printer.note(`\nStopped watching after ${plural(cycles, "cycle")} (${found}).`);
  }
}

/**
 * One cycle. Watching for good, a cycle that fails (the host daemon restarting, a busy database) is
 * said on stderr and tried again at the next interval: the monitor must not stop watching for it.
 * With --once the error is the command's.
 */
async function cycleOrNote(
  context: CommandContext,
  session: LineSession,
  run: MonitorRun,
  intervalSeconds: number,
): Promise<MonitorCycleReport | undefined> {
  if (run.options.once) return session.line.monitorCycle();
  try {
    return await session.line.monitorCycle();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.io.stderr(`monitor cycle failed: ${message}; trying again in ${intervalSeconds} s\n`);
    return undefined;
  }
}

/** Works the line until the fix items are settled, so that a fix that passes is deployed. */
async function workFixes(
  session: LineSession,
  run: MonitorRun,
  fixItems: readonly WorkItem[],
): Promise<void> {
  if (fixItems.length === 0) return;
  const { printer } = run;
  const ids = fixItems.map((item) => item.id);
  if (!run.options.fix) {
    printer.note(
      `\n${plural(ids.length, "fix item")} queued (${ids.join(", ")}), not worked (--no-fix): \`shopfloor run\` works them.`,
    );
    return;
  }
  printer.note(`\nWorking the line on ${plural(ids.length, "fix item")}: ${ids.join(", ")}`);
  run.working = true;
  const summary = await session.line.run({ signal: run.signal, items: ids }).finally(() => {
    run.working = false;
  });
  printer.finish();
  for (const item of summary.items.filter((touched) => ids.includes(touched.id))) {
    printer.note(fixOutcomeText(item));
  }
  if (run.signal.aborted) {
    printer.note("Interrupted: running jobs were released; `shopfloor run` resumes them.");
  }
}

function fixOutcomeText(item: WorkItem): string {
  switch (item.state) {
    case "live":
      return `Fix item ${item.id} is live: shopfloor releases --service ${item.name}`;
    case "exception":
      return `Fix item ${item.id} went to the exception queue: shopfloor exceptions`;
    default:
      return `Fix item ${item.id} is ${item.state}: shopfloor history ${item.id}`;
  }
}

export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidOptionValue("expected a number of seconds above 0, such as 30");
  }
  return seconds;
}

async function waitUnlessAborted(milliseconds: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(milliseconds, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
