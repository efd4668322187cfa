/**
 * `shopfloor demo`: the whole factory with no model and no key. It submits the example specs to the
 * line with the offline scaffold agent (a fault injected into the inventory service's first attempt, so
 * a regeneration is visible; the command-line tool beyond the scaffold, so an exception is too), works
 * the line until they settle, printing each station as it happens; in production, the approved services
 * go live, are probed, and a change with a production-only fault is caught, rolled back and fixed
 * (demo/demo-production.ts); then it shows the gate reports, the
 * article's "171 of 180", the day's cost report, where to look next and how long it took. What it
 * leaves in the factory home, `shopfloor status`, `history` and `exceptions` inspect.
 */
import { join } from "node:path";
import { Command } from "commander";
import {
  type QualityProfile,
  settledWorkItemStates,
  type WorkItem,
} from "../../contracts/index.js";
import { resolveProfile } from "../../gate/index.js";
import { budgetDayOf } from "../../ledger/budget-day.js";
import type { CommandContext } from "../command-context.js";
import { exitCodes } from "../exit-codes.js";
import { outcomeCounts } from "../line-outcome.js";
import {
  defaultLineDependencies,
  type LineDependencies,
  type LineSession,
  lineConfigHelp,
  lineHomeHelp,
  withLine,
} from "../line-session.js";
import { packageRoot } from "../package-root.js";
import { withLedger } from "./budget/open-ledger.js";
import {
  articleResultsFile,
  articleResultsPath,
  renderArticleExample,
} from "./demo/article-example.js";
import { demoExamples } from "./demo/demo-examples.js";
import { renderDemoOutcome } from "./demo/demo-outcome.js";
import { showProduction } from "./demo/demo-production.js";
import { renderLookNext } from "./demo/look-next.js";
import { renderCostReport } from "./report/render-cost-report.js";
import { type Interrupt, interruptOn } from "./run/interrupt.js";
import { RunPrinter } from "./run/run-printer.js";

interface DemoOptions {
  profile: string;
  home?: string;
  config?: string;
}

export interface DemoDependencies extends LineDependencies {
  interrupt(): Interrupt;
  /** Milliseconds since any fixed start, for the total time printed at the end. */
  elapsedMs(): number;
  /** The package root, where the example specs and results are. */
  root(): string;
  /** Waits between the monitor's cycles in production. */
  sleep(milliseconds: number): Promise<void>;
}

export const defaultDemoDependencies: DemoDependencies = {
  ...defaultLineDependencies,
  interrupt: () => interruptOn(process),
  elapsedMs: () => performance.now(),
  root: packageRoot,
  sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
};

export function demoCommand(
  context: CommandContext,
  dependencies: DemoDependencies = defaultDemoDependencies,
): Command {
  return new Command("demo")
    .description(
      "run the example specs through the line with the offline scaffold agent: builds, holdout suites, trials, gate verdicts, a regeneration, an exception, and what it cost",
    )
    .option("--profile <name>", "quality profile of the example items", "admin")
    .option("--home <dir>", lineHomeHelp)
    .option("--config <path>", lineConfigHelp)
    .addHelpText(
      "after",
      "\nExit codes: 0 every example settled (approved or in the exception queue), 1 interrupted or not settled.",
    )
    .action((options: DemoOptions) => runDemo(context, options, dependencies));
}

async function runDemo(
  context: CommandContext,
  options: DemoOptions,
  dependencies: DemoDependencies,
): Promise<void> {
  const startedMs = dependencies.elapsedMs();
  const printer = new RunPrinter(context.io, { json: false, timeZone: dependencies.timeZone });
  const interrupt = dependencies.interrupt();
  try {
    await withLine(
      context.io,
      options,
      dependencies,
      (session) => workDemo(context, session, { options, dependencies, printer, interrupt }),
      (event) => printer.print(event),
    );
  } finally {
    printer.finish();
    interrupt.dispose();
  }
  const seconds = (dependencies.elapsedMs() - startedMs) / 1000;
  context.io.stdout(`The demo took ${seconds.toFixed(1)} s.\n`);
}

interface DemoRun {
  options: DemoOptions;
  dependencies: DemoDependencies;
  printer: RunPrinter;
  interrupt: Interrupt;
}

async function workDemo(
  context: CommandContext,
  session: LineSession,
  run: DemoRun,
): Promise<void> {
  const { io } = context;
  const { line } = session;
  const { dependencies } = run;
  const profile = resolveProfile(run.options.profile, session.config);
  io.stdout(introduction(profile, session.home, line.sandboxWarning === undefined));
  if (line.sandboxWarning !== undefined) io.stderr(`note: ${line.sandboxWarning}\n`);

  const submitted: WorkItem[] = [];
  for (const example of demoExamples) {
    const specPath = join(dependencies.root(), example.spec);
    submitted.push(await line.submit({ specPath, profile: profile.name, lineUp: example.lineUp }));
  }
  const ids = submitted.map((item) => item.id);
  const summary = await line.run({ signal: run.interrupt.signal, items: ids });
  run.printer.finish();

  const histories = await Promise.all(ids.map((id) => line.history(id)));
  const items = histories.map((history) => history.item);
  const openExceptions = await line.exceptions({ state: "open" });
  const settled = items.every((item) => settledWorkItemStates.includes(item.state));
  context.exitCode = settled ? exitCodes.success : exitCodes.regenerate;
  const stopped = run.interrupt.signal.aborted
    ? "Interrupted: running jobs were released; `shopfloor run` resumes them."
    : "The line is idle.";
  io.stdout(`\n${stopped} ${summary.jobsRun} jobs run.\n`);
  for (const history of histories) {
    io.stdout(`\n${renderDemoOutcome(history, openExceptions)}`);
  }
  io.stdout(`\n${outcomeCounts(items)}\n`);
  if (session.config.deploy.enabled && !run.interrupt.signal.aborted) {
    await showProduction(context, {
      line,
      root: dependencies.root(),
      profile: profile.name,
      signal: run.interrupt.signal,
      now: dependencies.now,
      sleep: dependencies.sleep,
      flush: () => run.printer.finish(),
      ...(dependencies.timeZone === undefined ? {} : { timeZone: dependencies.timeZone }),
    });
  }

  io.stdout("\n── the article's example\n\n");
  const resultsPath = articleResultsPath(dependencies.root());
  io.stdout(renderArticleExample(await io.readText(resultsPath), profile, articleResultsFile));

  io.stdout("\n── what it cost today\n\n");
  const location = { home: session.home, config: run.options.config };
  const report = await withLedger(io, location, dependencies.now, async (ledger) => {
    const today = budgetDayOf(dependencies.now(), await ledger.policy()).key;
    return ledger.report({ by: "station", since: today, until: today });
  });
  io.stdout(renderCostReport(report));

  const repeatHome = run.options.home !== undefined;
  io.stdout(`\n${renderLookNext({ home: session.home, repeatHome, items })}\n`);
}

function introduction(profile: QualityProfile, home: string, sandboxed: boolean): string {
  const width = Math.max(...demoExamples.map((example) => example.name.length));
  return [
    `shopfloor demo: the factory with no model and no key. ${demoExamples.length} example specs go down the line`,
    `(intake → build → scenarios → trials → gate → deploy) with the offline scaffold agent, under the "${profile.name}" profile:`,
    ...demoExamples.map((example) => `  ${example.name.padEnd(width)}  ${example.story}`),
    `Factory home: ${home}`,
    sandboxed
      ? "Each build is tested in the bubblewrap sandbox."
      : "Builds are tested without a sandbox (bubblewrap does not work here).",
    "",
    "",
  ].join("\n");
}
