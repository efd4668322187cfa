/**
 * `shopfloor run [SPEC...]`: submits each spec as a work item and works the line until everything
 * queued is settled, printing each event as it happens, then each item's outcome with its gate report
 * and what to run next. With no spec it works what is queued (after `shopfloor decide`, or after a crash).
 * `--watch` keeps the line running and submits a spec again when its file changes; Ctrl-C stops cleanly.
 */
import { resolve } from "node:path";
import { Command } from "commander";
import { availableAgents } from "../../agents/agent-registry.js";
import { defaultAgentName } from "../../agents/default-agent.js";
import {
  type LineEvent,
  ShopfloorError,
  settledWorkItemStates,
  type WorkItem,
} from "../../contracts/index.js";
import { resolveProfile } from "../../gate/index.js";
import type { CommandContext } from "../command-context.js";
import { exitCodes } from "../exit-codes.js";
import { outcomeCounts, renderItemOutcome } from "../line-outcome.js";
import {
  defaultLineDependencies,
  type LineDependencies,
  type LineSession,
  lineConfigHelp,
  lineHomeHelp,
  withLine,
} from "../line-session.js";
import { type Interrupt, interruptOn } from "./run/interrupt.js";
import {
  type LineUpOptions,
  lineUpFromOptions,
  parseCandidates,
  parseFaultProbability,
} from "./run/line-up-options.js";
import { RunPrinter } from "./run/run-printer.js";
import { watchLine } from "./run/watch-line.js";
import { type WatchFiles, watchFiles } from "./run/watch-specs.js";

interface RunOptions extends LineUpOptions {
  profile?: string;
  watch?: boolean;
  home?: string;
  config?: string;
  json?: boolean;
}

export interface RunDependencies extends LineDependencies {
  interrupt(): Interrupt;
  watchFiles: WatchFiles;
}

export const defaultRunDependencies: RunDependencies = {
  ...defaultLineDependencies,
  interrupt: () => interruptOn(process),
  watchFiles,
};

/** 1, as for a gate that does not approve: some item went to the exception queue, was rejected or is unsettled. */
const notApprovedExitCode = exitCodes.regenerate;
/** An item through the gate: approved, or deployed since (live; rolled back later by the monitor). */
const passedTheGate: readonly WorkItem["state"][] = ["approved", "deploy", "live", "rolled-back"];

export function runCommand(
  context: CommandContext,
  dependencies: RunDependencies = defaultRunDependencies,
): Command {
  return new Command("run")
    .description("submit specs and work the line until every work item is settled")
    .argument("[spec...]", "spec files to submit (none: work what is queued)")
    .option("--profile <name>", "quality profile of the submitted items (default: the config's)")
    .option("--agent <name>", "the agent that builds (default: the config's line-up)")
    .option(
      "--best-of <n>",
      "build N candidates at once, gate them all, keep the best",
      parseCandidates,
    )
    .option(
      "--faults <probability>",
      "wrap the agents in fault injection (labelled as injected everywhere)",
      parseFaultProbability,
    )
    .option("--watch", "keep running; submit a spec again when its file changes (Ctrl-C stops)")
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .option("--json", "print events as JSON Lines, then one summary object")
    .addHelpText(
      "after",
      `
Exit codes: 0 every submitted item was approved, 1 some went to the exception queue, was rejected or is
not settled, 2 bad input. Ctrl-C stops leasing jobs, aborts the running ones and releases them:
\`shopfloor run\` with no spec resumes where the line stopped.

Examples:
  shopfloor run specs/todo-api.md
  shopfloor run specs/*.md --agent claude --best-of 3 --profile standard
  shopfloor run specs/todo-api.md --agent scaffold --faults 1     # does the gate catch the faults?
  shopfloor run specs/todo-api.md --watch`,
    )
    .action((specs: string[], options: RunOptions) =>
      runLine(context, specs, options, dependencies),
    );
}

/** What one `shopfloor run` works with, once its arguments are checked. */
interface LineRun {
  specPaths: string[];
  options: RunOptions;
  dependencies: RunDependencies;
  printer: RunPrinter;
  signal: AbortSignal;
  /** Under --watch: what to call when an item settles. */
  settled: { listener: (workItem: string) => void };
}

async function runLine(
  context: CommandContext,
  specs: readonly string[],
  options: RunOptions,
  dependencies: RunDependencies,
): Promise<void> {
  const { io } = context;
  const specPaths = specs.map((spec) => resolve(io.workingDirectory, spec));
  for (const path of specPaths) {
    if (!(await io.exists(path))) {
      throw new ShopfloorError("invalid-argument", `there is no spec file ${path}`, { path });
    }
  }
  if (options.watch && specPaths.length === 0) {
    throw new ShopfloorError("invalid-argument", "--watch needs the spec files to watch");
  }
  const printer = new RunPrinter(io, {
    json: options.json === true,
    timeZone: dependencies.timeZone,
  });
  const interrupt = dependencies.interrupt();
  const run: LineRun = {
    specPaths,
    options,
    dependencies,
    printer,
    signal: interrupt.signal,
    settled: { listener: () => undefined },
  };
  const onEvent = (event: LineEvent) => {
    printer.print(event);
    if (isSettling(event)) run.settled.listener(event.workItem);
  };
  try {
    await withLine(
      io,
      options,
      dependencies,
      (session) => workLine(context, session, run),
      onEvent,
    );
  } finally {
    printer.finish();
    interrupt.dispose();
  }
}

async function workLine(
  context: CommandContext,
  session: LineSession,
  run: LineRun,
): Promise<void> {
  const { io } = context;
  const { options, printer } = run;
  if (session.line.sandboxWarning !== undefined) {
    io.stderr(`note: ${session.line.sandboxWarning}\n`);
  }
  if (options.profile !== undefined) resolveProfile(options.profile, session.config);
  const lineUp = await lineUpFromOptions(options, session.config, () =>
    defaultAgent(session, context),
  );
  const submitted = new Map<string, WorkItem>();
  for (const specPath of run.specPaths) {
    submitted.set(
      specPath,
      await session.line.submit({ specPath, profile: options.profile, lineUp }),
    );
  }
  const request = { specPaths: run.specPaths, profile: options.profile, lineUp };
  const summary = options.watch
    ? await watchLine(session, request, submitted, {
        printer,
        signal: run.signal,
        read: io.readText,
        watchFiles: run.dependencies.watchFiles,
        onSettled: (listener) => {
          run.settled.listener = listener;
        },
        showOutcome: async (id) => {
          if (!options.json) io.stdout(`\n${renderItemOutcome(await session.line.history(id))}`);
        },
      })
    : await session.line.run({
        signal: run.signal,
        items: submitted.size === 0 ? undefined : [...submitted.values()].map((item) => item.id),
      });
  printer.finish();
  // The submitted items as they are now (the latest of each spec under --watch), else those touched.
  const items =
    submitted.size === 0
      ? summary.items
      : await Promise.all(
          [...submitted.values()].map(async (item) => (await session.line.history(item.id)).item),
        );
  context.exitCode = items.every((item) => passedTheGate.includes(item.state))
    ? exitCodes.success
    : notApprovedExitCode;
  await report(context, session, {
    items,
    jobsRun: summary.jobsRun,
    interrupted: run.signal.aborted,
    json: options.json === true,
    watched: options.watch === true,
  });
}

function isSettling(event: LineEvent): boolean {
  return event.type === "work-item.transition" && settledWorkItemStates.includes(event.payload.to);
}

async function report(
  context: CommandContext,
  session: LineSession,
  outcome: {
    items: WorkItem[];
    jobsRun: number;
    interrupted: boolean;
    json: boolean;
    watched: boolean;
  },
): Promise<void> {
  const { io } = context;
  if (outcome.json) {
    const summary = { jobsRun: outcome.jobsRun, items: outcome.items, exitCode: context.exitCode };
    io.stdout(`${JSON.stringify(summary)}\n`);
    return;
  }
  const stopped = !outcome.interrupted
    ? "The line is idle."
    : outcome.watched
      ? "Stopped watching; jobs still running were released (`shopfloor run` resumes them)."
      : "Interrupted: running jobs were released; `shopfloor run` resumes them.";
  io.stdout(`\n${stopped} ${outcome.jobsRun} jobs run.\n`);
  if (outcome.items.length === 0) {
    io.stdout(
      "No work item was touched: nothing was queued. Submit a spec: shopfloor run SPEC.md\n",
    );
    return;
  }
  // Under --watch each item's outcome was shown when it settled.
  if (!outcome.watched) {
    for (const item of outcome.items) {
      io.stdout(`\n${renderItemOutcome(await session.line.history(item.id))}`);
    }
  }
  io.stdout(`\n${outcomeCounts(outcome.items)}\n`);
}

async function defaultAgent(session: LineSession, context: CommandContext): Promise<string> {
  const agents = await availableAgents(session.config, context.io.environment, {
    projectFolder: context.io.workingDirectory,
    askVersion: false,
  });
  return defaultAgentName(session.config, agents);
}
